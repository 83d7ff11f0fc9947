// The affiliate lists through the pagination helpers, and the answers without a body: the payouts
// `{ data, meta }` envelope and the bare-array lists against Prism (one page, every request checked),
// real page walks on the fake FirstPromoter (a promoter's commissions from tracked sales), and the 204
// of a referral deletion.
import { describe, expect, it } from 'vitest';
import { paginate, pages, PaginationError, toArray, unwrap } from '../../src/affiliate.js';
import { capturingFetch } from '../support/clients.js';
import { customers, fakeAffiliateClient, fakeV2Client, serveFake, targetsOf } from '../support/fake.js';
import { affiliateClient } from './clients.js';

/** A fake whose starting promoter earned one commission on each of `count` sales of referred customers. */
async function fakeWithCommissions(count: number) {
  const fake = await serveFake({ referrals: customers(count) });
  const company = fakeV2Client(fake);
  for (let n = 1; n <= count; n++) await company.track.sale({ email: `customer${n}@example.com`, event_id: `in_${n}`, amount: 1_000 });
  return fake;
}

describe('affiliate lists', () => {
  it('walks the payouts envelope with paginate: rows from data, meta kept by pages(), page and per_page sent', async () => {
    const { fetch, sent } = capturingFetch();
    const client = affiliateClient({ fetch });
    const payouts = await toArray(paginate(client, '/payouts', { query: { filters: { status: 'completed' } } }), { limit: 100 });
    expect(payouts.map((payout) => [payout.id, payout.status, payout.total_incl_tax])).toEqual([[4877, 'completed', 9600]]);
    const first = await pages(client.api, '/payouts').next();
    expect(first.value).toMatchObject({ page: 1, perPage: 20, data: { meta: { payout_cycle: 'monthly' } } });
    expect(sent.map((request) => new URL(request.url).search)).toEqual(['?filters[status]=completed&page=1&per_page=20', '?page=1&per_page=20']);
  });

  it('walks the bare-array commissions and referrals lists with their filters and sorting', async () => {
    const client = affiliateClient();
    const commissions = await toArray(paginate(client, '/commissions', {
      query: { q: 'jamie', filters: { status: 'approved', created_at: { from: '2025-06-01', to: '2025-06-30' }, campaign_id: [28004] }, sorting: { created_at: 'desc' } },
    }), { limit: 100 });
    expect(commissions.map((commission) => commission.id)).toEqual([13533003, 13533118]);
    const referrals = await toArray(paginate(client, '/referrals', { query: { filters: { type: 'customer' }, sorting: { email: 'asc' }, per_page: 50 } }), { limit: 100 });
    expect(referrals.every((referral) => typeof referral.id === 'number')).toBe(true);
  });

  it('pages through a long commissions list at 20 per page, the affiliate default, until a short page', async () => {
    const fake = await fakeWithCommissions(45);
    const ids: number[] = [];
    for await (const commission of paginate(fakeAffiliateClient(fake), '/commissions')) ids.push(commission.id);
    expect(ids).toEqual(fake.records.commissions.map((commission) => commission.id));
    expect(ids).toHaveLength(45);
    expect(targetsOf(fake, 'listCommissions')).toEqual(['/commissions?page=1&per_page=20', '/commissions?page=2&per_page=20', '/commissions?page=3&per_page=20']);
  });

  it('stops with a PaginationError when the server ignores page, rather than reading page 1 forever', async () => {
    const fake = await fakeWithCommissions(40);
    fake.faults.next(2, 'ignore_page', { match: (request) => request.operationId === 'listCommissions' });
    const error = await toArray(paginate(fakeAffiliateClient(fake), '/commissions'), { limit: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(targetsOf(fake, 'listCommissions')).toHaveLength(2);
  });

  it('rejects a path that is not a paged list of this API before sending anything', async () => {
    const { fetch, sent } = capturingFetch();
    // `/payout_methods` answers `{ data, meta }` too, but takes no page: it is not a list to walk.
    const walk = toArray(paginate(affiliateClient({ fetch }), '/payout_methods' as '/payouts'), { limit: 10 });
    await expect(walk).rejects.toThrow('GET /payout_methods is not a list of the affiliate API');
    expect(sent).toHaveLength(0);
  });

  it('resolves a referral deletion (204) with no data, and the bodiless 200s likewise', async () => {
    const api = affiliateClient().api;
    const deleted = await api.DELETE('/referrals/{id}', { params: { path: { id: 29210007 } } });
    expect([deleted.response.status, deleted.data, deleted.error]).toEqual([204, undefined, undefined]);
    expect(await unwrap(api.DELETE('/referrals/{id}', { params: { path: { id: 29210007 } } }))).toBeUndefined();
    for (const call of [
      api.DELETE('/payout_methods/{id}', { params: { path: { id: 318 } } }),
      api.DELETE('/promo_codes/{id}', { params: { path: { id: 7731 } } }),
      api.DELETE('/referral_links/{id}', { params: { path: { id: 5120 } } }),
      api.POST('/promoters/archive'),
    ]) {
      const result = await call;
      expect([result.response.status, result.data]).toEqual([200, undefined]);
    }
  });
});
