// v2 queries as the client puts them on the wire, which the spec alone cannot show: Rails bracket form
// for deepObject filters and sorting (`filters[created_at][from]=…`), arrays (`ids[]=…`) and arrays
// inside filters (`filters[campaign_id][]=…`), and that Prism checks every element of them through the
// harness's mapping. The generated suite (contract-tests/operations.test.ts) covers every operation.
import { describe, expect, it } from 'vitest';
import { unwrap, UnprocessableEntityError } from '../../src/index.js';
import { capturingFetch, v2Client } from '../support/clients.js';
import { plainPrism } from '../support/plain-prism.js';
import { prismBodyMessages, violationMessages } from '../support/prism-messages.js';

type V2 = ReturnType<typeof v2Client>;

async function searchSentBy(call: (client: V2) => Promise<{ response: Response }>): Promise<string> {
  const { fetch, sent } = capturingFetch();
  const { response } = await call(v2Client({ fetch }));
  expect(response.ok).toBe(true);
  expect(sent).toHaveLength(1);
  return decodeURIComponent(new URL(sent[0]!.url).search);
}

describe('v2 queries in Rails bracket form', () => {
  it('commissions: search, ids, nested ranges, several sort columns and paging', async () => {
    const search = await searchSentBy((c) => c.api.GET('/company/commissions', {
      params: {
        query: {
          q: 'jamie.chen@example.org',
          ids: [13533003, 13533118],
          filters: { status: 'approved', created_at: { from: '2025-01-01', to: '2025-04-30' }, amount: { from: 100 }, first_commission: true },
          sorting: { created_at: 'desc', amount: 'asc' },
          page: 2,
          per_page: 50,
        },
      },
    }));
    expect(search).toBe('?q=jamie.chen@example.org&ids[]=13533003&ids[]=13533118'
      + '&filters[status]=approved&filters[created_at][from]=2025-01-01&filters[created_at][to]=2025-04-30&filters[amount][from]=100'
      + '&filters[first_commission]=true&sorting[created_at]=desc&sorting[amount]=asc&page=2&per_page=50');
  });

  it('promoters: arrays inside filters, a custom field and an inactivity rule', async () => {
    const search = await searchSentBy((c) => c.api.GET('/company/promoters', {
      params: {
        query: {
          filters: {
            campaign_id: [31, 35],
            fraud_suspicions: ['same_ip_suspicion', 'ad_source'],
            custom_field1: { key: 'audience_size', operator: 'exact', value: '12000' },
            inactivity: { metric: 'sale', days: 30 },
          },
        },
      },
    }));
    expect(search).toBe('?filters[campaign_id][]=31&filters[campaign_id][]=35'
      + '&filters[fraud_suspicions][]=same_ip_suspicion&filters[fraud_suspicions][]=ad_source'
      + '&filters[custom_field1][key]=audience_size&filters[custom_field1][operator]=exact&filters[custom_field1][value]=12000'
      + '&filters[inactivity][metric]=sale&filters[inactivity][days]=30');
  });

  it('reports: the columns array and a sort on one of them', async () => {
    const search = await searchSentBy((c) => c.api.GET('/company/reports/overview', {
      params: {
        query: {
          columns: ['clicks_count', '3m_epc'], group_by: 'month', start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-30T23:59:59Z',
          sorting: { clicks_count: 'desc' },
        },
      },
    }));
    expect(search).toBe('?columns[]=clicks_count&columns[]=3m_epc&group_by=month'
      + '&start_date=2025-01-01T00:00:00Z&end_date=2025-06-30T23:59:59Z&sorting[clicks_count]=desc');
  });
});

describe('v2 bracket forms: Prism checks every element', () => {
  it('rejects a text id in the second place of ids[], with its own 422 that unwrap makes an UnprocessableEntityError', async () => {
    const error = await unwrap(v2Client().api.GET('/company/referrals', { params: { query: { ids: [29203686, 'abc' as never, 3] } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(prismBodyMessages((error as UnprocessableEntityError).body)).toEqual(['Request query parameter ids[].1 must be integer']);
    expect(violationMessages()).toEqual(['Request query parameter ids[].1 must be integer']);
  });

  it('rejects a bad value in the second place of an array inside a filter, and a bad sort direction', async () => {
    const { response, error } = await v2Client().api.GET('/company/promoters', {
      params: { query: { sorting: { joined_at: 'newest' as never }, filters: { fraud_suspicions: ['ad_source', 'bot' as never] } } },
    });
    expect(response.status).toBe(422);
    const messages = prismBodyMessages(error).join('\n');
    expect(messages).toMatch(/sorting.joined_at must be equal to one of the allowed values: asc, desc/);
    expect(messages).toMatch(/filters.fraud_suspicions.1 must be equal to one of the allowed values/);
    expect(violationMessages()).toEqual(prismBodyMessages(error));
  });

  it('rejects an unknown status in the second place of a one-or-many filter', async () => {
    const { response, error } = await v2Client().api.GET('/company/batch_processes', {
      params: { query: { filters: { status: ['pending', 'done' as never] } } },
    });
    expect(response.status).toBe(422);
    expect(prismBodyMessages(error)).toContain(
      'Request query parameter filters.status.1 must be equal to one of the allowed values: pending, in_progress, completed, failed, stopped');
    expect(violationMessages()).toEqual(prismBodyMessages(error));
  });
});

describe('v2 forms other clients send, accepted by the shipped bundle', () => {
  it('takes a refund amount and quantity as strings of digits, as FirstPromoter\'s file types them and its n8n node sends them', async () => {
    const { response } = await v2Client().api.POST('/track/refund', {
      body: { email: 'jane.doe@example.com', event_id: 're_901', amount: '2000', quantity: '2', sale_event_id: 'in_900' },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a refund amount that is a decimal string', async () => {
    const { response } = await v2Client().api.POST('/track/refund', { body: { email: 'jane.doe@example.com', event_id: 're_902', amount: '20.00' } });
    expect(response.status).toBe(400);
    expect(violationMessages().join('\n')).toMatch(/amount must match pattern/);
  });

  it('reads columns[]= and ids[]= through plain Prism, with no harness mapping', async () => {
    const report = '/company/reports/overview?group_by=month&start_date=2025-01-01T00:00:00Z&end_date=2025-06-30T23:59:59Z';
    expect(await plainPrism('v2', 'GET', `${report}&columns[]=clicks_count&columns[]=3m_epc`)).toEqual({ status: 200, messages: [] });
    expect((await plainPrism('v2', 'GET', `${report}&columns[]=clicks_count&columns[]=profit`)).messages)
      .toEqual([expect.stringMatching(/columns\[\]\.1 must be equal to one of the allowed values/)]);
    expect((await plainPrism('v2', 'GET', report)).messages).toEqual(["Request query must have required property 'columns[]'"]);
    expect((await plainPrism('v2', 'GET', '/company/referrals?ids[]=29203686&ids[]=abc')).messages).toEqual(['Request query parameter ids[].1 must be integer']);
  });

  it('takes a promoter bulk action with only campaign_id, and the flat profile[_destroy_w8form] keys', async () => {
    expect((await v2Client().api.POST('/company/promoters/accept', { body: { campaign_id: 28004 } })).response.ok).toBe(true);
    const { response } = await v2Client().api.PUT('/company/promoters/{id}', {
      params: { path: { id: '8262622' } },
      body: { 'profile[_destroy_w8form]': true, 'profile[_destroy_w9form]': false },
    });
    expect(response.ok).toBe(true);
  });
});

describe('v2 keys and values outside what FirstPromoter documents are refused', () => {
  it('an unknown filter key, an unknown nested range key and an unknown sorting key (checked by the harness, which Prism skips)', async () => {
    const { response } = await v2Client().api.GET('/company/promoters', {
      params: { query: { filters: { bogus: 1, joined_at: { from: '2025-01-01', until: '2025-02-01' } } as never, sorting: { bogus: 'asc' } as never } },
    });
    expect(response.ok).toBe(true); // Prism itself let it through
    expect(violationMessages()).toEqual([
      'Request query parameter filters must NOT have additional properties: bogus',
      'Request query parameter filters.joined_at must NOT have additional properties: until',
      'Request query parameter sorting must NOT have additional properties: bogus',
    ]);
  });

  it('a flat split_details[percentage] key in a JSON body', async () => {
    const { response } = await v2Client().api.PUT('/company/referrals/{id}', {
      params: { path: { id: '29203686' } },
      body: { 'split_details[percentage]': 50 } as never,
    });
    expect(response.status).toBe(422);
    expect(violationMessages().join('\n')).toMatch(/must NOT have additional properties/);
  });

  it('a fraud suspicion outside the documented enum on payouts', async () => {
    const { response } = await v2Client().api.GET('/company/payouts', {
      params: { query: { filters: { fraud_suspicions: ['bogus' as never] } } },
    });
    expect(response.status).toBe(422);
    expect(violationMessages().join('\n')).toMatch(/filters.fraud_suspicions.0 must be equal to one of the allowed values/);
  });
});
