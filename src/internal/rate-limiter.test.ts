// The client-side limiter on a fake clock: bursts up to the limit pass at once, the rest start only
// as the oldest start leaves the window, and a waiting caller can abort.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` takes and records the fake time at which each one is let through. */
function startTakes(limiter: ReturnType<typeof createRateLimiter>, count: number, signal?: AbortSignal) {
  const t0 = Date.now();
  const started: number[] = [];
  const done = Array.from({ length: count }, () => limiter.take(signal).then(() => started.push(Date.now() - t0)));
  return { started, done };
}

describe('createRateLimiter', () => {
  it('lets a burst up to the limit through at once and paces the rest by the window', async () => {
    const limiter = createRateLimiter(3, 1_000);
    const { started, done } = startTakes(limiter, 7);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([0, 0, 0, 1_000, 1_000, 1_000]);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(done);
    expect(started).toEqual([0, 0, 0, 1_000, 1_000, 1_000, 2_000]);
  });

  it('paces FirstPromoter’s 400 per minute: 401st request waits a minute', async () => {
    const limiter = createRateLimiter(400);
    const { started } = startTakes(limiter, 401);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(started).toHaveLength(400);
    await vi.advanceTimersByTimeAsync(1);
    expect(started.at(-1)).toBe(60_000);
  });

  it('slides: starts spread over the window free their slots one by one', async () => {
    const limiter = createRateLimiter(2, 1_000);
    await limiter.take();
    await vi.advanceTimersByTimeAsync(400);
    await limiter.take();
    const { started } = startTakes(limiter, 2);
    await vi.advanceTimersByTimeAsync(600);
    expect(started).toEqual([600]);
    await vi.advanceTimersByTimeAsync(400);
    expect(started).toEqual([600, 1_000]);
  });

  it('rejects a waiting take when its signal aborts, without taking a slot', async () => {
    const limiter = createRateLimiter(1, 1_000);
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await vi.advanceTimersByTimeAsync(1_000);
    const { started } = startTakes(limiter, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
  });
});
