// v2 commissions (9 operations) through the typed client against Prism's mock of openapi/v2: every
// request must pass Prism's validation, every documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { capturingFetch, v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, type V2, expectTypedError, messageUnless401, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const FEW = [13533003, 13533118];
const MANY = [13533003, 13533118, 13540210, 13540211, 13540212, 13540213, 13540214];

describe('v2 commissions', () => {
  it('lists with search, ids, nested filters and sorting in Rails bracket form', async () => {
    const { fetch, sent } = capturingFetch();
    const api = v2Client({ fetch }).api;
    const list = await unwrap(api.GET('/company/commissions', {
      params: {
        query: {
          q: 'jamie.chen@example.org',
          ids: FEW,
          filters: {
            status: 'approved', paid: 'no', created_at: { from: '2025-01-01', to: '2025-04-30' }, amount: { from: 100 },
            campaign_id: 28004, promoter_id: 8262622, first_commission: true, fraud_check: 'no_suspicion',
          },
          sorting: { created_at: 'desc', amount: 'asc' },
          page: 2,
          per_page: 50,
        },
      },
    }));
    const urls = sent.map((r) => decodeURIComponent(r.url));
    expect(urls[0]).toContain('ids[]=13533003&ids[]=13533118');
    expect(urls[0]).toContain('filters[created_at][from]=2025-01-01');
    expect(urls[0]).toContain('sorting[created_at]=desc');
    expect(list.length).toBeGreaterThan(0);
    for (const commission of list) {
      expect(commission.id).toBeTypeOf('number');
      expect(['pending', 'approved', 'denied']).toContain(commission.status);
      expect(Number.isInteger(commission.amount)).toBe(true);
      expect(commission.promoter_campaign?.promoter?.id).toBeTypeOf('number');
    }
  });

  it('creates a sale commission and a custom one; the answer is an array of one commission', async () => {
    const api = v2Client().api;
    const sale = await unwrap(api.POST('/company/commissions', {
      body: { commission_type: 'sale', referral_id: 29203686, sale_amount: 15000, event_id: 'manual-001', event_date: '2025-05-02', billing_period: 'yearly', notify_promoter: true },
    }));
    const custom = await unwrap(api.POST('/company/commissions', {
      body: { commission_type: 'custom', promoter_campaign_id: 14850130, amount: 2500, unit: 'cash', internal_note: 'Conference bonus' },
    }));
    for (const created of [sale, custom]) {
      expect(created).toHaveLength(1);
      expect(created[0]?.id).toBeTypeOf('number');
      expect(created[0]?.sale_amount === null || typeof created[0]?.sale_amount === 'number').toBe(true);
    }
  });

  it('updates the notes of one commission', async () => {
    const commission = await unwrap(v2Client().api.PUT('/company/commissions/{id}', {
      params: { path: { id: 13533003 } },
      body: { internal_note: 'Checked against the Stripe invoice', external_note: 'Included in the June payout' },
    }));
    expect(commission.id).toBeTypeOf('number');
    expect(commission.internal_note).toBeTypeOf('string');
  });

  it('generates payouts from commissions and answers with the job', async () => {
    const job = await unwrap(v2Client().api.POST('/company/commissions/generate_payouts', { body: { ids: FEW } }));
    expect(job.id).toBeTypeOf('number');
    expect(job.status).toBeTypeOf('string');
    expect(job.progress).toBeTypeOf('number');
  });
});

const bulk = {
  'POST /company/commissions/approve': (c: V2, ids = FEW) => c.api.POST('/company/commissions/approve', { body: { ids } }),
  'POST /company/commissions/deny': (c: V2, ids = FEW) => c.api.POST('/company/commissions/deny', { body: { ids } }),
  'DELETE /company/commissions/destroy': (c: V2, ids = FEW) => c.api.DELETE('/company/commissions/destroy', { body: { ids } }),
  'POST /company/commissions/mark_fulfilled': (c: V2, ids = FEW) => c.api.POST('/company/commissions/mark_fulfilled', { body: { ids } }),
  'POST /company/commissions/mark_unfulfilled': (c: V2, ids = FEW) => c.api.POST('/company/commissions/mark_unfulfilled', { body: { ids } }),
} satisfies Record<string, Call>;
type BulkRoute = keyof typeof bulk;

describe('v2 commission bulk actions', () => {
  it.each(Object.keys(bulk) as BulkRoute[])('%s completes a few ids at once (200) and queues many (202)', async (route) => {
    const done = await unwrap(bulk[route](v2Client()));
    expect(done.status).toBe('completed');
    expect(done.failed_count).toBe(0);
    expect(Array.isArray(done.processing_errors)).toBe(true);

    const queued = await bulk[route](v2Client({ prefer: 'code=202' }), MANY);
    expect(queued.response.status).toBe(202);
    expect(queued.data?.status).toBe('pending');
    expect(queued.data?.id).toBeTypeOf('number');
  });
});

const calls = {
  'GET /company/commissions': (c) => c.api.GET('/company/commissions'),
  'POST /company/commissions': (c) => c.api.POST('/company/commissions', { body: { commission_type: 'custom', promoter_campaign_id: 14850130, amount: 500 } }),
  'PUT /company/commissions/{id}': (c) => c.api.PUT('/company/commissions/{id}', { params: { path: { id: 1 } }, body: { internal_note: 'n' } }),
  'POST /company/commissions/generate_payouts': (c) => c.api.POST('/company/commissions/generate_payouts', { body: { ids: FEW } }),
  ...bulk,
} satisfies Record<string, Call>;

const documented = {
  'GET /company/commissions': [401, 403, 429],
  'POST /company/commissions': [401, 403, 429],
  'PUT /company/commissions/{id}': [401, 403, 404, 429],
  'POST /company/commissions/generate_payouts': [401, 429],
  ...Object.fromEntries(Object.keys(bulk).map((route) => [route, [401, 403, 422, 429]])) as Record<BulkRoute, ErrorStatus[]>,
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 commission errors', () => {
  // The 401 of these operations has no body; every other error carries FirstPromoter's message.
  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route], { body: messageUnless401(status) }));
});

describe('v2 commission contract checks can fail', () => {
  it('Prism rejects a bulk approve with an empty selection and a text id', async () => {
    const api = v2Client().api;
    await api.POST('/company/commissions/approve', { body: { ids: [] } });
    await api.POST('/company/commissions/approve', { body: { ids: ['13533003'] } as never });
    expect(violationMessages()).toEqual([expect.stringMatching(/must NOT have fewer than 1 items/), expect.stringMatching(/must be integer/)]);
  });
});
