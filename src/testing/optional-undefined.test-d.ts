// Type tests under the repository's exactOptionalPropertyTypes, through the `firstpromoter/testing`
// entries: every optional key of what a test passes (the fake's options and seeds, its fault and rate
// limit switches, the contract mock's and sendWebhook's options) takes `undefined`, as the client's own
// options do, while required keys still refuse it.
import { describe, expectTypeOf, it } from 'vitest';
import { sendWebhook as sendWebhookAnywhere } from '../testing-workers.js';
import { sendWebhook, startContractMock, startFakeFirstPromoter, webhookExample, type FakeFirstPromoter, type FaultKind, type FakeRequest } from '../testing.js';

declare const maybe: string | undefined;
declare const maybeCount: number | undefined;
declare const maybeFlag: boolean | undefined;
declare const fake: FakeFirstPromoter;
declare const maybeMatch: ((request: FakeRequest) => boolean) | undefined;
declare const maybeKinds: readonly FaultKind[] | undefined;
declare const maybeFetch: ((input: Request) => Promise<Response>) | undefined;

describe('testing options accept undefined for optional keys', () => {
  it('in the fake\'s options', () => {
    expectTypeOf(startFakeFirstPromoter).toBeCallableWith({
      apiKey: maybe, accountId: maybe, v1ApiKey: maybe, affiliateAccessToken: maybe, affiliateAccountId: maybe,
      autoApproveCommissions: maybeFlag, batchPolls: maybeCount, batchMs: maybeCount, slowMs: maybeCount, latencyMs: maybeCount,
      commissionPercent: maybeCount, promoter: undefined, promoters: undefined, referrals: undefined,
    });
  });

  it('in its seeds', () => {
    expectTypeOf(startFakeFirstPromoter).toBeCallableWith({
      promoter: { email: 'pat@example.com', name: maybe, ref_id: maybe, cust_id: maybe, state: undefined },
      referrals: [{ email: maybe, uid: maybe, ref_id: maybe }],
    });
  });

  it('in the fault and rate limit switches', () => {
    expectTypeOf(fake.faults.next).toBeCallableWith(1, { status: 503, body: undefined, headers: undefined }, { match: maybeMatch, delayMs: maybeCount });
    expectTypeOf(fake.faults.random).toBeCallableWith({ rate: 0.1, seed: maybeCount, kinds: maybeKinds, match: maybeMatch, delayMs: maybeCount });
    expectTypeOf(fake.rateLimit).toBeCallableWith({ requests: 400, perMs: maybeCount, retryAfterSeconds: maybeCount });
  });

  it('in the contract mock and sendWebhook, both builds', () => {
    expectTypeOf(startContractMock).toBeCallableWith({ specs: undefined });
    const options = { basicAuth: undefined, headers: undefined, fetch: maybeFetch };
    expectTypeOf(sendWebhook).toBeCallableWith('https://app.example/hooks', webhookExample('referral.created'), options);
    expectTypeOf(sendWebhookAnywhere).toBeCallableWith('https://app.example/hooks', webhookExample('referral.created'), options);
  });

  it('but not in required keys', () => {
    // @ts-expect-error a promoter seed needs an email
    void startFakeFirstPromoter({ promoter: { email: maybe } });
    // @ts-expect-error a random fault needs a rate
    fake.faults.random({ rate: maybeCount });
    // @ts-expect-error a rate limit needs a number of requests
    fake.rateLimit({ requests: maybeCount });
  });
});
