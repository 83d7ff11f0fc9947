// v1 leads through the real client against Prism's mock of openapi/v1: queries and form bodies pass
// Prism's validation, leads parse with the promotion and promoter they belong to, and every
// documented error status lands in its typed error.
import { describe, expect, it } from 'vitest';
import { unwrap, type components } from '../../src/v1.js';
import { capturingFetch, v1Client } from '../support/clients.js';
import {
  type BodyRow, type Call, type Route, V1_BAD_CREDENTIALS, expectTypedError, onEveryRoute, violationMessages,
} from '../support/status-matrix.js';

type Lead = components['schemas']['Lead'];
const STATES = ['signup', 'active', 'subscribed', 'denied', 'cancelled'];

const calls = {
  'GET /leads/list': (c) => c.api.GET('/leads/list', { params: { query: { ref_id: 'jane' } } }),
  'GET /leads/show': (c) => c.api.GET('/leads/show', { params: { query: { uid: 'cus_PqR8s2eZvKYlo2' } } }),
  'PUT /leads/update': (c) => c.api.PUT('/leads/update', { body: { email: 'john@example.com', plan_name: 'pro-monthly' } }),
  'DELETE /leads/delete': (c) => c.api.DELETE('/leads/delete', { body: { id: 20738339 } }),
} satisfies Record<Route, Call<'v1'>>;
type Operation = keyof typeof calls;

/** A lead as the leads endpoints return it: dates that parse, and a promotion owned by its promoter. */
function expectAttributedLead(lead: Lead) {
  expect(Number.isInteger(lead.id)).toBe(true);
  expect(STATES).toContain(lead.state);
  for (const date of [lead.customer_since, lead.cancelled_at]) {
    if (date !== null && date !== undefined) expect(Number.isNaN(Date.parse(date))).toBe(false);
  }
  expect(lead.promoter?.id).toBeTypeOf('number');
  expect(lead.promotion?.promoter_id).toBe(lead.promoter?.id);
  // The embedded promoter carries its dashboard token: data returned to the caller keeps it.
  expect(lead.promoter?.auth_token).toBeTypeOf('string');
}

describe('v1 leads: successful answers', () => {
  it('lists the leads of one promotion, with filters and paging in the query', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const leads = await unwrap(client.api.GET('/leads/list', {
      params: { query: { promotion_id: 4210919, campaign_id: 1286, page: 1, per_page: 20 } },
    }));
    expect(new URL(sent[0]!.url).search).toBe('?promotion_id=4210919&campaign_id=1286&page=1&per_page=20');
    expect(leads.length).toBeGreaterThan(1);
    leads.forEach(expectAttributedLead);
    // Sign-ups that never paid have no customer date yet; paying customers do.
    for (const lead of leads) expect(lead.customer_since === null).toBe(lead.state === 'signup');
  });

  it('shows one lead found by email', async () => {
    const lead = await unwrap(v1Client().api.GET('/leads/show', { params: { query: { email: 'john@example.com' } } }));
    expectAttributedLead(lead);
    expect(lead.promotion?.current_referral_reward?.unit).toBeTypeOf('string');
    expect(lead.promotion?.sales_total).toBeTypeOf('number');
  });

  it('updates a lead from a form body with a boolean and a date', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const lead = await unwrap(client.api.PUT('/leads/update', {
      body: { uid: 'cus_PqR8s2eZvKYlo2', new_ref_id: 'mark', soft_switch: true, state: 'active', customer_since: '2024-09-11T14:22:12Z' },
    }));
    expect(sent.map((r) => r.body)).toEqual(['uid=cus_PqR8s2eZvKYlo2&new_ref_id=mark&soft_switch=true&state=active&customer_since=2024-09-11T14%3A22%3A12Z']);
    expectAttributedLead(lead);
  });

  it('deletes a lead found by uid, with a form body on DELETE', async () => {
    const { message } = await unwrap(v1Client().api.DELETE('/leads/delete', { body: { uid: 'cus_PqR8s2eZvKYlo2' } }));
    expect(message).toMatch(/removed/i);
  });
});

const notFound = { error: expect.stringMatching(/lead not found/i) };
const notIdentified = { error: expect.stringMatching(/id, uid or email/) };
const lookups: Operation[] = ['GET /leads/show', 'PUT /leads/update', 'DELETE /leads/delete'];
const documented: Array<BodyRow<Operation>> = [
  ...onEveryRoute(calls, 401, V1_BAD_CREDENTIALS),
  ['GET /leads/list', 422, { error: expect.stringMatching(/promotion not found/i) }],
  ...lookups.flatMap((op): Array<BodyRow<Operation>> => [[op, 404, notFound], [op, 422, notIdentified]]),
];

describe('v1 leads: documented errors', () => {
  it.each(documented)('%s answers %i with its typed error', async (route, status, body) => {
    await expectTypedError('v1', route, status, calls[route], { body });
  });
});

describe('v1 leads: malformed requests', () => {
  it('Prism rejects an update to a state leads cannot have', async () => {
    const { response } = await v1Client().api.PUT('/leads/update', { body: { id: 20738339, state: 'paying' as never } });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/state must be equal to one of the allowed values/);
  });

  it('Prism rejects a delete that names no lead', async () => {
    const { response } = await v1Client().api.DELETE('/leads/delete', { body: { plan_name: 'pro' } as never });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/must have required property '(id|uid|email)'/);
  });
});
