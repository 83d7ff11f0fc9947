// A limiter over a store that fails: every store call (the take, the wake-up after a wait, a 429's
// hold) rejects with a RateLimitStoreError in our words, whether the store threw at once or rejected,
// with what it threw reachable at `cause.thrown()` and never in the message, JSON or util.inspect.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore, type RateLimitStore } from '../internal/rate-limiter.js';
import { FirstPromoterError } from './errors.js';
import { createRateLimiter } from './rate-limit.js';
import { RateLimitStoreError, StoreFailure, storeFailed, toStoreFailure } from './store-error.js';

const API_KEY = 'sk_live_store_error_key_123';
const REDIS_URL = 'redis://admin:s3cr3t-pass@redis.internal:6379/0';
const hostile = () => new Error(`connect ECONNREFUSED ${REDIS_URL} while pacing key ${API_KEY}`);

/** A memory store whose updates after the first `healthy` ones fail by `fail` (throw at once, or return a rejection). */
function storeFailingAfter(healthy: number, fail: () => Promise<never>): RateLimitStore & { updates: number } {
  const memory = createMemoryStore();
  const store = {
    updates: 0,
    update<R>(key: string, change: Parameters<RateLimitStore['update']>[1]): Promise<R> {
      store.updates++;
      return store.updates > healthy ? fail() : memory.update(key, change) as Promise<R>;
    },
  };
  return store;
}

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

/** Every printed form of `error` that a caller or a log pipeline might produce. */
const renderings = (error: unknown) => [String(error), (error as Error).message, (error as Error).stack, JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity, getters: true })];

describe('a limiter whose store fails', () => {
  it.each([
    ['throws at once', (error: Error) => { throw error; }],
    ['rejects', (error: Error) => Promise.reject(error)],
  ])('rejects a take with a RateLimitStoreError when the store %s, its words only', async (_how, fail) => {
    const thrown = hostile();
    const store = storeFailingAfter(0, () => fail(thrown));
    const error = await rejection(createRateLimiter({ requestsPerMinute: 400, store }).take());
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect(error).toBeInstanceOf(FirstPromoterError);
    expect(error).toMatchObject({ name: 'RateLimitStoreError', method: undefined, path: undefined, attempts: 0 });
    expect((error as Error).message).toBe("The rate limit store failed (the store's update failed); nothing was sent. Check the store (for createRedisStore: that Redis is reachable), then try again.");
    for (const text of renderings(error)) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('s3cr3t-pass');
    }
    const cause = (error as RateLimitStoreError).cause;
    expect(cause).toBeInstanceOf(StoreFailure);
    expect(cause.message).toBe("the store's update failed");
    expect(cause.thrown()).toBe(thrown);
  });

  it('rejects a take whose wake-up update fails after its wait', async () => {
    // Update 1: the first take. Update 2: the second take reserves a slot 10 ms on. Update 3: its wake-up.
    const store = storeFailingAfter(2, () => Promise.reject(hostile()));
    const limiter = createRateLimiter({ requestsPerMinute: 6_000, store });
    await limiter.take();
    const error = await rejection(limiter.take());
    expect(store.updates).toBe(3);
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect((error as RateLimitStoreError).cause.thrown()).toMatchObject({ message: expect.stringContaining(API_KEY) });
  });

  it('rejects a backOff whose store fails', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 400, store: storeFailingAfter(0, () => Promise.reject(hostile())) });
    const error = await rejection(Promise.resolve(limiter.backOff?.(1_000)));
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it("passes the store's own RateLimitStoreError through unchanged (createRedisStore's, with its own words)", async () => {
    const own = storeFailed(new StoreFailure('Redis answered the rate limit script without its clock'));
    const error = await rejection(createRateLimiter({ requestsPerMinute: 400, store: storeFailingAfter(0, () => Promise.reject(own)) }).take());
    expect(error).toBe(own);
    expect((error as Error).message).toContain('(Redis answered the rate limit script without its clock); nothing was sent.');
  });
});

describe('RateLimitStoreError', () => {
  it('is exported by every entry that exports the error classes, as the one class', async () => {
    const entries = await Promise.all([import('../index.js'), import('../v1.js'), import('../affiliate.js'), import('../track.js'), import('../redis.js')]);
    for (const entry of entries) expect(entry.RateLimitStoreError).toBe(RateLimitStoreError);
  });

  it('is recognised across copies of the package, and its cause is reused by the copy that rewrites it', async () => {
    vi.resetModules();
    const copy = 'copy';
    const other = (await import(/* @vite-ignore */ `./store-error.js?${copy}`)) as typeof import('./store-error.js');
    expect(other.RateLimitStoreError).not.toBe(RateLimitStoreError);
    const foreign = other.storeFailed(new other.StoreFailure('ours', hostile()));
    expect(foreign).toBeInstanceOf(RateLimitStoreError);
    expect(foreign).toBeInstanceOf(FirstPromoterError);
    expect(toStoreFailure(foreign, 'unused')).toBe(foreign.cause);
    expect(toStoreFailure('a thrown string', 'our words')).toMatchObject({ message: 'our words' });
  });

  it('shows in JSON its name, message and call, never the cause', () => {
    const error = new RateLimitStoreError('The rate limit store failed.', new StoreFailure('x', hostile()), { method: 'POST', path: '/track/sale', attempts: 0 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'RateLimitStoreError', message: 'The rate limit store failed.', method: 'POST', path: '/track/sale', attempts: 0 });
  });
});
