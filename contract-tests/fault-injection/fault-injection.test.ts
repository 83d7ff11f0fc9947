// Nothing lost, nothing counted twice: thousands of sales (v1 and v2) through the real clients against
// the fake FirstPromoter (firstpromoter/testing), which faults a large share of attempts. Each call ends
// as tracked/duplicate, or as a typed error the caller answers by sending the same event_id again; at the
// end the fake holds every sale exactly once. Loopback only, short timeouts and backoffs, bounded loops.
// It runs on both adapters: node:http (the default on Node) and fetch (the default elsewhere, and
// whenever a fetch is passed), each against a fake of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIError, ConnectionError, createFirstPromoter, FirstPromoterError, type FirstPromoterOptions, type Money, type TrackOutcome,
} from '../../src/index.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { FAULT_KINDS, startFakeFirstPromoter, type FakeFirstPromoter } from '../../src/testing.js';
import { CANARY } from '../support/canary.js';
import { LeakCollector } from '../support/leak-scan.js';

const SALES = 2_000;
const REFUNDS = 200;
const CONCURRENCY = 16;
/**
 * Per-attempt timeout, and how late the server's slow answers come. The timeout is short so the suite
 * stays fast, yet far above a healthy loopback answer even on a loaded 2-core machine: if healthy answers
 * missed it too, every timed-out attempt would add a reconnect and the run would feed on itself.
 */
const TIMEOUT_MS = 250;
const SLOW_MS = 700;
/** Caller-level rounds per event; each round is one client call with its own retries. */
const MAX_ROUNDS = 30;
const SEED = Number(process.env.FAULT_SEED ?? 20_260_301);

const leaks = new LeakCollector();
let fake: FakeFirstPromoter;

/** The options that pick each adapter. */
const ADAPTERS: Record<string, Partial<FirstPromoterOptions>> = { 'node:http': {}, fetch: { fetch: (input, init) => globalThis.fetch(input, init) } };

function clients(transport: Partial<FirstPromoterOptions>) {
  const common: FirstPromoterOptions = {
    ...transport,
    timeoutMs: TIMEOUT_MS,
    maxRetries: 2,
    backoff: { baseDelayMs: 1, maxDelayMs: 8, maxRetryAfterMs: 10 },
    logger: leaks.logger,
  };
  const v2 = createFirstPromoter({ ...common, apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: fake.v2BaseUrl });
  const v1 = createFirstPromoterV1({ ...common, apiKey: CANARY.v1ApiKey, baseUrl: fake.v1BaseUrl });
  leaks.object('v2 client', v2);
  leaks.object('v1 client', v1);
  return { v1, v2 };
}

/** What a careful caller retries: the call may not have landed, and repeating the event_id is safe. */
function worthRepeating(error: unknown): boolean {
  if (error instanceof ConnectionError) return true; // TimeoutError included
  if (!(error instanceof APIError)) return false;
  return error.status >= 500 || error.status === 429 || error.status === 408 || error.status < 300;
}

interface Ending {
  outcome?: TrackOutcome<unknown>['outcome'];
  rounds: number;
  /** Attempts the transport reported for the final answer. */
  attempts: number;
  failure?: unknown;
}

async function untilSettled(call: () => Promise<TrackOutcome<unknown>>, label: string): Promise<Ending> {
  let last: unknown;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    try {
      const result = await call();
      return { outcome: result.outcome, rounds: round, attempts: result.attempts };
    } catch (error) {
      leaks.error(label, error);
      last = error;
      if (!(error instanceof FirstPromoterError) || !worthRepeating(error)) return { rounds: round, attempts: 0, failure: error };
      // A real caller waits longer after each failed round; so does this one.
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * 2 ** round, 1_000)));
    }
  }
  return { rounds: MAX_ROUNDS, attempts: 0, failure: new Error(`${label}: still failing after ${MAX_ROUNDS} rounds, last: ${String(last)}`) };
}

async function pool<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  }));
  return results;
}

/**
 * Sale i: v1 on odd i, v2 on even; every third one as a decimal Money value. The `ref_id` credits the
 * buyer to the fake's promoter in the same call, as a referral link would: a sale of a customer nobody
 * referred is not recorded at all.
 */
function sale(i: number): { email: string; event_id: string; amount: number | Money; ref_id: string; cents: number } {
  const cents = 1_000 + i;
  const amount = i % 3 === 0 ? { amount: (cents / 100).toFixed(2), currency: 'USD' } : cents;
  return { email: `buyer-${i}@example.test`, event_id: `in_${SEED}_${i}`, amount, ref_id: fake.promoter.ref_id, cents };
}

for (const [adapter, transport] of Object.entries(ADAPTERS)) describe(`fault injection: tracking under faulted transport (${adapter})`, () => {
  beforeAll(async () => {
    fake = await startFakeFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, v1ApiKey: CANARY.v1ApiKey, slowMs: SLOW_MS });
    fake.faults.random({ rate: 0.4, seed: SEED });
  });

  afterAll(async () => {
    await fake?.close();
  });

  it(`records each of ${SALES} sales and ${REFUNDS} refunds exactly once`, { timeout: 120_000 }, async () => {
    const { v1, v2 } = clients(transport);
    const sales = await pool(SALES, (i) => {
      const { cents, ...params } = sale(i);
      const call = i % 2 === 1 ? () => v1.track.sale(params) : () => v2.track.sale(params);
      return untilSettled(call, `sale ${i}`);
    });
    const refunds = await pool(REFUNDS, (i) => {
      const params = { email: `buyer-${i}@example.test`, event_id: `re_${SEED}_${i}`, amount: 500 };
      const call = i % 2 === 1 ? () => v1.track.refund(params) : () => v2.track.refund(params);
      return untilSettled(call, `refund ${i}`);
    });

    const { sales: recordedSales, refunds: recordedRefunds } = fake.records;
    const byEmail = new Map<string, number>();
    for (const event of recordedSales) byEmail.set(event.email!, (byEmail.get(event.email!) ?? 0) + 1);
    let lost = 0;
    let doubleCounted = 0;
    let recordedOnce = 0;
    for (let i = 0; i < SALES; i++) {
      const { email, event_id, cents } = sale(i);
      const times = byEmail.get(email) ?? 0;
      if (times === 0) lost++;
      if (times > 1) doubleCounted++;
      const event = recordedSales.find((e) => e.email === email);
      if (times === 1 && event?.event_id === event_id && event.amount === cents && event.api === (i % 2 === 1 ? 'v1' : 'v2')) recordedOnce++;
    }
    const attempts = fake.requests.length;
    const faulted = fake.requests.filter((r) => r.fault !== undefined).length;
    console.log(`fault-injection: sent=${SALES} faulted_attempts=${faulted} recorded_once=${recordedOnce} lost=${lost} double_counted=${doubleCounted} adapter=${adapter}`);

    const failures = [...sales, ...refunds].filter((e) => e.failure !== undefined).map((e) => String(e.failure));
    expect(failures).toEqual([]);
    expect(lost).toBe(0);
    expect(doubleCounted).toBe(0);
    expect(recordedOnce).toBe(SALES);
    expect(recordedRefunds).toHaveLength(REFUNDS);
    expect(new Set(recordedRefunds.map((e) => e.event_id)).size).toBe(REFUNDS);
    for (const refund of recordedRefunds) expect([refund.amount, refund.api]).toEqual([500, Number(refund.event_id.split('_').at(-1)) % 2 === 1 ? 'v1' : 'v2']);

    // The run was as hostile as promised, and the interesting paths were taken.
    expect(faulted / attempts, `${faulted} of ${attempts} attempts faulted (seed ${SEED})`).toBeGreaterThanOrEqual(0.3);
    for (const fault of FAULT_KINDS) expect(fake.faults.counts[fault], fault).toBeGreaterThan(0);
    const endings = [...sales, ...refunds];
    expect(endings.every((e) => e.outcome === 'tracked' || e.outcome === 'duplicate')).toBe(true);
    expect(endings.filter((e) => e.outcome === 'duplicate' && e.attempts > 1).length, '409 after a retried attempt').toBeGreaterThan(0);
    expect(endings.filter((e) => e.rounds > 1).length, 'caller-level repeats').toBeGreaterThan(0);
  });

  it('leaks no canary key and no promoter secret into any error, log or inspected client', () => {
    expect(leaks.size).toBeGreaterThan(1_000);
    expect(leaks.hits()).toEqual([]);
  });
});
