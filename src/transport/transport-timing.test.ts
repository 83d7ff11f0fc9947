// The attempt loop in time, over a scripted adapter: it waits what the policy decided, times out an
// attempt through the adapter's signal, stops on the caller's signal at every stage (before sending,
// in flight, between attempts, at the rate limiter) without retrying, and paces with the rate limiter.
import { describe, expect, it, vi } from 'vitest';
import { AbortError, ConnectionError, TimeoutError } from '../core/errors.js';
import { createRateLimiter } from '../core/rate-limit.js';
import { WireFailure, type TransportAdapter } from './adapter.js';
import { rejection, request, scripted, transport } from './scripted-adapter.js';

describe('waiting between attempts', () => {
  it('waits the Retry-After the adapter passed on, capped by maxRetryAfterMs, and logs the wait', async () => {
    for (const [header, expected] of [['0.03', 30], ['120', 50], ['0', 0]] as const) {
      const { adapter } = scripted({ status: 429, headers: { 'retry-after': header } }, 200);
      const { send, events } = transport(adapter);
      const started = performance.now();
      await send(request('POST'));
      expect(events.find((e) => e.type === 'retry'), header).toMatchObject({ status: 429, delayMs: expected, reason: 'status 429' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(expected - 5);
    }
  });

  it('backs off exponentially with jitter, within bounds, up to the cap, counting attempts', async () => {
    const { adapter } = scripted(503);
    const { send, events } = transport(adapter, { maxRetries: 4, backoff: { baseDelayMs: 8, maxDelayMs: 40, maxRetryAfterMs: 50 } });
    await send(request('GET'));
    const delays = events.filter((e) => e.type === 'retry').map((e) => e.delayMs ?? -1);
    const ceilings = [8, 16, 32, 40];
    expect(delays).toHaveLength(4);
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(Math.floor(ceilings[i]! * 0.75));
      expect(delay).toBeLessThanOrEqual(ceilings[i]!);
    });
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt through the adapter\'s signal, retries it, then throws TimeoutError', async () => {
    const { adapter, calls } = scripted('hang');
    const error = await rejection(transport(adapter, { timeoutMs: 20, maxRetries: 1 }).send(request('GET')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 2 });
    expect((error as Error).message).toMatch(/GET \/company\/promoters\/\{id\} got no complete answer within 20 ms on 2 attempt\(s\)\. .*sending it again is safe/);
    expect(calls).toHaveLength(2);
  });

  it('does not resend a POST that timed out', async () => {
    const { adapter, calls } = scripted('hang');
    const error = await rejection(transport(adapter, { timeoutMs: 20 }).send(request('POST')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/check before sending it again/);
    expect(calls).toHaveLength(1);
  });

  it('counts any failure after its timer fired as a timeout, whatever the adapter reports', async () => {
    const late: TransportAdapter = {
      name: 'late',
      send: (wire) => new Promise((_, reject) => wire.signal.addEventListener('abort', () => reject(new WireFailure('connection', 'socket hang up', { code: 'ECONNRESET' })))),
    };
    const error = await rejection(transport(late, { timeoutMs: 20, maxRetries: 0 }).send(request('GET')));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('aborts before the first attempt without sending anything', async () => {
    const { adapter, calls } = scripted(200);
    const error = await rejection(transport(adapter).send(request('GET', undefined, AbortSignal.abort())));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/before it was sent/);
    expect(calls).toHaveLength(0);
  });

  it.each(['GET', 'POST'])('aborts a %s during an attempt through the adapter\'s signal and does not retry', async (method) => {
    const { adapter, calls } = scripted('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    const error = await rejection(transport(adapter, { timeoutMs: 5_000 }).send(request(method, undefined, controller.signal)));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/after 1 attempt\(s\); one in flight may still have reached FirstPromoter/);
    expect((error as AbortError).cause).toEqual(new Error('user gave up'));
    expect(calls).toHaveLength(1);
  });

  it('aborts during the wait between attempts without waiting it out', async () => {
    const { adapter, calls } = scripted(503);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const slowBackoff = { baseDelayMs: 60_000, maxDelayMs: 60_000, maxRetryAfterMs: 60_000 };
    const error = await rejection(transport(adapter, { backoff: slowBackoff }).send(request('GET', undefined, controller.signal)));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/after 1 attempt/);
    expect(calls).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('aborts while waiting for the rate limiter', async () => {
    const { adapter, calls } = scripted(200);
    const { send } = transport(adapter, { rateLimiter: createRateLimiter({ requestsPerMinute: 1 }) });
    await send(request('GET'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(send(request('GET', undefined, controller.signal)));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/before it was sent/);
    expect(calls).toHaveLength(1);
  });
});

describe('rate limiter in the loop', () => {
  it('spreads requests one interval apart instead of sending a burst (fake clock)', async () => {
    vi.useFakeTimers();
    try {
      const { adapter, calls } = scripted(200);
      const { send } = transport(adapter, { rateLimiter: createRateLimiter({ requestsPerMinute: 120 }) });
      const sent: number[] = [];
      const t0 = Date.now();
      const all = [1, 2, 3].map(() => send(request('GET')).then(() => sent.push(Date.now() - t0)));
      await vi.advanceTimersByTimeAsync(499);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(500);
      await Promise.all(all);
      expect(sent).toEqual([0, 500, 1_000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells the limiter about a 429, so other requests wait out its Retry-After too (fake clock)', async () => {
    vi.useFakeTimers();
    try {
      const { adapter, calls } = scripted({ status: 429, headers: { 'retry-after': '2' } }, 200);
      const backoff = { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10_000 };
      const { send } = transport(adapter, { backoff, rateLimiter: createRateLimiter({ requestsPerMinute: 6_000 }) });
      const first = send(request('POST'));
      await vi.advanceTimersByTimeAsync(0);
      expect(calls).toHaveLength(1);
      const second = send(request('GET'));
      await vi.advanceTimersByTimeAsync(1_999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(20);
      await Promise.all([first, second]);
      expect(calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a slot for every attempt, retries included', async () => {
    vi.useFakeTimers();
    try {
      const { adapter, calls } = scripted(503, 200);
      const { send } = transport(adapter, { rateLimiter: createRateLimiter({ requestsPerMinute: 60 }) });
      const call = send(request('GET'));
      await vi.advanceTimersByTimeAsync(500);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(500);
      expect((await call).status).toBe(200);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
