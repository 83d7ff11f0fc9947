// v1 requests as the client puts them on the wire, which the spec alone cannot show: form bodies on
// POST, PUT and DELETE (`%40`, booleans, timestamps), plain query strings in the order given, and Rails
// arrays (`selected_fields[]=…`). Each is also checked by Prism through the suite-wide violation hook.
// The generated suite (contract-tests/operations.test.ts) covers every operation and status.
import { describe, expect, it } from 'vitest';
import { unwrap, UnprocessableEntityError } from '../../src/v1.js';
import { capturingFetch, v1Client } from '../support/clients.js';
import { plainPrism } from '../support/plain-prism.js';
import { prismBodyMessages, violationMessages } from '../support/prism-messages.js';

type V1 = ReturnType<typeof v1Client>;

/** Sends one call through a client that keeps what it sent, and returns that request. */
async function sentBy(call: (client: V1) => Promise<{ response: Response }>) {
  const { fetch, sent } = capturingFetch();
  const { response } = await call(v1Client({ fetch }));
  expect(response.ok).toBe(true);
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

describe('v1 form bodies', () => {
  it.each([
    ['promoters/create: an email and a boolean', (c: V1) => c.api.POST('/promoters/create', {
      body: { email: 'jane@example.com', first_name: 'Jane', cust_id: 'usr_5821', skip_email_notification: true },
    }), 'email=jane%40example.com&first_name=Jane&cust_id=usr_5821&skip_email_notification=true'],
    ['leads/update: a boolean and a timestamp', (c: V1) => c.api.PUT('/leads/update', {
      body: { uid: 'cus_PqR8s2eZvKYlo2', new_ref_id: 'mark', soft_switch: true, state: 'active', customer_since: '2024-09-11T14:22:12Z' },
    }), 'uid=cus_PqR8s2eZvKYlo2&new_ref_id=mark&soft_switch=true&state=active&customer_since=2024-09-11T14%3A22%3A12Z'],
    ['payouts/create: a promoter found by email', (c: V1) => c.api.POST('/payouts/create', {
      body: { promoter_email: 'jane@example.com', campaign_id: 1286, status: 'completed' },
    }), 'promoter_email=jane%40example.com&campaign_id=1286&status=completed'],
    ['rewards/create: integers and a boolean', (c: V1) => c.api.POST('/rewards/create', {
      body: { uid: 'cus_PqR8s2eZvKYlo2', reward_type: 'points', amount: 10, status: 'pending', skip_email_notification: true },
    }), 'uid=cus_PqR8s2eZvKYlo2&reward_type=points&amount=10&status=pending&skip_email_notification=true'],
    ['promoters/delete: a form body on DELETE', (c: V1) => c.api.DELETE('/promoters/delete', {
      body: { promoter_email: 'jane@example.com' },
    }), 'promoter_email=jane%40example.com'],
  ])('%s', async (_, call, body) => {
    const request = await sentBy(call);
    expect(`${request.headers.get('content-type')} ${request.body}`).toBe(`application/x-www-form-urlencoded ${body}`);
  });

  it('sends no body and no form Content-Type on a GET', async () => {
    const request = await sentBy((c) => c.api.GET('/promoters/show', { params: { query: { cust_id: 'usr_5821' } } }));
    expect([request.body, request.headers.get('content-type')]).toEqual([undefined, null]);
  });
});

describe('v1 query strings', () => {
  it.each([
    ['leads/list: filters and paging, in the order given', (c: V1) => c.api.GET('/leads/list', {
      params: { query: { promotion_id: 4210919, campaign_id: 1286, page: 1, per_page: 20 } },
    }), '?promotion_id=4210919&campaign_id=1286&page=1&per_page=20'],
    ['payouts/list: an enum filter', (c: V1) => c.api.GET('/payouts/list', {
      params: { query: { promoter_id: 3920164, campaign_id: 1286, status: 'completed', page: 1, per_page: 20 } },
    }), '?promoter_id=3920164&campaign_id=1286&status=completed&page=1&per_page=20'],
    ['reports/overview: a Rails array of metrics, sorting and a date range', (c: V1) => c.api.GET('/reports/overview', {
      params: { query: {
        selected_fields: ['revenue_amount', 'clicks_count', 'referrals_count', 'customers_count'],
        sort: 'clicks_count', sort_dir: 'desc', group_by: 'month', start_date: '2024-09-01', end_date: '2024-10-31',
      } },
    }), '?selected_fields[]=revenue_amount&selected_fields[]=clicks_count&selected_fields[]=referrals_count&selected_fields[]=customers_count'
      + '&sort=clicks_count&sort_dir=desc&group_by=month&start_date=2024-09-01&end_date=2024-10-31'],
    ['reports/promoters: two Rails arrays and metric names that start with a digit', (c: V1) => c.api.GET('/reports/promoters', {
      params: { query: { promoter_ids: [3920164, 3920188], selected_fields: ['3m_epc', 'revenue_amount'], top_50: '6m_epc' } },
    }), '?promoter_ids[]=3920164&promoter_ids[]=3920188&selected_fields[]=3m_epc&selected_fields[]=revenue_amount&top_50=6m_epc'],
  ])('%s', async (_, call, search) => {
    const request = await sentBy(call);
    expect(decodeURIComponent(new URL(request.url).search)).toBe(search);
  });
});

describe('v1 wire forms: Prism checks what we send', () => {
  it('rejects an unknown metric in the second place of the Rails array selected_fields', async () => {
    const { response } = await v1Client().api.GET('/reports/overview', {
      params: { query: { selected_fields: ['clicks_count', 'profit' as never] } },
    });
    expect(response.status).toBe(422);
    expect(violationMessages()).toEqual([expect.stringMatching(/selected_fields\[\]\.1 must be equal to one of the allowed values/)]);
  });

  it("answers with its own 422 where the spec documents none, which unwrap makes an UnprocessableEntityError", async () => {
    const error = await unwrap(v1Client().api.GET('/payouts/list', { params: { query: { status: 'paid' as never } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const messages = prismBodyMessages((error as UnprocessableEntityError).body);
    expect(messages).toEqual([expect.stringMatching(/status must be equal to one of the allowed values/)]);
    expect(violationMessages()).toEqual(messages);
  });
});

describe('v1 forms other clients send, accepted by the shipped bundle', () => {
  const form = 'application/x-www-form-urlencoded';

  it('takes a sale with every parameter in the query string and no body, as FirstPromoter\'s n8n node sends it', async () => {
    const query = '?email=jane%40example.com&event_id=in_501&amount=2000&plan=pro-monthly&skip_email_notification=true';
    expect(await plainPrism('v1', 'POST', `/track/sale${query}`, { contentType: form })).toEqual({ status: 200, messages: [] });
    expect(await plainPrism('v1', 'PUT', '/leads/update?uid=cus_9&new_ref_id=mark&soft_switch=true', { contentType: form })).toEqual({ status: 200, messages: [] });
  });

  it('still checks the values sent in the query: a decimal amount is refused', async () => {
    const { status, messages } = await plainPrism('v1', 'POST', '/track/sale?email=jane%40example.com&event_id=in_502&amount=19.99', { contentType: form });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(messages).toEqual([expect.stringMatching(/query parameter amount must match pattern/)]);
  });

  it('takes FirstPromoter\'s "ISO datetime" without an offset for signup created_at and leads/update customer_since', async () => {
    const client = v1Client();
    expect((await client.track.signup({ email: 'john@example.com', ref_id: 'john20', created_at: '2026-03-01T00:00:00' })).outcome).toBe('tracked');
    expect((await client.api.PUT('/leads/update', { body: { uid: 'cus_9', customer_since: '2026-03-01T09:30:00' } })).response.status).toBe(200);
    expect((await client.api.PUT('/leads/update', { body: { uid: 'cus_9', customer_since: '2026-03-01T09:30:00+02:00' } })).response.status).toBe(200);
  });

  it('refuses a date that is no ISO datetime', async () => {
    const { status } = await v1Client().api.PUT('/leads/update', { body: { uid: 'cus_9', customer_since: 'yesterday' } }).then((r) => r.response);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(violationMessages()).toEqual([expect.stringMatching(/customer_since must match pattern/)]);
  });

  it('reads selected_fields[]= as an array and checks each element, with no harness mapping', async () => {
    expect(await plainPrism('v1', 'GET', '/reports/overview?selected_fields[]=clicks_count&selected_fields[]=3m_epc')).toEqual({ status: 200, messages: [] });
    const { messages } = await plainPrism('v1', 'GET', '/reports/overview?selected_fields[]=clicks_count&selected_fields[]=profit');
    expect(messages).toEqual([expect.stringMatching(/selected_fields\[\]\.1 must be equal to one of the allowed values/)]);
  });
});
