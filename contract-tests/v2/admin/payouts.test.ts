// v2 payouts (8 operations) through the typed client against Prism's mock of openapi/v2: every request
// must pass Prism's validation, every documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, type V2, expectTypedError, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const FEW = [5012, 5013];
const MANY = [5012, 5013, 5014, 5015, 5016, 5017, 5018, 5019];

describe('v2 payouts', () => {
  it('lists with search, ids, nested filters and sorting', async () => {
    const payouts = await unwrap(v2Client().api.GET('/company/payouts', {
      params: {
        query: {
          q: 'maria',
          ids: FEW,
          filters: {
            status: 'pending', campaign_id: [28004, 28005], due_period: 'next', payout_method: 'paypal',
            period_end: { to: '2025-04-30' }, only_payable: true, fraud_suspicions: ['same_ip_suspicion'],
          },
          sorting: { amount: 'desc' },
          page: 1,
          per_page: 25,
        },
      },
    }));
    expect(payouts.length).toBeGreaterThan(0);
    for (const payout of payouts) {
      expect(payout.id).toBeTypeOf('number');
      expect(payout.amount).toBeTypeOf('number');
      expect(['pending', 'completed', 'failed', 'processing', 'cancelled']).toContain(payout.status);
      expect(payout.promoter?.id).toBeTypeOf('number');
    }
  });

  it('sums payouts by period, status and method', async () => {
    const stats = await unwrap(v2Client().api.GET('/company/payouts/stats', {
      params: { query: { stats_by: { paid_period: true, status: true, payout_method: true }, filters: { status: 'completed', campaign_id: 28004 } } },
    }));
    expect(stats.meta?.net_payout_days).toBeTypeOf('number');
    expect(stats.data?.by_paid_period?.[0]?.amounts?.cash).toBeTypeOf('number');
    expect(Object.values(stats.data?.by_status ?? {}).every((totals) => typeof totals.total_incl_tax === 'number')).toBe(true);
    expect(Object.keys(stats.data?.by_payout_method ?? {})).not.toHaveLength(0);
  });

  it('reports what falls due next, what is overdue and what is outside the schedule', async () => {
    const due = await unwrap(v2Client().api.GET('/company/payouts/due_stats', {
      params: { query: { q: 'maria', filters: { status: 'pending', campaign_id: [28004] } } },
    }));
    expect(due.data?.next?.promoters_count).toBeTypeOf('number');
    expect(due.data?.overdue?.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(due.data?.custom?.amounts).toBeTypeOf('object');
    expect(Array.isArray(due.meta?.selected_payout_methods)).toBe(true);
  });

  it('groups payouts by promoter with the ids to act on', async () => {
    const grouped = await unwrap(v2Client().api.GET('/company/payouts/group_by_promoters', {
      params: {
        query: {
          q: 'maria', include_payout_method_details: true, page: 1, per_page: 20,
          filters: { status: 'pending', campaign_id: 28004, min_payment: 5000, invoiceable: 'true' },
        },
      },
    }));
    const group = grouped.data?.[0];
    expect(group?.promoter?.id).toBeTypeOf('number');
    expect(group?.payout_ids?.every(Number.isInteger)).toBe(true);
    expect(group?.payouts?.map((payout) => payout.id)).toEqual(group?.payout_ids);
    expect(grouped.meta?.total_incl_tax).toBeTypeOf('number');
  });

  it('creates a payments batch (201) wrapped as {data, meta}', async () => {
    const { data, response } = await v2Client().api.POST('/company/payouts/create_payments_batch', { body: { method: 'paypal' } });
    expect(response.status).toBe(201);
    expect(data?.data?.status).toBe('awaiting_confirmation');
    expect(data?.data?.total).toBeTypeOf('number');
    expect(Array.isArray(data?.meta?.failed)).toBe(true);
  });
});

const bulk = {
  'POST /company/payouts/mark_as_paid': (c: V2, ids = FEW) => c.api.POST('/company/payouts/mark_as_paid', { body: { ids } }),
  'POST /company/payouts/mark_as_unpaid': (c: V2, ids = FEW) => c.api.POST('/company/payouts/mark_as_unpaid', { body: { ids } }),
  'DELETE /company/payouts/destroy': (c: V2, ids = FEW) => c.api.DELETE('/company/payouts/destroy', { body: { ids } }),
} satisfies Record<string, Call>;
type BulkRoute = keyof typeof bulk;

describe('v2 payout bulk actions', () => {
  it.each(Object.keys(bulk) as BulkRoute[])('%s wraps the batch as {data, meta}: completed (200) or queued (202)', async (route) => {
    const done = await unwrap(bulk[route](v2Client()));
    expect(done.data.status).toBe('completed');
    expect(done.data.processed_count).toBe(done.data.total);
    expect(done.meta?.total_incl_tax).toBeTypeOf('number');

    const queued = await bulk[route](v2Client({ prefer: 'code=202' }), MANY);
    expect(queued.response.status).toBe(202);
    expect(queued.data?.data.status).toBe('pending');
    expect(queued.data?.meta?.promoters_count).toBeTypeOf('number');
  });
});

const calls = {
  'GET /company/payouts': (c) => c.api.GET('/company/payouts'),
  'GET /company/payouts/stats': (c) => c.api.GET('/company/payouts/stats', { params: { query: { stats_by: { status: true } } } }),
  'GET /company/payouts/due_stats': (c) => c.api.GET('/company/payouts/due_stats'),
  'GET /company/payouts/group_by_promoters': (c) => c.api.GET('/company/payouts/group_by_promoters'),
  'POST /company/payouts/create_payments_batch': (c) => c.api.POST('/company/payouts/create_payments_batch', { body: { method: 'wise' } }),
  ...bulk,
} satisfies Record<string, Call>;

const documented = {
  'GET /company/payouts': [401, 403, 429],
  'GET /company/payouts/stats': [401, 403, 422, 429],
  'GET /company/payouts/due_stats': [401, 403, 429],
  'GET /company/payouts/group_by_promoters': [401, 403, 429],
  'POST /company/payouts/create_payments_batch': [401, 403, 422, 429],
  ...Object.fromEntries(Object.keys(bulk).map((route) => [route, [401, 403, 422, 429]])) as Record<BulkRoute, ErrorStatus[]>,
} satisfies Record<keyof typeof calls, ErrorStatus[]>;
// Unlike other resources, a payout 401 has a JSON body too.
const payoutErrorBody = expect.objectContaining({ message: expect.any(String), code: expect.any(String) });

describe('v2 payout errors', () => {
  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route], { body: payoutErrorBody }));
});

describe('v2 payout contract checks can fail', () => {
  it('Prism rejects a payments batch for an unknown payout method and a bulk action with text ids', async () => {
    const api = v2Client().api;
    await api.POST('/company/payouts/create_payments_batch', { body: { method: 'cheque' } as never });
    await api.POST('/company/payouts/mark_as_paid', { body: { ids: ['5012'] } as never });
    expect(violationMessages()).toEqual([
      expect.stringMatching(/method must be equal to one of the allowed values: paypal, bank, wise, crypto, dots/),
      expect.stringMatching(/ids\/0 must be integer|ids.0 must be integer/),
    ]);
  });
});
