// v2 reports (6 operations) through the typed client against Prism's mock of openapi/v2: every request
// must pass Prism's validation (columns as `columns[]=…`, sorting as `sorting[col]=dir`), every
// documented error status lands in its typed error class, and the CSV export is read as text.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, messageUnless401, statusRows, violationMessages,
} from '../../support/status-matrix.js';

/** The reporting window every report requires: January to June 2025, one row per month. */
const window = { group_by: 'month', start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-30T23:59:59Z' } as const;
/** The export answers either a CSV file or a JSON body (queued message, errors). */
const acceptCsv = { Accept: 'text/csv, application/json' };

describe('v2 reports', () => {
  it('overview: one row per period with the requested metrics', async () => {
    const rows = await unwrap(v2Client().api.GET('/company/reports/overview', {
      params: { query: { ...window, columns: ['clicks_count', 'referrals_count', 'revenue_amount', '3m_epc'], sorting: { revenue_amount: 'desc' } } },
    }));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.period).toBeTypeOf('string');
      expect(Number.isInteger(row.data.clicks_count)).toBe(true);
      expect(row.data['3m_epc']).toBeTypeOf('number');
    }
  });

  it('campaigns and promoters: one row per record with a per-period breakdown', async () => {
    const api = v2Client().api;
    const campaigns = await unwrap(api.GET('/company/reports/campaigns', {
      params: { query: { ...window, columns: ['clicks_count', 'customers_count', 'revenue_amount'], q: 'partner', sorting: { customers_count: 'desc' } } },
    }));
    expect(campaigns[0]?.campaign.id).toBeTypeOf('number');
    expect(campaigns[0]?.sub_data?.[0]?.period).toBeTypeOf('string');

    const promoters = await unwrap(api.GET('/company/reports/promoters', {
      params: { query: { ...window, group_by: 'week', columns: ['referrals_count', 'promoter_earnings_amount'], q: 'jane' } },
    }));
    expect(promoters[0]?.promoter.id).toBeTypeOf('number');
    expect(promoters[0]?.data.promoter_earnings_amount).toBeTypeOf('number');
  });

  it('traffic sources and URLs: traffic metrics per source and per landing page', async () => {
    const api = v2Client().api;
    const sources = await unwrap(api.GET('/company/reports/traffic_sources', {
      params: { query: { ...window, columns: ['clicks_count', 'referrals_count', 'clicks_to_referrals_cr'], sorting: { clicks_count: 'desc' } } },
    }));
    expect(sources[0]?.source).toBeTypeOf('string');
    expect(sources[0]?.data.clicks_to_referrals_cr).toBeTypeOf('number');

    const urls = await unwrap(api.GET('/company/reports/urls', {
      params: { query: { ...window, group_by: 'day', columns: ['url', 'clicks_count', 'customers_count'], sorting: { url: 'asc' } } },
    }));
    expect(() => new URL(urls[0]?.url ?? '')).not.toThrow();
    expect(Number.isInteger(urls[0]?.data.customers_count)).toBe(true);
  });

  it('download: a small export is the CSV file itself (200, read as text)', async () => {
    const { data, response } = await v2Client().api.GET('/company/reports/download', {
      params: { query: { ...window, report_type: 'overview', columns: ['clicks_count', 'referrals_count', 'customers_count', 'revenue_amount'], totals: true } },
      headers: acceptCsv,
      parseAs: 'text',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = (data ?? '').trim().split('\n');
    expect(header?.split(',').length).toBeGreaterThan(1);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('download: a large export is queued (202) with a JSON message instead of the file', async () => {
    const { data, response } = await v2Client({ prefer: 'code=202' }).api.GET('/company/reports/download', {
      params: { query: { ...window, report_type: 'promoters', columns: ['referrals_count', 'customers_count'] } },
      headers: acceptCsv,
      parseAs: 'text',
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(data ?? '')).toEqual({ message: expect.any(String) });
  });
});

const columns = ['clicks_count' as const];
const calls = {
  'GET /company/reports/overview': (c) => c.api.GET('/company/reports/overview', { params: { query: { ...window, columns } } }),
  'GET /company/reports/campaigns': (c) => c.api.GET('/company/reports/campaigns', { params: { query: { ...window, columns } } }),
  'GET /company/reports/promoters': (c) => c.api.GET('/company/reports/promoters', { params: { query: { ...window, columns } } }),
  'GET /company/reports/traffic_sources': (c) => c.api.GET('/company/reports/traffic_sources', { params: { query: { ...window, columns } } }),
  'GET /company/reports/urls': (c) => c.api.GET('/company/reports/urls', { params: { query: { ...window, columns } } }),
  'GET /company/reports/download': (c) => c.api.GET('/company/reports/download', {
    params: { query: { ...window, columns, report_type: 'urls' } }, headers: acceptCsv, parseAs: 'text',
  }),
} satisfies Record<string, Call>;
// Every report documents the same four errors.
const documented = Object.fromEntries(Object.keys(calls).map((route) => [route, [401, 403, 422, 429]])) as
  Record<keyof typeof calls, ErrorStatus[]>;

// FirstPromoter documents a {message, code} 401 on these four reports; URLs and the CSV export answer it empty.
const bodied401 = new Set(['GET /company/reports/overview', 'GET /company/reports/campaigns', 'GET /company/reports/promoters', 'GET /company/reports/traffic_sources']);

describe('v2 report errors', () => {
  // Errors are JSON even when the call asked for text.
  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route], {
      body: status === 401 && bodied401.has(route) ? { message: expect.any(String), code: 'unauthorized' } : messageUnless401(status),
    }));
});

describe('v2 report contract checks can fail', () => {
  it('Prism rejects a report without columns, with a date instead of a timestamp, and a non-traffic metric', async () => {
    const api = v2Client().api;
    await api.GET('/company/reports/overview', { params: { query: { ...window, start_date: '2025-01-01' } } as never });
    await api.GET('/company/reports/traffic_sources', { params: { query: { ...window, columns: ['monthly_churn'] } } as never });
    expect(violationMessages()).toEqual([
      expect.stringMatching(/must have required property 'columns'/),
      expect.stringMatching(/start_date must match format "date-time"/),
      expect.stringMatching(/columns.0 must be equal to one of the allowed values/),
    ]);
  });
});
