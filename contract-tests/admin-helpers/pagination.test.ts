// The pagination helpers through the real clients against the fake FirstPromoter, whose lists really
// page: exact page sizes, the wire form of every request, and the ways a walk must end (short page,
// empty page, repeated page, error, abort).
import { describe, expect, it } from 'vitest';
import {
  AbortError, PaginationError, PermissionDeniedError, ValidationError, paginate, pages, toArray,
} from '../../src/index.js';
import { paginate as paginateV1 } from '../../src/v1.js';
import { customers, fakeV1Client, fakeV2Client, serveFake, targetsOf, until } from '../support/fake.js';

const pageSizes = async (iterable: AsyncIterable<{ items: unknown[] }>) => {
  const sizes: number[] = [];
  for await (const page of iterable) sizes.push(page.items.length);
  return sizes;
};
const ids = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
const promoters = (count: number, name: string) => Array.from({ length: count }, (_, i) => ({ email: `p${i}@example.com`, name }));

describe('paginate over v2 lists', () => {
  it('walks 250 referrals in pages of 100, 100 and 50, in order, with three requests', async () => {
    const fake = await serveFake({ referrals: customers(250) });
    const seen: number[] = [];
    for await (const referral of paginate(fakeV2Client(fake), '/company/referrals')) seen.push(referral.id);
    expect(seen).toEqual(ids(250));
    expect(targetsOf(fake, 'listReferrals')).toEqual([1, 2, 3].map((page) => `/company/referrals?page=${page}&per_page=100`));
  });

  it('confirms the end of an exact multiple with one empty page, which pages() does not yield', async () => {
    const fake = await serveFake({ referrals: customers(200) });
    expect(await pageSizes(pages(fakeV2Client(fake), '/company/referrals'))).toEqual([100, 100]);
    expect(fake.requests).toHaveLength(3);
  });

  it('uses the per_page and starting page given in the query', async () => {
    const fake = await serveFake({ referrals: customers(30) });
    expect(await pageSizes(pages(fakeV2Client(fake), '/company/referrals', { query: { page: 3, per_page: 7 } }))).toEqual([7, 7, 2]);
    expect(fake.requests[0]?.target).toBe('/company/referrals?page=3&per_page=7');
  });

  it('keeps the bracket filters, sorting and search on every page', async () => {
    const fake = await serveFake({ promoters: promoters(101, 'Jane Doe') });
    const campaign = fake.promoter.campaign_id;
    const query = {
      q: 'jane doe',
      filters: { state: 'accepted' as const, campaign_id: [campaign, 4], joined_at: { from: '2025-01-01' } },
      sorting: { revenue_amount: 'desc' as const },
    };
    expect(await toArray(paginate(fakeV2Client(fake), '/company/promoters', { query }), { limit: 1_000 })).toHaveLength(101);
    const expected = (page: number) => '/company/promoters?q=jane%20doe&filters[state]=accepted'
      + `&filters[campaign_id][]=${campaign}&filters[campaign_id][]=4&filters[joined_at][from]=2025-01-01`
      + `&sorting[revenue_amount]=desc&page=${page}&per_page=100`;
    expect(targetsOf(fake, 'listPromoters')).toEqual([expected(1), expected(2)]);
  });

  it('unwraps the promoters {data, meta} envelope, and pages() keeps the meta', async () => {
    const fake = await serveFake({ promoters: [{ email: 'ann@example.com' }, { email: 'bo@example.com', state: 'pending' }] });
    const client = fakeV2Client(fake);
    const emails = [];
    for await (const promoter of paginate(client, '/company/promoters')) emails.push(promoter.email);
    expect(emails).toEqual([fake.promoter.email, 'ann@example.com', 'bo@example.com']);
    const first = await pages(client.api, '/company/promoters').next();
    expect(first.value).toMatchObject({ page: 1, perPage: 100, data: { meta: { pending_count: 1 } } });
    expect(first.value?.response.status).toBe(200);
  });

  it('yields nothing for an empty list, and pages() one empty page, after one request', async () => {
    const fake = await serveFake();
    const client = fakeV2Client(fake);
    expect(await toArray(paginate(client, '/company/webhooks'), { limit: 10 })).toEqual([]);
    expect(await pageSizes(pages(client, '/company/webhooks'))).toEqual([0]);
    expect(targetsOf(fake, 'listWebhooks')).toEqual(['/company/webhooks?page=1&per_page=100', '/company/webhooks?page=1&per_page=100']);
  });

  it('fills in path parameters', async () => {
    const fake = await serveFake();
    const deliveries = paginate(fakeV2Client(fake), '/company/webhooks/{webhook_id}/webhook_deliveries', { path: { webhook_id: 7 } });
    // A fresh account has no webhook 7: the typed 404 names the path template, the request the real path.
    await expect(toArray(deliveries, { limit: 5 })).rejects.toMatchObject({ status: 404, path: '/company/webhooks/{webhook_id}/webhook_deliveries' });
    expect(fake.requests.map((r) => r.target)).toEqual(['/company/webhooks/7/webhook_deliveries?page=1&per_page=100']);
  });

  it('stops with a PaginationError when the server ignores `page`, after two requests', async () => {
    const fake = await serveFake({ referrals: customers(150) });
    fake.faults.next(2, 'ignore_page');
    const seen: number[] = [];
    const walk = async () => {
      for await (const referral of paginate(fakeV2Client(fake), '/company/referrals')) seen.push(referral.id);
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ path: '/company/referrals', page: 2 });
    expect((error as Error).message).toMatch(/ignore `page`/);
    expect(seen).toHaveLength(100);
    expect(fake.requests).toHaveLength(2);
  });

  it('rejects with the typed error of page 3 after yielding pages 1 and 2', async () => {
    const fake = await serveFake({ referrals: customers(500) });
    const forbidden = { status: 403, body: { message: "You don't have enough rights to perform this action", code: 'forbidden' } };
    fake.faults.next(1, forbidden, { match: (request) => request.query.page === '3' });
    const sizes: number[] = [];
    const walk = async () => {
      for await (const page of pages(fakeV2Client(fake), '/company/referrals')) sizes.push(page.items.length);
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, method: 'GET', path: '/company/referrals', body: { code: 'forbidden' } });
    expect(sizes).toEqual([100, 100]);
  });

  it('refuses a bad per_page with a ValidationError before sending anything', async () => {
    const fake = await serveFake({ referrals: customers(5) });
    const walk = paginate(fakeV2Client(fake), '/company/referrals', { query: { per_page: 0 } });
    await expect(toArray(walk, { limit: 5 })).rejects.toBeInstanceOf(ValidationError);
    expect(fake.requests).toEqual([]);
  });

  it('toArray stops at its limit without fetching the pages after it', async () => {
    const fake = await serveFake({ referrals: customers(1_000) });
    const first = await toArray(paginate(fakeV2Client(fake), '/company/referrals'), { limit: 150 });
    expect(first.map((row) => row.id)).toEqual(ids(150));
    expect(fake.requests).toHaveLength(2);
  });
});

describe('aborting a walk', () => {
  it('rejects with AbortError on the next page once the signal fires, without sending it', async () => {
    const fake = await serveFake({ referrals: customers(250) });
    const controller = new AbortController();
    let count = 0;
    const walk = async () => {
      for await (const _ of paginate(fakeV2Client(fake), '/company/referrals', { signal: controller.signal })) {
        if (++count === 10) controller.abort();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(AbortError);
    expect(count).toBe(100);
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects with AbortError while a page is in flight', async () => {
    const fake = await serveFake();
    // The answer comes long after the abort: the abort is the only way out.
    fake.faults.next(1, 'slow_headers', { delayMs: 10_000 });
    const controller = new AbortController();
    const walk = toArray(paginate(fakeV2Client(fake), '/company/referrals', { signal: controller.signal }), { limit: 10 });
    await until(() => fake.requests.length === 1);
    controller.abort();
    await expect(walk).rejects.toBeInstanceOf(AbortError);
    expect(fake.requests[0]?.status).toBeUndefined();
  });
});

describe('paginate over v1 lists', () => {
  it('asks for pages of 20 by default and stops after the short page', async () => {
    const fake = await serveFake({ promoters: promoters(44, 'Sam Seller') });
    const campaign = fake.promoter.campaign_id;
    const seen = [];
    for await (const promoter of paginateV1(fakeV1Client(fake), '/promoters/list', { query: { campaign_id: campaign } })) seen.push(promoter.id);
    expect(seen).toEqual(ids(45));
    expect(targetsOf(fake, 'listPromoters')).toEqual([1, 2, 3].map((page) => `/promoters/list?campaign_id=${campaign}&page=${page}&per_page=20`));
  });

  it('sends the report arrays in bracket form on every page', async () => {
    const fake = await serveFake({ promoters: promoters(4, 'Sam Seller') });
    const report = paginateV1(fakeV1Client(fake).api, '/reports/promoters', {
      query: { selected_fields: ['revenue_amount', 'clicks_count'], promoter_ids: [2, 3, 4], per_page: 2 },
    });
    expect((await toArray(report, { limit: 100 })).map((row) => row.promoter_id).sort()).toEqual([2, 3, 4]);
    expect(fake.requests[1]?.target).toBe(
      '/reports/promoters?selected_fields[]=revenue_amount&selected_fields[]=clicks_count&promoter_ids[]=2&promoter_ids[]=3&promoter_ids[]=4&per_page=2&page=2',
    );
  });

  it('catches a repeated page of report rows, which have no id', async () => {
    const fake = await serveFake({ promoters: promoters(24, 'Sam Seller') });
    fake.faults.next(2, 'ignore_page');
    const walk = toArray(paginateV1(fakeV1Client(fake), '/reports/promoters'), { limit: 1_000 });
    await expect(walk).rejects.toBeInstanceOf(PaginationError);
    expect(fake.requests).toHaveLength(2);
  });
});
