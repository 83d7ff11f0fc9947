// startContractMock through the real clients: valid calls pass, Rails arrays reach Prism in a form it
// checks, and bad requests are reported. Then Prism as a proxy in front of the fake: the fake's
// answers to a whole scenario are checked against the same contract (and a broken answer is caught).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstPromoterAffiliate, paginate as paginateAffiliate } from '../affiliate.js';
import { bulk, createFirstPromoter, paginate, toArray, unwrap, waitForBatch } from '../index.js';
import { createFirstPromoterV1 } from '../v1.js';
import { startContractMock, startFakeFirstPromoter, type ContractMock, type ContractViolation } from '../testing.js';
import { bundledSpec } from './contract-mock.js';
import { startPrism } from './prism.js';
import { violationsOf } from './violations.js';

describe('startContractMock', () => {
  let mock: ContractMock;
  beforeAll(async () => {
    mock = await startContractMock();
  }, 30_000);
  afterAll(() => mock?.close());

  const v2 = () => createFirstPromoter({ apiKey: 'k', accountId: 'a', baseUrl: mock.v2BaseUrl, maxRetries: 0 });
  const affiliate = () => createFirstPromoterAffiliate({ accessToken: 't', accountId: 'a', baseUrl: mock.affiliateBaseUrl, maxRetries: 0 });

  it('passes valid tracking, admin and v1 calls, Rails arrays included, with no violation', async () => {
    expect((await v2().track.sale({ email: 'jane@example.com', event_id: 'in_1', amount: 4999 })).outcome).toBe('tracked');
    await unwrap(v2().api.GET('/company/promoters', { params: { query: { ids: [1, 2], filters: { state: 'accepted', campaign_id: [3, 4] } } } }));
    await unwrap(v2().api.POST('/company/commissions/approve', { body: { ids: [1, 2] } }));
    const v1 = createFirstPromoterV1({ apiKey: 'k', baseUrl: mock.v1BaseUrl, maxRetries: 0 });
    await v1.track.signup({ email: 'jane@example.com', ref_id: 'jane20' });
    await unwrap(v1.api.GET('/reports/promoters', { params: { query: { selected_fields: ['revenue_amount'], promoter_ids: [1, 2] } } }));
    // The Affiliate API under /api/v2/affiliate, and an operation with a base URL of its own (/api/admin/v1).
    await unwrap(affiliate().api.GET('/commissions', { params: { query: { filters: { status: 'approved', campaign_id: [3, 4] } } } }));
    await unwrap(affiliate().api.GET('/promoters/current'));
    await unwrap(v2().api.GET('/custom_referral_statuses'));
    expect(mock.takeViolations()).toEqual([]);
  });

  it('reports what the contract forbids: a bad enum, a wrong type, an unknown path', async () => {
    await v2().api.GET('/company/promoters', { params: { query: { filters: { state: 'bogus' as 'accepted' } } } });
    await v2().api.POST('/company/commissions/approve', { body: { ids: ['one'] as unknown as number[] } });
    await fetch(`${mock.v2BaseUrl}/company/nothing-here`, { headers: { authorization: 'Bearer k', 'account-id': 'a' } });
    await affiliate().api.GET('/referrals', { params: { query: { filters: { type: 'bogus' as 'lead' } } } });
    const found = mock.takeViolations();
    expect(found.map((v) => `${v.method} ${v.url.split('?')[0]}`)).toEqual([
      'GET /api/v2/company/promoters', 'POST /api/v2/company/commissions/approve', 'GET /api/v2/company/nothing-here', 'GET /api/v2/affiliate/referrals',
    ]);
    expect(found[0]?.violations[0]).toMatchObject({ location: ['query', 'filters', 'state'], code: 'enum' });
    expect(mock.violations).toEqual([]);
  });
});

describe('the fake, checked against the contract by Prism as a proxy', () => {
  it('answers a whole scenario in the shapes the specs document', async () => {
    const fake = await startFakeFirstPromoter();
    const proxies = await Promise.all([
      startPrism(bundledSpec('v2'), { upstream: new URL(`${fake.v2BaseUrl}/`) }), startPrism(bundledSpec('v1'), { upstream: new URL(`${fake.v1BaseUrl}/`) }),
      startPrism(bundledSpec('affiliate'), { upstream: new URL(`${fake.affiliateBaseUrl}/`) }),
    ]);
    const seen: ContractViolation[] = [];
    const checked: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const found = await violationsOf(response, init?.method ?? 'GET', String(input));
      if (found) seen.push(found);
      return response;
    };
    try {
      const common = { maxRetries: 0, fetch: checked };
      const fp = createFirstPromoter({ ...common, apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: proxies[0].url });
      const v1 = createFirstPromoterV1({ ...common, apiKey: fake.v1ApiKey, baseUrl: proxies[1].url });
      const tid = fake.visit(fake.promoter.ref_id);
      await fp.track.signup({ email: 'jane@example.com', tid });
      await fp.track.signup({ email: 'jane@example.com', tid });
      for (let i = 0; i < 7; i++) await fp.track.sale({ email: 'jane@example.com', event_id: `in_${i}`, amount: 1000 });
      await fp.track.sale({ email: 'jane@example.com', event_id: 'in_0', amount: 1000 });
      await fp.track.sale({ email: 'walk-in@example.com', event_id: 'in_x', amount: 1000 });
      await fp.track.refund({ email: 'jane@example.com', event_id: 're_0', amount: 500 });
      await fp.track.cancellation({ email: 'jane@example.com' });
      await v1.track.signup({ email: 'bob@example.com', ref_id: fake.promoter.ref_id });
      await v1.track.sale({ email: 'bob@example.com', event_id: 'ch_1', amount: 700 });
      await v1.track.sale({ email: 'walk-in@example.com', event_id: 'ch_2', amount: 700 });
      await v1.track.refund({ email: 'bob@example.com', event_id: 're_1', amount: 100 });
      await toArray(paginate(v1, '/promoters/list'), { limit: 10 });
      await toArray(paginate(v1, '/leads/list'), { limit: 10 });
      await unwrap(v1.api.GET('/promoters/show', { params: { query: { ref_id: fake.promoter.ref_id } } }));
      await toArray(paginate(fp, '/company/promoters'), { limit: 10 });
      await toArray(paginate(fp, '/company/referrals'), { limit: 10 });
      const commissions = await toArray(paginate(fp, '/company/commissions'), { limit: 20 });
      const approval = await bulk(fp.api.POST('/company/commissions/approve', { body: { ids: commissions.map((c) => c.id) } }));
      await waitForBatch(fp, approval, { initialDelayMs: 1, maxDelayMs: 2 });
      await toArray(paginate(fp, '/company/payouts'), { limit: 10 });
      await bulk(fp.api.POST('/company/payouts/mark_as_paid', { body: { ids: [1] } }));
      await unwrap(fp.api.POST('/company/promoters', { body: { email: 'new@example.com' } }));
      await unwrap(fp.api.GET('/company/batch_processes'));
      const portal = createFirstPromoterAffiliate({ ...common, accessToken: fake.affiliateAccessToken, accountId: fake.affiliateAccountId, baseUrl: proxies[2].url });
      await unwrap(portal.api.GET('/promoters/current'));
      for (const path of ['/commissions', '/referrals', '/payouts'] as const) await toArray(paginateAffiliate(portal, path), { limit: 20 });
      expect(fake.requests.filter((r) => r.status === undefined || r.status >= 500)).toEqual([]);
      expect(seen).toEqual([]);

      // The check can fail: a broken promoters page is reported.
      fake.faults.next(1, { status: 200, body: { data: 'not a list' } });
      await fp.api.GET('/company/promoters');
      expect(seen.flatMap((v) => v.violations.map((d) => d.message))).toEqual(expect.arrayContaining([expect.stringMatching(/data must be array/)]));
    } finally {
      await Promise.all([...proxies.map((proxy) => proxy.close()), fake.close()]);
    }
  }, 30_000);
});
