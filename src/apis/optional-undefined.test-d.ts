// Type tests under the repository's exactOptionalPropertyTypes: options and tracking parameters take
// `undefined` for every optional key (a value that may be missing, such as an environment variable or
// an optional invoice field), while required keys still refuse it.
import { describe, expectTypeOf, it } from 'vitest';
import { createFirstPromoterV1, type FirstPromoterV1 } from './v1/client.js';
import { createFirstPromoter, type FirstPromoter } from './v2/client.js';

declare const maybe: string | undefined;
declare const maybeCount: number | undefined;
declare const fp: FirstPromoter;
declare const fp1: FirstPromoterV1;

describe('optional keys accept undefined', () => {
  it('in client options', () => {
    expectTypeOf(createFirstPromoter).toBeCallableWith({ apiKey: maybe, accountId: maybe, baseUrl: maybe, timeoutMs: maybeCount, logger: undefined });
    expectTypeOf(createFirstPromoterV1).toBeCallableWith({ apiKey: maybe, maxRetries: maybeCount, backoff: { baseDelayMs: maybeCount } });
  });

  it('in tracking parameters and per-call options, v2 and v1', () => {
    expectTypeOf(fp.track.sale).toBeCallableWith(
      { email: 'jane@example.com', uid: maybe, event_id: 'in_1', amount: 4999, plan: maybe, quantity: maybeCount, mrr: undefined, currency: maybe },
      { signal: undefined, timeoutMs: maybeCount },
    );
    expectTypeOf(fp.track.signup).toBeCallableWith({ uid: 'cus_1', tid: maybe, ref_id: 'jane20', ip: maybe });
    expectTypeOf(fp1.track.sale).toBeCallableWith({ uid: 'cus_1', email: maybe, event_id: 'in_1', amount: 4999, plan: maybe, mrr: undefined });
  });

  it('but not in required keys', () => {
    // @ts-expect-error event_id is required
    void fp.track.sale({ email: 'jane@example.com', event_id: maybe, amount: 4999 });
    // @ts-expect-error one of email and uid must be a string
    void fp.track.cancellation({ email: maybe });
  });
});
