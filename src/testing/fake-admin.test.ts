// The fake's admin rules, through the real v2 client and its helpers: lists of what tracking created
// that page to the last row without repeats, bracket filters and sorting, the promoters envelope,
// promoters created at run time, and bulk actions (200 at once for ≤ 5 ids, 202 with a batch that
// moves on while it is polled and changes the records only as it goes).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulk, createFirstPromoter, paginate, pages, toArray, unwrap, waitForBatch } from '../index.js';
import { createFirstPromoterV1, paginate as paginateV1 } from '../v1.js';
import { startFakeFirstPromoter, type FakeFirstPromoter } from '../testing.js';
import { FAKE_APIS } from './fake/apis.js';
import { HANDLERS } from './fake/handlers.js';

let fake: FakeFirstPromoter;
beforeAll(async () => {
  fake = await startFakeFirstPromoter({ batchMs: 60_000 });
});
beforeEach(() => fake.reset());
afterAll(() => fake?.close());

const client = () => createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });
const fast = { initialDelayMs: 1, maxDelayMs: 2 };

async function sales(count: number): Promise<void> {
  const fp = client();
  for (let i = 1; i <= count; i++) await fp.track.sale({ email: `buyer${i}@example.com`, event_id: `in_${i}`, amount: 1000 + i, ref_id: 'pat' });
}

describe('lists page to the last row', () => {
  it('walks the commissions of 120 sales in pages of 100 and 20, each row once', async () => {
    await sales(120);
    const ids = (await toArray(paginate(client(), '/company/commissions'), { limit: 1_000 })).map((c) => c.id);
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(fake.requests.filter((r) => r.operationId === 'listCommissions').map((r) => r.target)).toEqual([
      '/company/commissions?page=1&per_page=100', '/company/commissions?page=2&per_page=100',
    ]);
  });

  it('ends an exact multiple with one empty page, honours a starting page and per_page, and caps per_page at 100', async () => {
    await sales(14);
    const sizes = async (iterable: AsyncIterable<{ items: unknown[] }>) => {
      const out: number[] = [];
      for await (const page of iterable) out.push(page.items.length);
      return out;
    };
    expect(await sizes(pages(client(), '/company/referrals', { query: { per_page: 7 } }))).toEqual([7, 7]);
    expect(await sizes(pages(client(), '/company/referrals', { query: { page: 2, per_page: 5 } }))).toEqual([5, 4]);
    const raw = await fetch(`${fake.v2BaseUrl}/company/referrals?per_page=500`, { headers: { authorization: `Bearer ${fake.apiKey}`, 'account-id': fake.accountId } });
    expect(await raw.json()).toHaveLength(14);
    expect(fake.requests.filter((r) => r.operationId === 'listReferrals')).toHaveLength(6);
  });

  it('wraps promoters as {data, meta} with the pending count, and filters, searches and sorts as sent in brackets', async () => {
    const fake2 = await startFakeFirstPromoter({
      promoters: [
        { email: 'jane.doe@example.com', name: 'Jane Doe' }, { email: 'jane.roe@example.com', name: 'Jane Roe', state: 'pending' },
        { email: 'john.doe@example.com', name: 'John Doe' },
      ],
    });
    try {
      const fp = createFirstPromoter({ apiKey: fake2.apiKey, accountId: fake2.accountId, baseUrl: fake2.v2BaseUrl, maxRetries: 0 });
      await fp.track.sale({ email: 'x@example.com', event_id: 'in_1', amount: 9_000, ref_id: 'johndoe' });
      const query = {
        q: 'doe', filters: { state: 'accepted' as const, campaign_id: [fake2.promoter.campaign_id, 99], joined_at: { from: '2025-01-01' } }, sorting: { revenue_amount: 'desc' as const },
      };
      const found = await toArray(paginate(fp, '/company/promoters', { query }), { limit: 10 });
      expect(found.map((p) => p.email)).toEqual(['john.doe@example.com', 'jane.doe@example.com']);
      expect(fake2.requests.at(-1)?.target).toBe('/company/promoters?q=doe&filters[state]=accepted'
        + `&filters[campaign_id][]=${fake2.promoter.campaign_id}&filters[campaign_id][]=99&filters[joined_at][from]=2025-01-01&sorting[revenue_amount]=desc&page=1&per_page=100`);
      const first = await pages(fp.api, '/company/promoters').next();
      expect(first.value).toMatchObject({ data: { meta: { pending_count: 1 } } });
      expect(first.value?.items).toHaveLength(4);
    } finally {
      await fake2.close();
    }
  });

  it('answers 501 naming a filter or sort key it does not model, rather than ignoring it', async () => {
    const error = await unwrap(client().api.GET('/company/commissions', { params: { query: { filters: { due_period: 'next' } } } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 501, body: { code: 'not_modelled', message: expect.stringContaining('filters[due_period]') } });
    // A search on a list the fake does not search (the batch processes) is not modelled either.
    const searched = await fetch(`${fake.v2BaseUrl}/company/batch_processes?q=approve`, { headers: { authorization: `Bearer ${fake.apiKey}`, 'account-id': fake.accountId } });
    expect([searched.status, (await searched.json()).message]).toEqual([501, expect.stringMatching(/does not model q of listBatchProcesses/)]);
  });

  it('serves lists it keeps no records of as a fresh account would: empty, or 404 under an unknown parent', async () => {
    expect(await toArray(paginate(client(), '/company/webhooks'), { limit: 5 })).toEqual([]);
    const deliveries = toArray(paginate(client(), '/company/webhooks/{webhook_id}/webhook_deliveries', { path: { webhook_id: 7 } }), { limit: 5 });
    await expect(deliveries).rejects.toMatchObject({ status: 404, path: '/company/webhooks/{webhook_id}/webhook_deliveries' });
    expect(fake.requests.at(-1)?.target).toBe('/company/webhooks/7/webhook_deliveries?page=1&per_page=100');
  });

  it('pages v1 lists by their top-level filters, 20 to a page', async () => {
    const fake2 = await startFakeFirstPromoter({ promoters: Array.from({ length: 44 }, (_, i) => ({ email: `p${i}@example.com` })) });
    try {
      const v1 = createFirstPromoterV1({ apiKey: fake2.v1ApiKey, baseUrl: fake2.v1BaseUrl, maxRetries: 0 });
      const rows = await toArray(paginateV1(v1, '/promoters/list', { query: { campaign_id: fake2.promoter.campaign_id } }), { limit: 100 });
      expect(new Set(rows.map((p) => p.id)).size).toBe(45);
      expect(fake2.requests.map((r) => r.target)).toEqual([1, 2, 3].map((page) => `/promoters/list?campaign_id=${fake2.promoter.campaign_id}&page=${page}&per_page=20`));
    } finally {
      await fake2.close();
    }
  });
});

describe('promoters created at run time', () => {
  it('creates one with POST /company/promoters (201), refuses a taken email (400), and its ref_id credits sales', async () => {
    const fp = client();
    const created = await unwrap(fp.api.POST('/company/promoters', { body: { email: 'new@example.com', profile: { first_name: 'New', last_name: 'Partner' } } }));
    expect(created).toMatchObject({ email: 'new@example.com', name: 'New Partner', promoter_campaigns: [{ state: 'accepted', ref_token: 'newpartner' }] });
    await expect(unwrap(fp.api.POST('/company/promoters', { body: { email: 'new@example.com' } }))).rejects.toMatchObject({ status: 400, body: { code: 'invalid_record' } });
    expect((await fp.track.sale({ email: 'c@example.com', event_id: 'in_1', amount: 100, ref_id: 'newpartner' })).outcome).toBe('tracked');
    expect(await unwrap(fp.api.GET('/company/promoters/{id}', { params: { path: { id: 'new@example.com' }, query: { find_by: 'email' } } }))).toMatchObject({ id: created.id, stats: { sales_count: 1 } });
  });
});

describe('bulk actions and batches', () => {
  it('runs up to 5 ids at once: 200, a finished batch, the records changed, approved commissions in a payout', async () => {
    await sales(5);
    const approved = await bulk(client().api.POST('/company/commissions/approve', { body: { ids: [1, 2, 3, 4, 5] } }));
    expect(approved).toMatchObject({ outcome: 'completed', batch: { status: 'completed', total: 5, processed_count: 5, progress: 100 } });
    expect(fake.records.commissions.every((c) => c.status === 'approved' && c.payout_id === 1)).toBe(true);
    expect(fake.records.payouts).toEqual([{ id: 1, promoter_id: fake.promoter.id, status: 'pending', amount: 1003, commission_ids: [1, 2, 3, 4, 5] }]);
    const paid = await bulk(client().api.POST('/company/payouts/mark_as_paid', { body: { ids: [1] } }));
    expect(paid).toMatchObject({ outcome: 'completed', batch: { status: 'completed' }, meta: { total: 1003, promoters_count: 1 } });
    expect(fake.records.commissions.every((c) => c.is_paid)).toBe(true);
  });

  it('queues more than 5 ids (202): the batch moves pending → in_progress → completed as it is polled, the records with it', async () => {
    await sales(12);
    const fp = client();
    const queued = await bulk(fp.api.POST('/company/commissions/approve', { body: { ids: Array.from({ length: 12 }, (_, i) => i + 1) } }));
    expect(queued).toMatchObject({ outcome: 'queued', batch: { status: 'pending', progress: 0 } });
    expect(fake.records.commissions.filter((c) => c.status === 'approved')).toHaveLength(0);
    const look = () => unwrap(fp.api.GET('/company/batch_processes/{id}', { params: { path: { id: queued.batch.id } } }));
    expect(await look()).toMatchObject({ status: 'in_progress', progress: 33, processed_count: 4 });
    expect(fake.records.commissions.filter((c) => c.status === 'approved')).toHaveLength(4);
    expect(await unwrap(fp.api.GET('/company/batch_processes/progress'))).toEqual({ [String(queued.batch.id)]: 33 });
    const done = await waitForBatch(fp, queued, fast);
    expect(done).toMatchObject({ status: 'completed', processed_count: 12, failed_count: 0, progress: 100 });
    expect(fake.records.commissions.filter((c) => c.status === 'approved')).toHaveLength(12);
  });

  it('reports records that failed, and a batch where all failed as failed', async () => {
    await sales(1);
    const some = await bulk(client().api.POST('/company/commissions/deny', { body: { ids: [1, 404] } }));
    expect(some.batch).toMatchObject({ status: 'completed', failed_count: 1, processing_errors: ['Commission 404: not found'] });
    const none = await bulk(client().api.POST('/company/commissions/deny', { body: { ids: [7, 8, 9, 10, 11, 12] } }));
    expect(await waitForBatch(client(), none, fast)).toMatchObject({ status: 'failed', failed_count: 6 });
    await expect(bulk(client().api.POST('/company/commissions/deny', { body: { ids: [] } }))).rejects.toMatchObject({ status: 422, body: { code: 'invalid_params' } });
  });

  it('finishes a queued batch within batchMs even if it is looked at only once, and shows a stopped one as stopped', async () => {
    const quick = await startFakeFirstPromoter({ batchMs: 30 });
    try {
      const fp = createFirstPromoter({ apiKey: quick.apiKey, accountId: quick.accountId, baseUrl: quick.v2BaseUrl, maxRetries: 0 });
      const ids = [1, 2, 3, 4, 5, 6];
      const late = await bulk(fp.api.POST('/company/promoters/archive', { body: { ids } }));
      const stopped = await bulk(fp.api.POST('/company/promoters/restore', { body: { ids } }));
      quick.stopBatch(stopped.batch.id);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(await waitForBatch(fp, late, fast)).toMatchObject({ status: 'completed', failed_count: 5 });
      expect(await waitForBatch(fp, stopped, fast)).toMatchObject({ status: 'stopped' });
      expect(quick.records.promoters[0]?.archived).toBe(true);
    } finally {
      await quick.close();
    }
  });

  it('accepts a pending promoter into the campaign (the campaign must exist)', async () => {
    const created = await unwrap(client().api.POST('/company/promoters', { body: { email: 'late@example.com', always_approve: false } }));
    await expect(bulk(client().api.POST('/company/promoters/accept', { body: { ids: [created.id], campaign_id: 999 } }))).rejects.toMatchObject({ status: 422 });
    await bulk(client().api.POST('/company/promoters/accept', { body: { ids: [created.id], campaign_id: fake.promoter.campaign_id } }));
    expect(fake.records.promoters.find((p) => p.id === created.id)?.state).toBe('accepted');
  });
});

describe('operations under another base URL', () => {
  it('serves them where the client sends them (custom referral statuses under /api/admin/v1) and says they are not modelled', async () => {
    const listed = await client().api.GET('/custom_referral_statuses');
    expect([listed.response.status, listed.error]).toEqual([501, expect.objectContaining({ code: 'not_modelled', message: expect.stringContaining('listCustomReferralStatuses') })]);
    expect(fake.requests.map((r) => [r.api, r.operationId, r.target])).toEqual([['v2', 'listCustomReferralStatuses', '/custom_referral_statuses']]);
    const unknown = await fetch(`${fake.origin}/api/admin/v1/nothing-here`, { headers: { authorization: `Bearer ${fake.apiKey}`, 'account-id': fake.accountId } });
    expect([unknown.status, await unknown.json()]).toEqual([404, { message: 'Not found', code: 'not_found' }]);
  });
});

describe('the handler table', () => {
  it('names only operations of the specs, so a renamed operation cannot leave a handler behind unnoticed', () => {
    for (const api of FAKE_APIS) {
      const ids = new Set(api.operations.map((op) => op.id));
      expect(Object.keys(HANDLERS[api.name]).filter((id) => !ids.has(id)), api.name).toEqual([]);
    }
  });
});
