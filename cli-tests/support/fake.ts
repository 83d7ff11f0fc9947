// The fake FirstPromoter of firstpromoter/testing for the CLI tests: started in the test process with
// the canary credentials the CLI's child processes are given (so a wrong or missing key is a 401, as
// it would be live), and read back by event, in the import journal's terms (`sale:in_1`): how often
// each event was sent, and what was recorded.
import { startFakeFirstPromoter, type FakeFirstPromoter, type FakeFirstPromoterOptions, type FakeRequest } from '../../src/testing.js';
import { CANARY } from './cli.js';

export type { FakeFirstPromoter };

export function startFake(options: FakeFirstPromoterOptions = {}): Promise<FakeFirstPromoter> {
  return startFakeFirstPromoter({
    apiKey: CANARY.FIRSTPROMOTER_API_KEY, accountId: CANARY.FIRSTPROMOTER_ACCOUNT_ID, v1ApiKey: CANARY.FIRSTPROMOTER_V1_API_KEY, ...options,
  });
}

/** Customers referred before the test (`customer0@example.com`…), the ones `sales()` of cli.ts pays for. */
export function referredCustomers(count: number): Array<{ email: string }> {
  return Array.from({ length: count }, (_, i) => ({ email: `customer${i}@example.com` }));
}

/** `sale:in_1`, `refund:rf_1`, `signup:lead0@example.com`: the event a tracking request is about. */
export function eventKey(request: FakeRequest): string | undefined {
  if (!request.operationId?.startsWith('track')) return undefined;
  const type = request.operationId.slice('track'.length).toLowerCase();
  const body = (request.body ?? {}) as Record<string, unknown>;
  return `${type}:${String(body.event_id ?? body.email ?? body.uid)}`;
}

/** How often each event was sent, faulted attempts included. */
export function sentCounts(fake: FakeFirstPromoter): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of fake.requests) {
    const key = eventKey(request);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One key per recorded sale, refund and signup, sorted: an event recorded twice would show twice. */
export function recordedKeys(fake: FakeFirstPromoter): string[] {
  const { sales, refunds, signups } = fake.records;
  return [
    ...sales.map((sale) => `sale:${sale.event_id}`),
    ...refunds.map((refund) => `refund:${refund.event_id}`),
    ...signups.map((signup) => `signup:${signup.email ?? signup.uid}`),
  ].sort();
}
