// v2 promoters (list, create, get, update, chart) through the typed client against Prism's mock of
// openapi/v2. The bulk actions on promoters are in promoters-bulk.test.ts.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, prismBodyMessages, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const calls = {
  'GET /company/promoters': (c) => c.api.GET('/company/promoters', {
    params: {
      query: {
        page: 2,
        per_page: 100,
        q: 'lopez',
        ids: [1482, 1533],
        filters: {
          state: 'accepted',
          campaign_id: [31, 35],
          archived: false,
          has_wform: 'no',
          revenue_amount: { from: 1000, to: 500000 },
          joined_at: { from: '2024-01-01', to: '2025-04-30' },
          fraud_suspicions: ['same_ip_suspicion', 'ad_source'],
          custom_field1: { key: 'audience_size', operator: 'exact', value: '12000' },
          inactivity: { metric: 'sale', days: 30 },
        },
        sorting: { revenue_amount: 'desc' },
      },
    },
  }),
  'POST /company/promoters': (c) => c.api.POST('/company/promoters', {
    body: {
      email: 'sam.okafor@example.com',
      cust_id: 'cus_Nb71XcQ9',
      profile: { first_name: 'Sam', last_name: 'Okafor', website: 'https://samreviews.example.net' },
      initial_campaign_id: 31,
      drip_emails: true,
      always_approve: true,
    },
  }),
  'GET /company/promoters/{id}': (c) => c.api.GET('/company/promoters/{id}', {
    params: {
      path: { id: 'maria.lopez@example.com' },
      query: { find_by: 'email', include_parent_promoter: true, exclude_payout_method: true },
    },
  }),
  'PUT /company/promoters/{id}': (c) => c.api.PUT('/company/promoters/{id}', {
    params: { path: { id: 'maria.lopez@example.com' } },
    body: {
      find_by: 'email',
      cust_id: 'cus_PqR8s2Lk1Tz',
      custom_fields: { audience_size: '12000', channels: ['newsletter', 'youtube'] },
      profile: { id: 1610, company_name: 'Ledger Letters SL', vat_id: 'ESB12345678', _destroy_w9form: true },
    },
  }),
  'GET /company/promoters/{id}/chart_data': (c) => c.api.GET('/company/promoters/{id}/chart_data', {
    params: { path: { id: 1482 }, query: { period_from: '2025-01-01', period_to: '2025-04-30', selection: 'referrals' } },
  }),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/promoters': [401, 403, 429],
  'POST /company/promoters': [400, 401, 403, 404, 422, 429],
  'GET /company/promoters/{id}': [401, 403, 404, 422, 429],
  'PUT /company/promoters/{id}': [400, 401, 403, 404, 429],
  'GET /company/promoters/{id}/chart_data': [401, 403, 404, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 promoters', () => {
  it('lists a page searched, filtered (ranges, arrays, custom field, inactivity) and sorted', async () => {
    const page = await unwrap(calls['GET /company/promoters'](v2Client()));
    expect(page.meta.pending_count).toBeTypeOf('number');
    expect(page.data.length).toBeGreaterThan(0);
    for (const promoter of page.data) {
      expect(promoter.id).toBeTypeOf('number');
      expect(promoter.email).toMatch(/@/);
      expect(Number.isInteger(promoter.stats.revenue_amount)).toBe(true);
      expect(promoter.promoter_campaigns.every((membership) => typeof membership.ref_token === 'string')).toBe(true);
      expect(promoter.balances.cash === null || typeof promoter.balances.cash === 'number').toBe(true);
    }
  });

  it('creates a promoter accepted at once in its initial campaign, with a password setup link', async () => {
    const promoter = await unwrap(calls['POST /company/promoters'](v2Client()));
    expect(promoter.id).toBeTypeOf('number');
    expect(promoter.promoter_campaigns[0]?.state).toBe('accepted');
    expect(promoter.password_setup_url).toMatch(/^https:\/\//);
  });

  it('gets a promoter looked up by email, with its profile and parent', async () => {
    const promoter = await unwrap(calls['GET /company/promoters/{id}'](v2Client()));
    expect(promoter.id).toBeTypeOf('number');
    expect(promoter.profile.country).toBeTypeOf('string');
    expect(promoter).toHaveProperty('parent_promoter');
  });

  it('updates custom fields and profile of a promoter addressed by email', async () => {
    const promoter = await unwrap(calls['PUT /company/promoters/{id}'](v2Client()));
    expect(promoter.id).toBeTypeOf('number');
    expect(promoter.custom_fields).toBeTypeOf('object');
  });

  it('charts one metric as [date, value] pairs in buckets the API chose', async () => {
    const chart = await unwrap(calls['GET /company/promoters/{id}/chart_data'](v2Client()));
    expect(chart.selection).toBe('referrals');
    expect(['day', 'week', 'month', 'year']).toContain(chart.group_by);
    for (const [date, value] of chart.selection_items) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(value).toBeTypeOf('number');
    }
  });

  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route]));

  it('a 400 on create carries the messages per field', async () => {
    const error = await unwrap(calls['POST /company/promoters'](v2Client({ prefer: 'code=400' }))).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, body: { errors: { email: [expect.any(String)] } } });
  });
});

describe('v2 promoters: contract checks can fail', () => {
  it('Prism rejects a promoter without email and with an unknown campaign id type', async () => {
    const { response } = await v2Client().api.POST('/company/promoters', {
      body: { cust_id: 'cus_Nb71XcQ9', initial_campaign_id: 'partners' } as never,
    });
    expect([400, 422]).toContain(response.status);
    const messages = violationMessages().join('\n');
    expect(messages).toMatch(/must have required property 'email'/);
    expect(messages).toMatch(/initial_campaign_id must be integer/);
  });

  it('Prism rejects a bad sort direction and a bad value inside a Rails array filter (no 422 documented: body)', async () => {
    const { response, error } = await v2Client().api.GET('/company/promoters', {
      params: { query: { sorting: { joined_at: 'newest' as never }, filters: { fraud_suspicions: ['ad_source', 'bot' as never] } } },
    });
    expect(response.status).toBe(422);
    const messages = prismBodyMessages(error).join('\n');
    expect(messages).toMatch(/sorting.joined_at must be equal to one of the allowed values: asc, desc/);
    expect(messages).toMatch(/filters.fraud_suspicions.1 must be equal to one of the allowed values/);
    expect(violationMessages()).toEqual(prismBodyMessages(error));
  });
});
