// One limiter handed to several clients of an account paces them together, whatever API they speak;
// `rateLimit: true` keeps meaning FirstPromoter's 400 a minute, now spread evenly. A store that fails
// fails the clients' calls with a RateLimitStoreError, tracking calls included, before anything is sent.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFirstPromoterV1 } from '../apis/v1/client.js';
import { createFirstPromoter } from '../apis/v2/client.js';
import type { LogEvent } from './options.js';
import { createRateLimiter } from './rate-limit.js';
import { RateLimitStoreError } from './store-error.js';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that answers a cancellation and records when (fake time, from t0) each request left. */
function recordingFetch(t0: number, sent: number[]) {
  return async () => {
    sent.push(Date.now() - t0);
    return new Response('{"id":1,"type":"cancellation","lead":{"id":1,"state":"cancelled"},"promoter":{"id":1}}', { headers: { 'content-type': 'application/json' } });
  };
}

describe('rateLimit', () => {
  it('shares one limiter between a v2 and a v1 client: together they keep its pace', async () => {
    const limiter = createRateLimiter({ requestsPerMinute: 600 });
    const sent: number[] = [];
    const fetch = recordingFetch(Date.now(), sent);
    const v2 = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, rateLimit: limiter });
    const v1 = createFirstPromoterV1({ apiKey: 'k1', fetch, rateLimit: limiter });
    const calls = [v2, v1, v2, v1].map((client) => client.track.cancellation({ uid: 'cus_1' }));
    await vi.advanceTimersByTimeAsync(300);
    await Promise.all(calls);
    expect(sent).toEqual([0, 100, 200, 300]);
  });

  it('gives each client its own budget when they get only the same figure', async () => {
    const sent: number[] = [];
    const fetch = recordingFetch(Date.now(), sent);
    const a = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, rateLimit: { requestsPerMinute: 600 } });
    const b = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, rateLimit: { requestsPerMinute: 600 } });
    const calls = [a, b].map((client) => client.track.cancellation({ uid: 'cus_1' }));
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(calls);
    expect(sent).toEqual([0, 0]);
  });

  it('paces `rateLimit: true` at 400 a minute, one request every 150 ms rather than a burst', async () => {
    const sent: number[] = [];
    const fp = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch: recordingFetch(Date.now(), sent), rateLimit: true });
    const calls = Array.from({ length: 4 }, () => fp.track.cancellation({ uid: 'cus_1' }));
    await vi.advanceTimersByTimeAsync(450);
    await Promise.all(calls);
    expect(sent).toEqual([0, 150, 300, 450]);
  });
});

describe('rateLimit over a store that fails', () => {
  const apiKey = 'sk_live_rate_limit_store_key';
  const redisUrl = `redis://default:${apiKey}@redis.internal:6379`;

  it('rejects tracking and admin calls of v2 and v1 with a RateLimitStoreError, sends nothing, leaks neither key nor URL', async () => {
    const thrown = new Error(`Connection is closed (${redisUrl})`);
    const store = { update: () => Promise.reject(thrown) };
    const fetch = vi.fn(recordingFetch(Date.now(), []));
    const events: LogEvent[] = [];
    const options = { fetch, rateLimit: { requestsPerMinute: 400, store }, logger: (event: LogEvent) => void events.push(event) };
    const v2 = createFirstPromoter({ apiKey, accountId: 'acct_store_test', ...options });
    const v1 = createFirstPromoterV1({ apiKey, ...options });
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['/track/sale', () => v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 })],
      ['/company/promoters/{id}', () => v2.api.GET('/company/promoters/{id}', { params: { path: { id: '1' } } })],
      ['/track/sale', () => v1.track.sale({ uid: 'cus_1', event_id: 'in_1', amount: 100 })],
    ];
    for (const [path, call] of calls) {
      const error = await call().then(() => undefined, (reason: unknown) => reason);
      expect(error, path).toBeInstanceOf(RateLimitStoreError);
      expect(error).toMatchObject({ path, attempts: 0, message: expect.stringContaining('nothing was sent for this request') });
      expect((error as RateLimitStoreError).cause.thrown()).toBe(thrown);
      for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity })]) {
        expect(text).not.toContain(apiKey);
        expect(text).not.toContain('redis.internal');
      }
    }
    expect(fetch).not.toHaveBeenCalled();
    expect(events.map((event) => [event.type, event.path, event.reason])).toEqual(calls.map(([path]) => ['failure', path, 'rate limit store failed']));
  });
});
