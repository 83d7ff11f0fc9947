// One limiter handed to several clients of an account paces them together, whatever API they speak;
// `rateLimit: true` keeps meaning FirstPromoter's 400 a minute, now spread evenly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFirstPromoterV1 } from '../apis/v1/client.js';
import { createFirstPromoter } from '../apis/v2/client.js';
import { createRateLimiter } from './rate-limit.js';

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
