// Each fault switch of the fake through the real client, with what the caller sees and whether the fake
// acted (recorded the sale) before it broke the answer; rules for the next N requests, matching,
// seeded random draws; and the account rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIError, ConnectionError, createFirstPromoter, InternalServerError, RateLimitError, TimeoutError, toArray, paginate, PaginationError,
} from '../index.js';
import { FAULT_KINDS, startFakeFirstPromoter, type FakeFirstPromoter } from '../testing.js';

const SLOW_MS = 300;
let fake: FakeFirstPromoter;
beforeAll(async () => {
  fake = await startFakeFirstPromoter({ slowMs: SLOW_MS });
});
beforeEach(() => fake.reset());
afterAll(() => fake?.close());

const client = (options: { timeoutMs?: number; maxRetries?: number } = {}) => createFirstPromoter({
  apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0, timeoutMs: 150,
  backoff: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 }, ...options,
});
const sale = { email: 'jane@example.com', event_id: 'in_1', amount: 4999, ref_id: 'pat' };
const waitOutSlowness = () => new Promise((resolve) => setTimeout(resolve, SLOW_MS + 50));

/** What the caller gets (error class or outcome), and whether the sale was recorded, per fault. */
const EXPECTED: Record<(typeof FAULT_KINDS)[number], { error?: new (...args: never[]) => Error; status?: number; recorded: boolean }> = {
  reset_before: { error: ConnectionError, recorded: false },
  reset_after: { error: ConnectionError, recorded: true },
  status_500: { error: InternalServerError, status: 500, recorded: false },
  html_502: { error: InternalServerError, status: 502, recorded: false },
  html_502_after: { error: InternalServerError, status: 502, recorded: true },
  empty_503: { error: InternalServerError, status: 503, recorded: false },
  status_408: { error: APIError, status: 408, recorded: false },
  rate_limited: { error: RateLimitError, status: 429, recorded: false },
  retry_after_seconds: { error: RateLimitError, status: 429, recorded: false },
  retry_after_date: { error: InternalServerError, status: 503, recorded: false },
  slow_headers: { error: TimeoutError, recorded: true },
  slow_record: { error: TimeoutError, recorded: true },
  slow_body: { error: TimeoutError, recorded: true },
  truncated_body: { error: ConnectionError, recorded: true },
  empty_body_after: { error: APIError, status: 200, recorded: true },
};

describe('each fault, for the next request', () => {
  for (const kind of FAULT_KINDS) {
    it(`${kind}: the caller gets ${EXPECTED[kind].error?.name}, the sale is ${EXPECTED[kind].recorded ? '' : 'not '}recorded, a resend is safe`, async () => {
      fake.faults.next(1, kind);
      const error = await client().track.sale(sale).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(EXPECTED[kind].error!);
      if (EXPECTED[kind].status) expect(error).toMatchObject({ status: EXPECTED[kind].status });
      if (kind.startsWith('slow')) await waitOutSlowness();
      expect(fake.records.sales).toHaveLength(EXPECTED[kind].recorded ? 1 : 0);
      expect(fake.requests[0]).toMatchObject({ operationId: 'trackSale', fault: kind });
      // The rule was for one request: the resend is answered normally, and recorded once in all.
      const again = await client().track.sale(sale);
      expect(again.outcome).toBe(EXPECTED[kind].recorded ? 'duplicate' : 'tracked');
      expect(fake.records.sales).toHaveLength(1);
      expect(fake.faults.counts[kind]).toBe(1);
    });
  }

  it('sends Retry-After as seconds or as a date, and the client waits for it within its cap', async () => {
    fake.faults.next(1, 'retry_after_seconds');
    fake.faults.next(1, 'retry_after_date');
    const result = await client({ maxRetries: 2 }).track.sale(sale);
    expect(result).toMatchObject({ outcome: 'tracked', attempts: 3 });
    expect(fake.requests.map((r) => r.status)).toEqual([429, 503, 200]);
  });

  it('ignore_page: a list answers page 1 whatever page says, and the client stops with a PaginationError', async () => {
    // The 150 sales are setup, not the fault under test: a loaded machine must not time them out.
    const fp = client({ timeoutMs: 10_000 });
    for (let i = 0; i < 150; i++) await fp.track.sale({ ...sale, email: `b${i}@example.com`, event_id: `in_${i}` });
    fake.faults.next(5, 'ignore_page', { match: (request) => request.operationId === 'listCommissions' });
    await expect(toArray(paginate(fp, '/company/commissions'), { limit: 1_000 })).rejects.toBeInstanceOf(PaginationError);
  });

  it('sends a canned answer instead of acting: any status, headers and body', async () => {
    fake.faults.next(1, { status: 503, body: '<html>maintenance</html>', headers: { 'content-type': 'text/html', 'x-why': 'test' } });
    const error = await client().track.sale(sale).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, body: '<html>maintenance</html>' });
    expect((error as APIError).headers['x-why']).toBe('test');
    expect(fake.records.sales).toEqual([]);
    expect(fake.faults.counts.answer).toBe(1);
  });
});

describe('fault rules', () => {
  it('apply to the next N matching requests only, in the order they were added, then stop', async () => {
    fake.faults.next(2, 'status_500', { match: (request) => request.operationId === 'trackRefund' });
    fake.faults.next(1, 'reset_before');
    const fp = client();
    await expect(fp.track.sale(sale)).rejects.toBeInstanceOf(ConnectionError);
    expect((await fp.track.sale(sale)).outcome).toBe('tracked');
    const refund = { email: sale.email, event_id: 're_1', amount: 100 };
    await expect(fp.track.refund(refund)).rejects.toBeInstanceOf(InternalServerError);
    await expect(fp.track.refund(refund)).rejects.toBeInstanceOf(InternalServerError);
    expect((await fp.track.refund(refund)).outcome).toBe('tracked');
    expect(fake.requests.map((r) => r.fault)).toEqual(['reset_before', undefined, 'status_500', 'status_500', undefined]);
  });

  it('draw a seeded share of requests: the same seed faults the same requests, rate 0 none, and clear() stops them', async () => {
    const run = async () => {
      fake.reset();
      fake.faults.random({ rate: 0.5, seed: 42, kinds: ['status_500', 'rate_limited'] });
      const fp = client();
      for (let i = 0; i < 20; i++) await fp.track.sale({ ...sale, event_id: `in_${i}` }).catch(() => undefined);
      return fake.requests.map((r) => r.fault ?? '-');
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((f) => f !== '-').length).toBeGreaterThan(4);
    expect(new Set(first)).toEqual(new Set(['-', 'status_500', 'rate_limited']));
    fake.faults.clear();
    fake.faults.random({ rate: 0 });
    await client().track.sale({ ...sale, event_id: 'in_x' });
    expect(fake.requests.at(-1)?.fault).toBeUndefined();
    expect(() => fake.faults.random({ rate: 2 })).toThrow(RangeError);
    expect(() => fake.faults.next(0, 'status_500')).toThrow(RangeError);
  });
});

describe('the account rate limit', () => {
  it('answers 429 once the requests of the window are used up, optionally with Retry-After, until it is turned off', async () => {
    fake.rateLimit({ requests: 2, perMs: 60_000 });
    const fp = client();
    for (const i of [1, 2]) expect((await fp.track.sale({ ...sale, event_id: `in_${i}` })).outcome).toBe('tracked');
    await expect(fp.track.sale({ ...sale, event_id: 'in_3' })).rejects.toBeInstanceOf(RateLimitError);
    fake.rateLimit({ requests: 0, retryAfterSeconds: 7 });
    const limited = await fp.track.sale({ ...sale, event_id: 'in_3' }).catch((e: unknown) => e);
    expect((limited as APIError).headers['retry-after']).toBe('7');
    fake.rateLimit(false);
    expect((await fp.track.sale({ ...sale, event_id: 'in_3' })).outcome).toBe('tracked');
    expect(fake.records.sales.map((s) => s.event_id)).toEqual(['in_1', 'in_2', 'in_3']);
  });

  it('lets the client\'s retries ride out a short window', async () => {
    fake.rateLimit({ requests: 1, perMs: 100 });
    await client().track.sale({ ...sale, event_id: 'in_1' });
    const slow = createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 5, backoff: { baseDelayMs: 60, maxDelayMs: 120 } });
    expect((await slow.track.sale({ ...sale, event_id: 'in_2' })).outcome).toBe('tracked');
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);
  });
});
