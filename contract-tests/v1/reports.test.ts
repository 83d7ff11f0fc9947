// v1 reports through the real client against Prism's mock of openapi/v1: Rails array parameters and
// metric names pass Prism's validation, rows parse with totals that add up over their periods, and
// every documented error status lands in its typed error.
import { describe, expect, it } from 'vitest';
import { unwrap, type components } from '../../src/v1.js';
import { capturingFetch, v1Client } from '../support/clients.js';
import {
  type Call, type Route, V1_BAD_CREDENTIALS, expectTypedError, onEveryRoute, violationMessages,
} from '../support/status-matrix.js';

type Period = components['schemas']['ReportPeriod'];
type Metrics = components['schemas']['ReportMetrics'];

const calls = {
  'GET /reports/overview': (c) => c.api.GET('/reports/overview', { params: { query: { group_by: 'day' } } }),
  'GET /reports/campaigns': (c) => c.api.GET('/reports/campaigns', { params: { query: { selected_fields: ['sales_count'] } } }),
  'GET /reports/promoters': (c) => c.api.GET('/reports/promoters', { params: { query: { top_50: 'revenue_amount' } } }),
} satisfies Record<Route, Call<'v1'>>;

/** A client, and the query strings it has sent so far as it wrote them (before the harness maps arrays). */
function queryRecordingClient() {
  const { fetch, sent } = capturingFetch();
  return { client: v1Client({ fetch }), queries: () => sent.map((r) => decodeURIComponent(new URL(r.url).search)) };
}

/** Revenue comes as a decimal string: whole cents, so totals can be compared exactly. */
function cents(amount: string | undefined): number {
  expect(amount).toMatch(/^\d+\.\d{2}$/);
  return Number(amount!.replace('.', ''));
}

function expectDefaultMetrics(row: Metrics) {
  cents(row.revenue_amount);
  for (const count of [row.clicks_count, row.referrals_count, row.customers_count]) expect(Number.isInteger(count)).toBe(true);
}

/** A row's figures for the whole range are the sum of its periods. */
function expectTotalsOfPeriods(row: Metrics & { items?: Period[] }) {
  const items = row.items ?? [];
  expect(items.length).toBeGreaterThan(0);
  items.forEach(expectDefaultMetrics);
  const sum = (pick: (p: Period) => number | undefined) => items.reduce((total, p) => total + (pick(p) ?? 0), 0);
  expect(sum((p) => cents(p.revenue_amount))).toBe(cents(row.revenue_amount));
  expect(sum((p) => p.clicks_count)).toBe(row.clicks_count);
  expect(sum((p) => p.referrals_count)).toBe(row.referrals_count);
  expect(sum((p) => p.customers_count)).toBe(row.customers_count);
}

describe('v1 reports: successful answers', () => {
  it('reports the account overview per month, sorted, for a date range', async () => {
    const { client, queries } = queryRecordingClient();
    const periods = await unwrap(client.api.GET('/reports/overview', {
      params: { query: {
        selected_fields: ['revenue_amount', 'clicks_count', 'referrals_count', 'customers_count'],
        sort: 'clicks_count', sort_dir: 'desc', group_by: 'month', start_date: '2024-09-01', end_date: '2024-10-31',
      } },
    }));
    expect(queries()).toEqual([
      '?selected_fields[]=revenue_amount&selected_fields[]=clicks_count&selected_fields[]=referrals_count&selected_fields[]=customers_count'
      + '&sort=clicks_count&sort_dir=desc&group_by=month&start_date=2024-09-01&end_date=2024-10-31',
    ]);
    expect(periods.length).toBeGreaterThan(1);
    periods.forEach(expectDefaultMetrics);
    expect(new Set(periods.map((p) => p.period)).size).toBe(periods.length);
  });

  it('reports per campaign, each row totalling its periods', async () => {
    const rows = await unwrap(v1Client().api.GET('/reports/campaigns', { params: { query: { group_by: 'month', start_date: '2024-09-01' } } }));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Number.isInteger(row.campaign_id)).toBe(true);
      expect(row.campaign_name).toBeTypeOf('string');
      expectTotalsOfPeriods(row);
    }
  });

  it('reports chosen promoters, with a metric name that starts with a digit', async () => {
    const { client, queries } = queryRecordingClient();
    const rows = await unwrap(client.api.GET('/reports/promoters', {
      params: { query: { promoter_ids: [3920164, 3920188], selected_fields: ['3m_epc', 'revenue_amount'], top_50: '6m_epc' } },
    }));
    expect(queries()).toEqual(['?promoter_ids[]=3920164&promoter_ids[]=3920188&selected_fields[]=3m_epc&selected_fields[]=revenue_amount&top_50=6m_epc']);
    for (const row of rows) {
      expect(Number.isInteger(row.promoter_id)).toBe(true);
      expect(row.promoter_name).toBeTypeOf('string');
      expectTotalsOfPeriods(row);
    }
  });

  it('walks the promoters report page by page', async () => {
    const rows = await unwrap(v1Client().api.GET('/reports/promoters', { params: { query: { page: 1, per_page: 50, group_by: 'year' } } }));
    expect(rows.length).toBeLessThanOrEqual(50);
    rows.forEach(expectTotalsOfPeriods);
  });
});

const documented = [
  ...onEveryRoute(calls, 401, V1_BAD_CREDENTIALS),
  ...onEveryRoute(calls, 422, { message: expect.stringMatching(/invalid/i), code: 'invalid_params' }),
];

describe('v1 reports: documented errors', () => {
  it.each(documented)('%s answers %i with its typed error', async (route, status, body) => {
    await expectTypedError('v1', route, status, calls[route], { body });
  });
});

describe('v1 reports: malformed requests', () => {
  it('Prism rejects an unknown metric inside the Rails array selected_fields', async () => {
    const { response } = await v1Client().api.GET('/reports/overview', {
      params: { query: { selected_fields: ['clicks_count', 'profit' as never] } },
    });
    expect(response.status).toBe(422);
    expect(violationMessages()).toEqual([expect.stringMatching(/selected_fields\.1 must be equal to one of the allowed values/)]);
  });

  it('Prism rejects a period length the reports do not offer', async () => {
    const { response } = await v1Client().api.GET('/reports/campaigns', { params: { query: { group_by: 'week' as never } } });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/group_by must be equal to one of the allowed values/);
  });
});
