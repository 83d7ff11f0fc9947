// v2 reports (6 operations) through the typed client against Prism's mock of openapi/v2: every request
// must pass Prism's validation (columns as `columns[]=…`, sorting as `sorting[col]=dir`), every
// documented error status lands in its typed error class, and the CSV export is read as text.
import { describe, expect, it } from 'vitest';
import {
  APIError, AuthenticationError, PermissionDeniedError, RateLimitError, UnprocessableEntityError, unwrap,
} from '../../../src/index.js';
import { takeViolations, v2Client } from '../../support/clients.js';

type Api = ReturnType<typeof v2Client>['api'];

const ERRORS = { 401: AuthenticationError, 403: PermissionDeniedError, 422: UnprocessableEntityError, 429: RateLimitError } as const;
type ErrorStatus = keyof typeof ERRORS;

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
const operations: Array<[string, (api: Api) => Promise<{ response: Response }>]> = [
  ['/company/reports/overview', (api) => api.GET('/company/reports/overview', { params: { query: { ...window, columns } } })],
  ['/company/reports/campaigns', (api) => api.GET('/company/reports/campaigns', { params: { query: { ...window, columns } } })],
  ['/company/reports/promoters', (api) => api.GET('/company/reports/promoters', { params: { query: { ...window, columns } } })],
  ['/company/reports/traffic_sources', (api) => api.GET('/company/reports/traffic_sources', { params: { query: { ...window, columns } } })],
  ['/company/reports/urls', (api) => api.GET('/company/reports/urls', { params: { query: { ...window, columns } } })],
  ['/company/reports/download', (api) => api.GET('/company/reports/download', {
    params: { query: { ...window, columns, report_type: 'urls' } }, headers: acceptCsv, parseAs: 'text',
  })],
];
const statuses: ErrorStatus[] = [401, 403, 422, 429];
const matrix = operations.flatMap(([path, call]) => statuses.map((status) => ({ path, status, call })));

describe('v2 report errors', () => {
  it.each(matrix)('GET $path: $status is a typed error', async ({ path, status, call }) => {
    const error = await unwrap(call(v2Client({ prefer: `code=${status}` }).api)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ERRORS[status]);
    expect(error).toMatchObject({ status, method: 'GET', path });
    // The 401 has no body; the other errors are JSON even when the call asked for text.
    expect((error as APIError).body).toEqual(status === 401 ? undefined : expect.objectContaining({ message: expect.any(String) }));
  });
});

describe('v2 report contract checks can fail', () => {
  it('Prism rejects a report without columns, with a date instead of a timestamp, and a non-traffic metric', async () => {
    const api = v2Client().api;
    await api.GET('/company/reports/overview', { params: { query: { ...window, start_date: '2025-01-01' } } as never });
    await api.GET('/company/reports/traffic_sources', { params: { query: { ...window, columns: ['monthly_churn'] } } as never });
    const messages = takeViolations().flatMap((v) => v.violations.map((x) => x.message));
    expect(messages).toEqual([
      expect.stringMatching(/must have required property 'columns'/),
      expect.stringMatching(/start_date must match format "date-time"/),
      expect.stringMatching(/columns.0 must be equal to one of the allowed values/),
    ]);
  });
});
