// The fake FirstPromoter (firstpromoter/testing) for the suites that need a server with state: lists
// that really page, batches that move on between polls, faults on a given request. One fake per test,
// closed when the test finishes, with the canary credentials; the real clients pointed at it without
// retries, so every answer shows.
import { onTestFinished } from 'vitest';
import { createFirstPromoterAffiliate } from '../../src/affiliate.js';
import { createFirstPromoter } from '../../src/index.js';
import { startFakeFirstPromoter, type FakeFirstPromoter, type FakeFirstPromoterOptions } from '../../src/testing.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { CANARY, CREDENTIALS } from './canary.js';

/** Starts a fake for the running test and closes it when the test finishes, passed or failed. */
export async function serveFake(options: FakeFirstPromoterOptions = {}): Promise<FakeFirstPromoter> {
  // Registered before the await, so it is tied to the test that asked for the fake.
  let fake: FakeFirstPromoter | undefined;
  onTestFinished(() => fake?.close());
  fake = await startFakeFirstPromoter({
    apiKey: CANARY.apiKey, accountId: CANARY.accountId, v1ApiKey: CANARY.v1ApiKey,
    affiliateAccessToken: CREDENTIALS.affiliate!.accessToken!, affiliateAccountId: CREDENTIALS.affiliate!.accountId!, ...options,
  });
  return fake;
}

export function fakeV2Client(fake: FakeFirstPromoter) {
  return createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });
}

export function fakeV1Client(fake: FakeFirstPromoter) {
  return createFirstPromoterV1({ apiKey: fake.v1ApiKey, baseUrl: fake.v1BaseUrl, maxRetries: 0 });
}

/** The affiliate client of the starting promoter's session. */
export function fakeAffiliateClient(fake: FakeFirstPromoter) {
  return createFirstPromoterAffiliate({ accessToken: fake.affiliateAccessToken, accountId: fake.affiliateAccountId, baseUrl: fake.affiliateBaseUrl, maxRetries: 0 });
}

/** Request targets the fake received for one operation, e.g. `/company/referrals?page=1&per_page=100`. */
export function targetsOf(fake: FakeFirstPromoter, operationId: string): string[] {
  return fake.requests.filter((request) => request.operationId === operationId).map((request) => request.target);
}

/** `count` customers referred before the test, `customer1@example.com`…, referral ids 1..count. */
export function customers(count: number): Array<{ email: string }> {
  return Array.from({ length: count }, (_, i) => ({ email: `customer${i + 1}@example.com` }));
}

/** Resolves once `condition` holds (checked every few ms), e.g. once the fake has received a request. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}
