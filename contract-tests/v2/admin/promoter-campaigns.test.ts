// v2 promoter campaigns (one promoter's membership of one campaign) through the typed client against
// Prism's mock of openapi/v2.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, prismBodyMessages, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const STATES = ['pending', 'accepted', 'rejected', 'blocked', 'inactive'];

const calls = {
  'GET /company/promoter_campaigns': (c) => c.api.GET('/company/promoter_campaigns', { params: { query: { page: 3, per_page: 100 } } }),
  'GET /company/promoter_campaigns/search': (c) => c.api.GET('/company/promoter_campaigns/search', { params: { query: { q: 'maria' } } }),
  'PUT /company/promoter_campaigns/{id}': (c) => c.api.PUT('/company/promoter_campaigns/{id}', {
    params: { path: { id: 2290 } },
    body: {
      ref_token: 'maria',
      coupon: 'MARIA20',
      display_coupon: 'MARIA20',
      promoter_rewards_customized: true,
      rewards_for_promoters: [{ apply_on: 'specific', product_ids: [301, 302], reward_id: 88 }],
    },
  }),
  'GET /company/promoter_campaigns/{id}/chart_data': (c) => c.api.GET('/company/promoter_campaigns/{id}/chart_data', {
    params: { path: { id: 2290 }, query: { period_from: '2025-04-01', period_to: '2025-04-07', selection: 'revenue', with_totals: true } },
  }),
  'GET /company/promoter_campaigns/{id}/referral_links': (c) => c.api.GET('/company/promoter_campaigns/{id}/referral_links', {
    params: { path: { id: 2290 } },
  }),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/promoter_campaigns': [401, 403, 429],
  'GET /company/promoter_campaigns/search': [401, 403, 429],
  'PUT /company/promoter_campaigns/{id}': [401, 403, 404, 429],
  'GET /company/promoter_campaigns/{id}/chart_data': [401, 403, 404, 422, 429],
  'GET /company/promoter_campaigns/{id}/referral_links': [401, 403, 404, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 promoter campaigns', () => {
  it('lists a page of memberships with ref tokens, states and counters', async () => {
    const memberships = await unwrap(calls['GET /company/promoter_campaigns'](v2Client()));
    expect(memberships.length).toBeGreaterThan(0);
    for (const membership of memberships) {
      expect(membership.id).toBeTypeOf('number');
      expect(STATES).toContain(membership.state);
      expect(membership.ref_link).toContain(`fpr=${membership.ref_token}`);
      expect(membership.stats?.revenue_amount).toBeTypeOf('number');
      expect(Array.isArray(membership.promo_codes)).toBe(true);
    }
  });

  it('searches by text and gets at most five matches', async () => {
    const matches = await unwrap(calls['GET /company/promoter_campaigns/search'](v2Client()));
    expect(matches.length).toBeLessThanOrEqual(5);
    expect(matches[0]?.promoter?.email).toMatch(/@/);
  });

  it('requires the search text at compile time', () => {
    // @ts-expect-error `q` is required by the spec, so the typed client refuses a search without it.
    const call = () => v2Client().api.GET('/company/promoter_campaigns/search', { params: { query: {} } });
    expect(call).toBeTypeOf('function');
  });

  it('updates ref token, coupon and custom promoter rewards', async () => {
    const membership = await unwrap(calls['PUT /company/promoter_campaigns/{id}'](v2Client()));
    expect(membership.id).toBeTypeOf('number');
    expect(membership.promoter_rewards_customized).toBeTypeOf('boolean');
    expect(membership.rewards_for_promoters?.every((rule) => typeof rule.reward_id === 'number')).toBe(true);
  });

  it('charts one metric as {date, value} points', async () => {
    const chart = await unwrap(calls['GET /company/promoter_campaigns/{id}/chart_data'](v2Client()));
    expect(chart.selection).toBe('revenue');
    expect(chart.group_by).toBeTypeOf('string');
    expect(chart.selection_items.length).toBeGreaterThan(0);
    for (const point of chart.selection_items) {
      expect(point.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(point.value).toBeTypeOf('number');
    }
  });

  it('lists the referral links, from the campaign and made by the promoter', async () => {
    const links = await unwrap(calls['GET /company/promoter_campaigns/{id}/referral_links'](v2Client()));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(() => new URL(link.url)).not.toThrow();
      expect(['campaign', 'promoter']).toContain(link.source);
      expect(link.sub_id === null || typeof link.sub_id === 'string').toBe(true);
    }
  });

  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route]));
});

describe('v2 promoter campaigns: contract checks can fail', () => {
  it('Prism rejects a chart without a metric and with a malformed start date', async () => {
    const { response } = await v2Client().api.GET('/company/promoter_campaigns/{id}/chart_data', {
      params: { path: { id: 2290 }, query: { period_from: '04/01/2025', period_to: '2025-04-07' } as never },
    });
    expect(response.status).toBe(422);
    const messages = violationMessages().join('\n');
    expect(messages).toMatch(/must have required property 'selection'/);
    expect(messages).toMatch(/period_from must match format "date"/);
  });

  it('Prism rejects a reward rule without reward_id and an unknown state (no 422 documented: body)', async () => {
    const { response, error } = await v2Client().api.PUT('/company/promoter_campaigns/{id}', {
      params: { path: { id: 2290 } },
      body: { state: 'archived', rewards_for_promoters: [{ apply_on: 'all', product_ids: [] }] } as never,
    });
    expect(response.status).toBe(422);
    const messages = prismBodyMessages(error).join('\n');
    expect(messages).toMatch(/state must be equal to one of the allowed values/);
    expect(messages).toMatch(/rewards_for_promoters.0 must have required property 'reward_id'/);
    expect(violationMessages()).toEqual(prismBodyMessages(error));
  });
});
