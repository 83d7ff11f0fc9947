// The fake's Affiliate API, through the real affiliate client: a promoter's dashboard session as the
// auth (tokens that end, a refresh that signs in again), the signed-in promoter, and their own
// commissions, referrals and payouts, paged, filtered and sorted from what tracking and the company API
// recorded; what it does not model says so.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFirstPromoterAffiliate, pages, paginate, toArray, unwrap, type AccessTokenProvider } from '../affiliate.js';
import { AuthenticationError, bulk, createFirstPromoter } from '../index.js';
import { startFakeFirstPromoter, type FakeFirstPromoter } from '../testing.js';

let fake: FakeFirstPromoter;
beforeAll(async () => {
  fake = await startFakeFirstPromoter({
    promoters: [{ email: 'olga.other@example.com', name: 'Olga Other', ref_id: 'olga' }],
    referrals: [{ email: 'lead.pat@example.com' }, { email: 'lead.olga@example.com', ref_id: 'olga' }],
  });
});
beforeEach(() => fake.reset());
afterAll(() => fake?.close());

const admin = () => createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });
const portal = (accessToken: string | AccessTokenProvider = fake.affiliateAccessToken, accountId = fake.affiliateAccountId) =>
  createFirstPromoterAffiliate({ accessToken, accountId, baseUrl: fake.affiliateBaseUrl, maxRetries: 0 });
const olgaId = () => fake.records.promoters.find((p) => p.ref_id === 'olga')!.id;
const statuses = () => fake.requests.map((r) => r.status);

/** Sales to new customers of `refId`, amounts 1000 + n cents, commissions in the same order. */
async function sales(count: number, refId = 'pat', prefix = 'buyer'): Promise<void> {
  for (let n = 1; n <= count; n++) await admin().track.sale({ email: `${prefix}${n}@example.com`, event_id: `${prefix}_${n}`, amount: 1000 + n, ref_id: refId });
}

describe('sessions: the access token of a dashboard sign-in', () => {
  it('takes the starting promoter\'s token with the company\'s Account-ID, and refuses a wrong Account-ID, an unknown token and none', async () => {
    expect(fake.affiliateAccountId).toBe(fake.accountId);
    expect((await unwrap(portal().api.GET('/promoters/current'))).email).toBe(fake.promoter.email);
    await expect(unwrap(portal(fake.affiliateAccessToken, 'other-account').api.GET('/promoters/current'))).rejects.toMatchObject({ status: 401, body: undefined });
    await expect(unwrap(portal('made-up-token').api.GET('/promoters/current'))).rejects.toBeInstanceOf(AuthenticationError);
    // The spec gives this list's 401 a JSON body.
    await expect(unwrap(portal('made-up-token').api.GET('/commissions'))).rejects.toMatchObject({ status: 401, body: { code: 'unauthorized', message: expect.stringMatching(/session/) } });
    expect((await fetch(`${fake.affiliateBaseUrl}/promoters/current`, { headers: { 'account-id': fake.affiliateAccountId } })).status).toBe(401);
    expect(statuses()).toEqual([200, 401, 401, 401, 401]);
  });

  it('refuses the token of an ended session; the client asks its token function again and the call goes through once', async () => {
    const ended = fake.affiliateAccessToken;
    fake.sessions.end(ended);
    const asked: boolean[] = [];
    const client = portal(({ refresh }) => (asked.push(refresh), refresh ? fake.sessions.signIn() : ended));
    expect((await unwrap(client.api.GET('/promoters/current'))).id).toBe(fake.promoter.id);
    expect(asked).toEqual([false, true]);
    const sent = fake.requests.map((r) => [r.headers.authorization === `Bearer ${ended}`, r.status]);
    expect(sent).toEqual([[true, 401], [false, 200]]);
    await expect(unwrap(portal(ended).api.GET('/referrals'))).rejects.toMatchObject({ status: 401 });
  });

  it('signs in any promoter, and a reset ends the sessions made since and revives the starting one', async () => {
    const olga = fake.sessions.signIn(olgaId());
    expect((await unwrap(portal(olga).api.GET('/promoters/current'))).email).toBe('olga.other@example.com');
    expect(() => fake.sessions.signIn(999)).toThrow('no promoter 999');
    fake.sessions.end(fake.affiliateAccessToken);
    fake.reset();
    expect((await unwrap(portal().api.GET('/promoters/current'))).id).toBe(fake.promoter.id);
    await expect(unwrap(portal(olga).api.GET('/promoters/current'))).rejects.toMatchObject({ status: 401 });
  });

  it('takes the token and Account-ID it was started with', async () => {
    const own = await startFakeFirstPromoter({ accountId: 'acct-1', affiliateAccessToken: 'tok-1' });
    const split = await startFakeFirstPromoter({ affiliateAccountId: 'acct-aff' });
    try {
      expect([own.affiliateAccessToken, own.affiliateAccountId, split.affiliateAccountId, split.accountId]).toEqual(['tok-1', 'acct-1', 'acct-aff', 'fake-account-id']);
      const client = createFirstPromoterAffiliate({ accessToken: 'tok-1', accountId: 'acct-1', baseUrl: own.affiliateBaseUrl, maxRetries: 0 });
      expect((await unwrap(client.api.GET('/promoters/current'))).id).toBe(own.promoter.id);
    } finally {
      await Promise.all([own.close(), split.close()]);
    }
  });
});

describe('the signed-in promoter and their own lists', () => {
  it('shows their figures, campaign and cash balance from what was tracked and approved', async () => {
    await sales(3);
    await bulk(admin().api.POST('/company/commissions/approve', { body: { ids: [1] } }));
    const me = await unwrap(portal().api.GET('/promoters/current'));
    expect(me.stats).toMatchObject({ referrals_count: 4, customers_count: 3, sales_count: 3, revenue_amount: 3006 });
    expect(me.balances).toEqual({ cash: 200 });
    expect(me.promoter_campaigns).toMatchObject([{ campaign_id: fake.promoter.campaign_id, state: 'accepted', ref_token: 'pat' }]);
  });

  it('walks only their own commissions, 20 per page unless asked, at most 100', async () => {
    await sales(105);
    await sales(2, 'olga', 'olga-buyer');
    const own = fake.records.commissions.filter((c) => c.promoter_id === fake.promoter.id).map((c) => c.id);
    expect((await toArray(paginate(portal(), '/commissions'), { limit: 1_000 })).map((c) => c.id)).toEqual(own);
    expect(fake.requests.map((r) => r.target).slice(-6)).toEqual([1, 2, 3, 4, 5, 6].map((page) => `/commissions?page=${page}&per_page=20`));
    const capped = await fetch(`${fake.affiliateBaseUrl}/commissions?per_page=500`, { headers: { authorization: `Bearer ${fake.affiliateAccessToken}`, 'account-id': fake.affiliateAccountId } });
    expect(await capped.json()).toHaveLength(100);
  });

  it('filters, searches and sorts commissions as sent in brackets, and answers 501 for what it does not model', async () => {
    await sales(4);
    await bulk(admin().api.POST('/company/commissions/approve', { body: { ids: [1, 2] } }));
    const ids = async (query: Record<string, unknown>) => (await unwrap(portal().api.GET('/commissions', { params: { query } }))).map((c) => c.id);
    expect(await ids({ filters: { status: 'approved' } })).toEqual([1, 2]);
    expect(await ids({ filters: { payout_id: fake.records.payouts[0]!.id } })).toEqual([1, 2]);
    expect(await ids({ filters: { paid: 'no', sale_amount: { from: 1003 } } })).toEqual([3, 4]);
    expect(await ids({ filters: { campaign_id: [fake.promoter.campaign_id] }, sorting: { sale_amount: 'desc' } })).toEqual([4, 3, 2, 1]);
    expect(await ids({ q: 'BUYER3' })).toEqual([3]);
    const unmodelled = await portal().api.GET('/commissions', { params: { query: { filters: { due_period: 'next' }, sorting: { referral: 'asc' } } } });
    expect([unmodelled.response.status, unmodelled.error]).toEqual([501, expect.objectContaining({ code: 'not_modelled', message: expect.stringContaining('filters[due_period]') })]);
  });

  it('lists their referrals, leads and customers, by type, state and email', async () => {
    await sales(2);
    const emails = async (query: Record<string, unknown>) => (await unwrap(portal().api.GET('/referrals', { params: { query } }))).map((r) => r.email);
    expect(await emails({ filters: { type: 'customer' }, sorting: { email: 'desc' } })).toEqual(['buyer2@example.com', 'buyer1@example.com']);
    expect(await emails({ filters: { type: 'lead' } })).toEqual(['lead.pat@example.com']);
    expect(await emails({ q: 'lead' })).toEqual(['lead.pat@example.com']);
  });

  it('pages their payouts as {data, meta} with the payout terms, only their own', async () => {
    // 21 paid payouts and one still open for Pat; one open for Olga.
    for (let n = 1; n <= 22; n++) {
      await admin().track.sale({ email: `payee${n}@example.com`, event_id: `pay_${n}`, amount: 5_000, ref_id: 'pat' });
      await bulk(admin().api.POST('/company/commissions/approve', { body: { ids: [n] } }));
      if (n < 22) await bulk(admin().api.POST('/company/payouts/mark_as_paid', { body: { ids: [fake.records.payouts.at(-1)!.id] } }));
    }
    await sales(1, 'olga', 'olga-buyer');
    await bulk(admin().api.POST('/company/commissions/approve', { body: { ids: [23] } }));
    const first = await pages(portal().api, '/payouts').next();
    expect(first.value).toMatchObject({ page: 1, perPage: 20, data: { meta: { payout_cycle: 'monthly', min_payment: 5000 } } });
    const all = await toArray(paginate(portal(), '/payouts'), { limit: 100 });
    expect(all.map((p) => [p.promoter?.id, p.amount])).toEqual(Array.from({ length: 22 }, () => [fake.promoter.id, 1000]));
    expect(all.filter((p) => p.status === 'completed')).toHaveLength(21);
    expect((await unwrap(portal().api.GET('/payouts', { params: { query: { filters: { status: 'pending' } } } }))).data).toHaveLength(1);
  });
});

describe('what it does not model', () => {
  it('answers the other affiliate operations 501 naming them, once the session is checked', async () => {
    const client = portal();
    const answers = await Promise.all([
      client.api.GET('/campaigns'), client.api.GET('/payouts/due_stats'), client.api.DELETE('/referrals/{id}', { params: { path: { id: 1 } } }),
    ]);
    expect(answers.map((a) => [a.response.status, (a.error as { code?: string } | undefined)?.code])).toEqual([[501, 'not_modelled'], [501, 'not_modelled'], [501, 'not_modelled']]);
    expect((answers[1].error as { message: string }).message).toContain('getPayoutDueStats');
    expect((await portal('made-up-token').api.GET('/campaigns')).response.status).toBe(401);
  });
});
