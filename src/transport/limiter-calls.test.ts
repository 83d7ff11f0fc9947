// The attempt loop over a limiter whose store fails (scripted adapter, no HTTP): a failing take stops
// the call with a RateLimitStoreError naming it, sends nothing and is not retried; a failing backOff
// after a 429 leaves the 429 as the answer; each failure is one log event in our words; the caller's
// abort stays an AbortError.
import { describe, expect, it } from 'vitest';
import { AbortError } from '../core/errors.js';
import { createRateLimiter } from '../core/rate-limit.js';
import { RateLimitStoreError } from '../core/store-error.js';
import { createMemoryStore, type RateLimitStore } from '../internal/rate-limiter.js';
import { rejection, request, scripted, transport } from './scripted-adapter.js';

const API_KEY = 'sk_live_store_error_key_123';
const REDIS_URL = 'redis://admin:s3cr3t-pass@redis.internal:6379/0';
const hostile = () => new Error(`connect ECONNREFUSED ${REDIS_URL} (key ${API_KEY})`);

/** A memory store whose updates numbered in `failing` (from 1) reject with `thrown`; counts its updates. */
function flakyStore(failing: (update: number) => boolean, thrown: unknown = hostile()) {
  const memory = createMemoryStore();
  const store: RateLimitStore & { updates: number } = {
    updates: 0,
    update(key, change) {
      store.updates++;
      return failing(store.updates) ? Promise.reject(thrown) : memory.update(key, change);
    },
  };
  return store;
}

const limiterOver = (store: RateLimitStore) => createRateLimiter({ requestsPerMinute: 6_000, store });
const noSecrets = (text: string) => {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain('s3cr3t-pass');
};

describe('a failing take', () => {
  it('rejects the call with a RateLimitStoreError naming it, sends nothing, asks the store once and logs one event', async () => {
    const thrown = hostile();
    const store = flakyStore(() => true, thrown);
    const { adapter, calls } = scripted(200);
    const { send, events } = transport(adapter, { rateLimiter: limiterOver(store) });
    const error = await rejection(send(request('POST', { idempotent: true })));
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect(error).toMatchObject({ method: 'POST', path: '/company/promoters/{id}', attempts: 0 });
    expect((error as Error).message).toBe("The rate limit store failed (the store's update failed) before POST /company/promoters/{id} was sent: nothing was sent for this request. " +
      'Check the store (for createRedisStore: that Redis is reachable), then send the call again.');
    expect((error as RateLimitStoreError).cause.thrown()).toBe(thrown);
    // Not a wire failure: no retry, though the call is idempotent and maxRetries is 2.
    expect([calls.length, store.updates]).toEqual([0, 1]);
    expect(events).toEqual([{ type: 'failure', method: 'POST', path: '/company/promoters/{id}', attempt: 1, durationMs: expect.any(Number), reason: 'rate limit store failed' }]);
    noSecrets((error as Error).message);
    noSecrets(JSON.stringify(error));
  });

  it.each([
    ['throws at once', (thrown: Error) => ({ take() { throw thrown; } })],
    ['rejects', (thrown: Error) => ({ take: () => Promise.reject(thrown) })],
  ])('is a RateLimitStoreError too when a limiter of your own %s, what it threw kept for cause.thrown()', async (_how, limiter) => {
    const thrown = hostile();
    const own = limiter(thrown);
    const { adapter, calls } = scripted(200);
    const error = await rejection(transport(adapter, { rateLimiter: own }).send(request('GET')));
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect((error as Error).message).toMatch(/^The rate limit store failed \(the rate limiter's take failed\) before GET/);
    expect((error as RateLimitStoreError).cause.thrown()).toBe(thrown);
    expect(calls).toHaveLength(0);
  });

  it('stops a retry: the retry is not sent, the error says how the attempt before it ended and that resending is safe', async () => {
    const store = flakyStore((update) => update > 1);
    const { adapter, calls } = scripted(503, 200);
    const { send, events } = transport(adapter, { rateLimiter: limiterOver(store) });
    const error = await rejection(send(request('GET')));
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect(error).toMatchObject({ attempts: 1 });
    expect((error as Error).message).toContain('before GET /company/promoters/{id} could be retried: the retry was not sent, after 1 attempt(s) that were (the last: status 503). Sending the call again is safe');
    expect(calls).toHaveLength(1);
    expect(events.map((event) => [event.type, event.attempt, event.reason])).toEqual([['retry', 1, 'status 503'], ['failure', 2, 'rate limit store failed']]);
  });

  it("stays an AbortError when the caller's signal fired, even if the store then fails; a store's own AbortError is a store failure", async () => {
    const controller = new AbortController();
    const aborting: RateLimitStore = {
      update() {
        controller.abort(new Error('caller gave up'));
        return Promise.reject(new DOMException(`aborted ${REDIS_URL}`, 'AbortError'));
      },
    };
    const { adapter, calls } = scripted(200);
    const aborted = await rejection(transport(adapter, { rateLimiter: limiterOver(aborting) }).send(request('GET', undefined, controller.signal)));
    expect(aborted).toBeInstanceOf(AbortError);
    expect((aborted as Error).message).toMatch(/before it was sent/);
    const timedOut = flakyStore(() => true, new DOMException('redis command timed out', 'AbortError'));
    expect(await rejection(transport(adapter, { rateLimiter: limiterOver(timedOut) }).send(request('GET', undefined, new AbortController().signal)))).toBeInstanceOf(RateLimitStoreError);
    expect(calls).toHaveLength(0);
  });
});

describe('a failing backOff after a 429', () => {
  const tooMany = { status: 429, headers: { 'retry-after': '0' } };
  /** Lets the fire-and-forget backOff's rejection be logged. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('leaves the 429 as the answer when it is the last attempt, and logs the store failure', async () => {
    // Update 1: the take. Update 2: the hold after the 429.
    const store = flakyStore((update) => update === 2);
    const { adapter, calls } = scripted(tooMany);
    const { send, events } = transport(adapter, { rateLimiter: limiterOver(store), maxRetries: 0 });
    const response = await send(request('POST'));
    await settle();
    expect(response.status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(store.updates).toBe(2);
    expect(events).toEqual([
      { type: 'response', method: 'POST', path: '/company/promoters/{id}', attempt: 1, status: 429, durationMs: expect.any(Number) },
      { type: 'failure', method: 'POST', path: '/company/promoters/{id}', attempt: 1, status: 429, durationMs: expect.any(Number), reason: 'rate limit store failed to hold the budget after a 429' },
    ]);
  });

  it('lets the retry go on when the store answers its take, and ends with the retry\'s answer', async () => {
    const store = flakyStore((update) => update === 2);
    const { adapter, calls } = scripted(tooMany, 200);
    const { send, events } = transport(adapter, { rateLimiter: limiterOver(store) });
    expect((await send(request('POST'))).status).toBe(200);
    await settle();
    expect(calls).toHaveLength(2);
    expect(events.map((event) => event.reason ?? event.type)).toEqual(expect.arrayContaining(['status 429', 'rate limit store failed to hold the budget after a 429', 'response']));
  });

  it('also logs a limiter of your own whose backOff throws at once, and still answers the 429', async () => {
    const own = { async take() {}, backOff() { throw hostile(); } };
    const { adapter } = scripted(tooMany);
    const { send, events } = transport(adapter, { rateLimiter: own, maxRetries: 0 });
    expect((await send(request('GET'))).status).toBe(429);
    expect(events.filter((event) => event.type === 'failure')).toHaveLength(1);
    noSecrets(JSON.stringify(events));
  });
});
