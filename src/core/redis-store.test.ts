// The Redis store against a real redis-server started for this file (no mock): compare-and-set loses
// no write between two connections, state expires, limiters on two connections share one budget and
// one hold, and a Redis that is gone is a RateLimitStoreError. Without redis-server this file fails,
// except outside CI with FIRSTPROMOTER_SKIP_REDIS_TESTS=1 (scripts/redis-server.mjs).
import { inspect } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisSkipReason, startRedisServer } from '../../scripts/redis-server.mjs';
import { createFirstPromoter } from '../apis/v2/client.js';
import { ValidationError } from './errors.js';
import { createRateLimiter } from './rate-limit.js';
import { createRedisStore } from './redis-store.js';
import { RateLimitStoreError } from './store-error.js';

const skip = redisSkipReason();
if (skip) console.warn(skip);

describe('createRedisStore without a client', () => {
  it.each([[undefined], [{}], [{ client: { get: () => undefined } }]])('is a ValidationError naming `client` (%j)', (options) => {
    expect(() => createRedisStore(options as never)).toThrow(ValidationError);
    expect(() => createRedisStore(options as never)).toThrow(expect.objectContaining({ field: 'client', message: expect.stringContaining('createRedisStore needs { client }') }));
  });
});

describe.skipIf(skip !== undefined)('createRedisStore on a real redis-server', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>>;
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(server.url, { lazyConnect: false });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  }, 20_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
    await server?.stop();
  });

  it('keeps the state under the prefix, with a TTL and the server\'s clock', async () => {
    const client = connect();
    const store = createRedisStore({ client, prefix: 'test:' });
    const seen = await store.update('clock', (state, now) => ({ result: { state, now }, state: 'kept', ttlMs: 5_000 }));
    expect(seen.state).toBeUndefined();
    expect(Math.abs(seen.now - Date.now())).toBeLessThan(5_000);
    expect(await client.get('test:clock')).toBe('kept');
    const ttl = await client.pttl('test:clock');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
    expect(await store.update('clock', (state) => ({ result: state }))).toBe('kept');
  });

  it('loses no write when two connections change one key at once (compare-and-set)', async () => {
    const stores = [createRedisStore({ client: connect() }), createRedisStore({ client: connect() })];
    const increment = (state: string | undefined) => {
      const next = String(Number(state ?? 0) + 1);
      return { result: next, state: next };
    };
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => stores[i % 2]!.update('counter', increment)));
    expect(new Set(results).size).toBe(200);
    expect(await clients[0]!.get('firstpromoter:rate:counter')).toBe('200');
  });

  it('paces two limiters on separate connections as one budget', async () => {
    const key = 'acct_shared';
    const limiters = [0, 1].map(() => createRateLimiter({ requestsPerMinute: 6_000, store: createRedisStore({ client: connect() }), key }));
    const started = performance.now();
    await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 20 }, () => limiter.take())));
    // 40 starts 10 ms apart: the last one at least 39 intervals after the first. Each alone would take half.
    expect(performance.now() - started).toBeGreaterThanOrEqual(39 * 10 - 5);
  });

  it('holds every process back when one of them saw a 429', async () => {
    const key = 'acct_held';
    const [a, b] = [0, 1].map(() => createRateLimiter({ requestsPerMinute: 6_000, store: createRedisStore({ client: connect() }), key }));
    await a!.backOff!(300);
    const started = performance.now();
    await b!.take();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers a Redis that is gone with a RateLimitStoreError', async () => {
    const gone = new Redis({ port: 1, host: '127.0.0.1', lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    gone.on('error', () => undefined);
    const limiter = createRateLimiter({ requestsPerMinute: 400, store: createRedisStore({ client: gone }) });
    await expect(limiter.take()).rejects.toBeInstanceOf(RateLimitStoreError);
    gone.disconnect();
  });

  it('fails a client call with a RateLimitStoreError once its redis-server is stopped: nothing sent, no host, port or password shown', async () => {
    const own = await startRedisServer();
    const password = 'redis-store-test-pass-7d1e';
    const admin = new Redis(own.url);
    await admin.call('CONFIG', 'SET', 'requirepass', password);
    admin.disconnect();
    const url = own.url.replace('redis://', `redis://default:${password}@`);
    // No offline queue and no reconnecting: a command on a lost connection fails at once, as a service would want.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    clients.push(client);
    await new Promise((resolve) => client.once('ready', resolve));
    const fetch = vi.fn(async () => new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const fp = createFirstPromoter({ apiKey: 'sk_live_redis_stop_test', accountId: 'acct_1', fetch, rateLimit: { requestsPerMinute: 400, store: createRedisStore({ client }) } });
    await fp.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 });
    expect(fetch).toHaveBeenCalledTimes(1);
    await own.stop();
    const error = await fp.track.sale({ email: 'a@example.com', event_id: 'in_2', amount: 100 }).then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(RateLimitStoreError);
    expect(error).toMatchObject({ method: 'POST', path: '/track/sale', attempts: 0 });
    expect((error as Error).message).toContain('(Redis did not run the rate limit script: unreachable, or it refused it) before POST /track/sale was sent: nothing was sent');
    expect((error as RateLimitStoreError).cause.thrown()).toBeInstanceOf(Error);
    for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity })]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(String(own.port));
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
