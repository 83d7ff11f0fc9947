// The limiter over its store, on a fake clock: takes are paced one interval apart, a 429's hold reaches
// the starts already waiting, a waiting take can abort, and two limiters on one store share its budget.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, createPacer } from './rate-limiter.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

type Limiter = ReturnType<typeof createPacer>;

/** Starts `count` takes and records the fake time at which each one is let through. */
function startTakes(limiter: Limiter, count: number, signal?: AbortSignal) {
  const t0 = Date.now();
  const started: number[] = [];
  const done = Array.from({ length: count }, () => limiter.take(signal).then(() => started.push(Date.now() - t0)));
  return { started, done };
}

describe('createPacer', () => {
  it.each([
    { pacing: 'spreads takes one interval apart, the first at once', burst: 1, waitMs: 400, expected: [0, 100, 200, 300, 400] },
    { pacing: 'lets a burst through after a quiet spell, then paces', burst: 3, waitMs: 200, expected: [0, 0, 0, 100, 200] },
  ])('$pacing', async ({ burst, waitMs, expected }) => {
    const limiter = createPacer({ policy: { intervalMs: 100, burst } });
    const { started, done } = startTakes(limiter, 5);
    await vi.advanceTimersByTimeAsync(waitMs);
    await Promise.all(done);
    expect(started).toEqual(expected);
  });

  it('holds back the starts already waiting when a 429 comes in, then resumes at the pace', async () => {
    const limiter = createPacer({ policy: { intervalMs: 100, burst: 1 } });
    const { started, done } = startTakes(limiter, 4);
    await vi.advanceTimersByTimeAsync(50);
    await limiter.backOff(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(done);
    expect(started).toEqual([0, 1_050, 1_150, 1_250]);
  });

  it('rejects a waiting take when its signal aborts', async () => {
    const limiter = createPacer({ policy: { intervalMs: 1_000, burst: 1 } });
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(limiter.take(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('shares one budget between two limiters on the same store and key, not across keys', async () => {
    const store = createMemoryStore();
    const policy = { intervalMs: 100, burst: 1 };
    const a = startTakes(createPacer({ policy, store, key: 'acct_1' }), 3);
    const b = startTakes(createPacer({ policy, store, key: 'acct_1' }), 3);
    const other = startTakes(createPacer({ policy, store, key: 'acct_2' }), 1);
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all([...a.done, ...b.done, ...other.done]);
    expect([...a.started, ...b.started].sort((x, y) => x - y)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(other.started).toEqual([0]);
  });

  it('forgets a bucket once its state no longer matters', async () => {
    let now = 0;
    const store = createMemoryStore(() => now);
    const seen: Array<string | undefined> = [];
    await store.update('k', () => ({ result: 0, state: 'x', ttlMs: 100 }));
    now = 99;
    await store.update('k', (state) => ({ result: seen.push(state) }));
    now = 100;
    await store.update('k', (state) => ({ result: seen.push(state) }));
    expect(seen).toEqual(['x', undefined]);
  });
});
