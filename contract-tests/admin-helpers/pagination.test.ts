// The pagination helpers through the real clients against a local server that really pages: exact
// page sizes, the wire form of every request, and the ways a walk must end (short page, empty page,
// repeated page, error, abort).
import { describe, expect, it } from 'vitest';
import {
  AbortError, PaginationError, PermissionDeniedError, ValidationError, paginate, pages, toArray,
} from '../../src/index.js';
import { paginate as paginateV1 } from '../../src/v1.js';
import {
  localV1Client, localV2Client, pagedRoute, rowsWithIds, serveRoutes,
} from '../support/list-server.js';

const pageSizes = async (iterable: AsyncIterable<{ items: unknown[] }>) => {
  const sizes: number[] = [];
  for await (const page of iterable) sizes.push(page.items.length);
  return sizes;
};

describe('paginate over v2 lists', () => {
  it('walks 250 commissions in pages of 100, 100 and 50, in order, with three requests', async () => {
    const server = await serveRoutes({ '/company/commissions': pagedRoute(rowsWithIds(250)) });
    const ids: number[] = [];
    for await (const commission of paginate(localV2Client(server), '/company/commissions')) ids.push(commission.id);
    expect(ids).toEqual(rowsWithIds(250).map((row) => row.id));
    expect(server.targets).toEqual([
      '/company/commissions?page=1&per_page=100',
      '/company/commissions?page=2&per_page=100',
      '/company/commissions?page=3&per_page=100',
    ]);
  });

  it('confirms the end of an exact multiple with one empty page, which pages() does not yield', async () => {
    const server = await serveRoutes({ '/company/referrals': pagedRoute(rowsWithIds(200)) });
    expect(await pageSizes(pages(localV2Client(server), '/company/referrals'))).toEqual([100, 100]);
    expect(server.targets).toHaveLength(3);
  });

  it('uses the per_page and starting page given in the query', async () => {
    const server = await serveRoutes({ '/company/promo_codes': pagedRoute(rowsWithIds(30)) });
    const sizes = await pageSizes(pages(localV2Client(server), '/company/promo_codes', { query: { page: 3, per_page: 7 } }));
    expect(sizes).toEqual([7, 7, 2]);
    expect(server.targets.at(0)).toBe('/company/promo_codes?page=3&per_page=7');
  });

  it('keeps the bracket filters, sorting and search on every page', async () => {
    const server = await serveRoutes({ '/company/promoters': pagedRoute(rowsWithIds(101), { meta: { pending_count: 0 } }) });
    const query = {
      q: 'jane doe',
      filters: { state: 'accepted' as const, campaign_id: [3, 4], joined_at: { from: '2025-01-01' } },
      sorting: { revenue_amount: 'desc' as const },
    };
    await toArray(paginate(localV2Client(server), '/company/promoters', { query }), { limit: 1_000 });
    const expected = (page: number) => '/company/promoters?q=jane%20doe&filters[state]=accepted'
      + '&filters[campaign_id][]=3&filters[campaign_id][]=4&filters[joined_at][from]=2025-01-01'
      + `&sorting[revenue_amount]=desc&page=${page}&per_page=100`;
    expect(server.targets).toEqual([expected(1), expected(2)]);
  });

  it('unwraps the promoters {data, meta} envelope, and pages() keeps the meta', async () => {
    const server = await serveRoutes({ '/company/promoters': pagedRoute(rowsWithIds(3), { meta: { pending_count: 2 } }) });
    const client = localV2Client(server);
    const emails = [];
    for await (const promoter of paginate(client, '/company/promoters')) emails.push(promoter.email);
    expect(emails).toEqual(['promoter1@example.com', 'promoter2@example.com', 'promoter3@example.com']);
    const first = await pages(client.api, '/company/promoters').next();
    expect(first.value).toMatchObject({ page: 1, perPage: 100, data: { meta: { pending_count: 2 } } });
    expect(first.value?.response.status).toBe(200);
  });

  it('yields nothing for an empty list, and pages() one empty page, after one request', async () => {
    const server = await serveRoutes({ '/company/webhooks': pagedRoute([]) });
    const client = localV2Client(server);
    expect(await toArray(paginate(client, '/company/webhooks'), { limit: 10 })).toEqual([]);
    expect(await pageSizes(pages(client, '/company/webhooks'))).toEqual([0]);
    expect(server.targets).toEqual(['/company/webhooks?page=1&per_page=100', '/company/webhooks?page=1&per_page=100']);
  });

  it('fills in path parameters', async () => {
    const server = await serveRoutes({ '/company/webhooks/7/webhook_deliveries': pagedRoute(rowsWithIds(2)) });
    const deliveries = paginate(localV2Client(server), '/company/webhooks/{webhook_id}/webhook_deliveries', { path: { webhook_id: 7 } });
    expect(await toArray(deliveries, { limit: 5 })).toHaveLength(2);
    expect(server.targets).toEqual(['/company/webhooks/7/webhook_deliveries?page=1&per_page=100']);
  });

  it('stops with a PaginationError when the server ignores `page`, after two requests', async () => {
    const server = await serveRoutes({ '/company/payouts': pagedRoute(rowsWithIds(150), { ignorePage: true }) });
    const seen: number[] = [];
    const walk = async () => {
      for await (const payout of paginate(localV2Client(server), '/company/payouts')) seen.push(payout.id);
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ path: '/company/payouts', page: 2 });
    expect((error as Error).message).toMatch(/ignore `page`/);
    expect(seen).toHaveLength(100);
    expect(server.targets).toHaveLength(2);
  });

  it('rejects with the typed error of page 3 after yielding pages 1 and 2', async () => {
    const failOn = { page: 3, status: 403, body: { message: "You don't have enough rights to perform this action", code: 'forbidden' } };
    const server = await serveRoutes({ '/company/emails': pagedRoute(rowsWithIds(500), { failOn }) });
    const sizes: number[] = [];
    const walk = async () => {
      for await (const page of pages(localV2Client(server), '/company/emails')) sizes.push(page.items.length);
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, method: 'GET', path: '/company/emails', body: { code: 'forbidden' } });
    expect(sizes).toEqual([100, 100]);
  });

  it('refuses a bad per_page with a ValidationError before sending anything', async () => {
    const server = await serveRoutes({ '/company/commissions': pagedRoute(rowsWithIds(5)) });
    const walk = paginate(localV2Client(server), '/company/commissions', { query: { per_page: 0 } });
    await expect(toArray(walk, { limit: 5 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.targets).toEqual([]);
  });

  it('toArray stops at its limit without fetching the pages after it', async () => {
    const server = await serveRoutes({ '/company/commissions': pagedRoute(rowsWithIds(1_000)) });
    const first = await toArray(paginate(localV2Client(server), '/company/commissions'), { limit: 150 });
    expect(first.map((row) => row.id)).toEqual(rowsWithIds(150).map((row) => row.id));
    expect(server.targets).toHaveLength(2);
  });
});

describe('aborting a walk', () => {
  it('rejects with AbortError on the next page once the signal fires, without sending it', async () => {
    const server = await serveRoutes({ '/company/commissions': pagedRoute(rowsWithIds(250)) });
    const controller = new AbortController();
    let count = 0;
    const walk = async () => {
      for await (const _ of paginate(localV2Client(server), '/company/commissions', { signal: controller.signal })) {
        if (++count === 10) controller.abort();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(AbortError);
    expect(count).toBe(100);
    expect(server.targets).toHaveLength(1);
  });

  it('rejects with AbortError while a page is in flight', async () => {
    const controller = new AbortController();
    const server = await serveRoutes({
      // Answers only once the client has gone away: the abort is the only way out.
      '/company/referrals': async ({ closed }) => {
        controller.abort();
        await closed;
        return { body: [] };
      },
    });
    const walk = toArray(paginate(localV2Client(server), '/company/referrals', { signal: controller.signal }), { limit: 10 });
    await expect(walk).rejects.toBeInstanceOf(AbortError);
  });
});

describe('paginate over v1 lists', () => {
  it('asks for pages of 20 by default and stops after the short page', async () => {
    const server = await serveRoutes({ '/promoters/list': pagedRoute(rowsWithIds(45)) });
    const ids = [];
    for await (const promoter of paginateV1(localV1Client(server), '/promoters/list', { query: { campaign_id: 9 } })) ids.push(promoter.id);
    expect(ids).toEqual(rowsWithIds(45).map((row) => row.id));
    expect(server.targets).toEqual([
      '/promoters/list?campaign_id=9&page=1&per_page=20',
      '/promoters/list?campaign_id=9&page=2&per_page=20',
      '/promoters/list?campaign_id=9&page=3&per_page=20',
    ]);
  });

  it('sends the report arrays in bracket form on every page', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ promoter_id: 1000 + i, promoter_name: `P${i}` }));
    const server = await serveRoutes({ '/reports/promoters': pagedRoute(rows) });
    const report = paginateV1(localV1Client(server).api, '/reports/promoters', {
      query: { selected_fields: ['revenue_amount', 'clicks_count'], promoter_ids: [1000, 1001] },
    });
    expect(await toArray(report, { limit: 100 })).toHaveLength(25);
    expect(server.targets.at(1)).toBe(
      '/reports/promoters?selected_fields[]=revenue_amount&selected_fields[]=clicks_count&promoter_ids[]=1000&promoter_ids[]=1001&page=2&per_page=20',
    );
  });

  it('catches a repeated page of report rows, which have no id', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ promoter_id: 1000 + i }));
    const server = await serveRoutes({ '/reports/promoters': pagedRoute(rows, { ignorePage: true }) });
    const walk = toArray(paginateV1(localV1Client(server), '/reports/promoters'), { limit: 1_000 });
    await expect(walk).rejects.toBeInstanceOf(PaginationError);
    expect(server.targets).toHaveLength(2);
  });
});
