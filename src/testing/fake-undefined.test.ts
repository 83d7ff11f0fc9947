// The fake with every optional option, seed field and switch setting given as undefined: each gets
// the default that leaving it out gives, through the real v2 client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstPromoter, InternalServerError, RateLimitError, type APIError } from '../index.js';
import { startFakeFirstPromoter, type FakeFirstPromoter } from '../testing.js';

let fake: FakeFirstPromoter;
beforeAll(async () => {
  fake = await startFakeFirstPromoter({
    apiKey: undefined, accountId: undefined, v1ApiKey: undefined, affiliateAccessToken: undefined, affiliateAccountId: undefined,
    autoApproveCommissions: undefined, batchPolls: undefined, batchMs: undefined, slowMs: undefined, latencyMs: undefined,
    commissionPercent: undefined, promoter: undefined,
    promoters: [{ email: 'ann.other@example.com', name: undefined, ref_id: undefined, cust_id: undefined, state: undefined }],
    referrals: [{ email: 'early@example.com', uid: undefined, ref_id: undefined }],
  });
});
afterAll(() => fake?.close());

const client = () => createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });

describe('the fake given undefined', () => {
  it('starts with the default credentials, promoter, seeds and commission rules', async () => {
    expect([fake.apiKey, fake.accountId, fake.v1ApiKey, fake.affiliateAccessToken, fake.affiliateAccountId])
      .toEqual(['fake-api-key', 'fake-account-id', 'fake-v1-api-key', 'fake-affiliate-access-token', 'fake-account-id']);
    expect(fake.records.promoters.map(({ email, name, ref_id, state }) => ({ email, name, ref_id, state }))).toEqual([
      { email: 'pat.partner@example.com', name: 'Pat Partner', ref_id: 'pat', state: 'accepted' },
      { email: 'ann.other@example.com', name: 'ann.other', ref_id: 'annother', state: 'accepted' },
    ]);
    expect(fake.records.leads.map(({ email, uid, promoter_id }) => ({ email, uid, promoter_id }))).toEqual([{ email: 'early@example.com', uid: null, promoter_id: fake.promoter.id }]);
    await client().track.sale({ email: 'early@example.com', event_id: 'in_1', amount: 10_000 });
    expect(fake.records.commissions.map(({ amount, status }) => ({ amount, status }))).toEqual([{ amount: 2_000, status: 'pending' }]);
  });

  it('takes undefined settings of its fault and rate limit switches as their defaults', async () => {
    const fp = client();
    fake.faults.next(1, { status: 500, body: undefined, headers: undefined }, { match: undefined, delayMs: undefined });
    await expect(fp.track.sale({ email: 'early@example.com', event_id: 'in_2', amount: 100 })).rejects.toBeInstanceOf(InternalServerError);
    fake.faults.random({ rate: 1, kinds: ['status_500'], seed: undefined, match: undefined, delayMs: undefined });
    await expect(fp.track.sale({ email: 'early@example.com', event_id: 'in_2', amount: 100 })).rejects.toBeInstanceOf(InternalServerError);
    fake.faults.clear();
    fake.rateLimit({ requests: 1, perMs: undefined, retryAfterSeconds: undefined });
    await fp.track.sale({ email: 'early@example.com', event_id: 'in_3', amount: 100 });
    const limited = await fp.track.sale({ email: 'early@example.com', event_id: 'in_4', amount: 100 }).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as APIError).headers['retry-after']).toBeUndefined(); // none unless asked for
    fake.rateLimit(false);
  });
});
