// v2 referrals (leads and customers) through the typed client against Prism's mock of openapi/v2.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type V2, type ErrorStatus, expectTypedError, prismBodyMessages, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const TWO = [29203686, 29211402];
const TWELVE = Array.from({ length: 12 }, (_, i) => 29203686 + i);
const STATES = ['subscribed', 'signup', 'active', 'cancelled', 'refunded', 'denied', 'pending', 'moved'];

const bulk = {
  'DELETE /company/referrals': (c: V2, ids = TWO) => c.api.DELETE('/company/referrals', { body: { ids } }),
  'POST /company/referrals/approve': (c: V2, ids = TWO) => c.api.POST('/company/referrals/approve', { body: { ids } }),
  'POST /company/referrals/disable': (c: V2, ids = TWO) => c.api.POST('/company/referrals/disable', { body: { ids } }),
  'POST /company/referrals/enable': (c: V2, ids = TWO) => c.api.POST('/company/referrals/enable', { body: { ids } }),
  'POST /company/referrals/move_to_promoter': (c: V2, ids = TWO) => c.api.POST('/company/referrals/move_to_promoter', {
    body: { promoter_campaign_id: 14850777, ids, move_associated_commissions: true },
  }),
} satisfies Record<string, Call>;

const calls = {
  ...bulk,
  'GET /company/referrals': (c) => c.api.GET('/company/referrals', {
    params: {
      query: {
        q: 'example.com',
        ids: TWO,
        filters: { type: 'customer', promoter_id: 8262622, state: 'active', created_at: { from: '2025-01-01', to: '2025-04-30' } },
        page: 1,
        per_page: 25,
      },
    },
  }),
  'POST /company/referrals': (c) => c.api.POST('/company/referrals', {
    body: {
      email: 'jane.doe@example.com',
      uid: 'cus_PmX81fQ2',
      promoter_campaign_id: 14850130,
      split_details: [{ promoter_campaign_id: 14850777, percentage: 30 }],
    },
  }),
  'GET /company/referrals/{id}': (c) => c.api.GET('/company/referrals/{id}', {
    params: { path: { id: 'jane.doe@example.com' }, query: { find_by: 'email' } },
  }),
  'PUT /company/referrals/{id}': (c) => c.api.PUT('/company/referrals/{id}', {
    params: { path: { id: '29203686' } },
    body: { promoter_campaign_id: 14850130, fraud_check: 'no_suspicion', custom_status_id: 12 },
  }),
  'POST /company/referrals/{id}/import_events': (c) => c.api.POST('/company/referrals/{id}/import_events', {
    params: { path: { id: 'cus_PmX81fQ2' }, query: { find_by: 'uid' } },
  }),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/referrals': [401, 403, 429],
  'POST /company/referrals': [401, 403, 422, 429],
  'DELETE /company/referrals': [401, 403, 429],
  'POST /company/referrals/approve': [401, 403, 429],
  'POST /company/referrals/disable': [401, 403, 429],
  'POST /company/referrals/enable': [401, 403, 429],
  'POST /company/referrals/move_to_promoter': [401, 403, 422, 429],
  'GET /company/referrals/{id}': [401, 403, 404, 429],
  'PUT /company/referrals/{id}': [401, 403, 404, 422, 429],
  'POST /company/referrals/{id}/import_events': [401, 403, 422, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 referrals', () => {
  it('lists referrals searched, restricted to ids and filtered by kind, promoter, state and date range', async () => {
    const referrals = await unwrap(calls['GET /company/referrals'](v2Client()));
    expect(referrals.length).toBeGreaterThan(0);
    for (const referral of referrals) {
      expect(referral.id).toBeTypeOf('number');
      expect(STATES).toContain(referral.state);
      expect(referral.promoter_campaign?.promoter?.id).toBeTypeOf('number');
      expect(referral.customer_since === null || typeof referral.customer_since === 'string').toBe(true);
    }
    const split = referrals.flatMap((referral) => referral.split_details ?? []);
    expect(split.every((share) => typeof share.percentage === 'number')).toBe(true);
  });

  it('creates a referral split with another promoter', async () => {
    const referral = await unwrap(calls['POST /company/referrals'](v2Client()));
    expect(referral.id).toBeTypeOf('number');
    expect(referral.email).toMatch(/@/);
    expect(referral.promoter_campaign?.campaign?.name).toBeTypeOf('string');
  });

  it('gets a referral looked up by email, with its custom status', async () => {
    const referral = await unwrap(calls['GET /company/referrals/{id}'](v2Client()));
    expect(referral.id).toBeTypeOf('number');
    expect(referral.custom_status?.name).toBeTypeOf('string');
    expect(referral.is_expired).toBeTypeOf('boolean');
  });

  it('updates a referral by id and by uid (find_by in the body)', async () => {
    const byId = await unwrap(calls['PUT /company/referrals/{id}'](v2Client()));
    expect(byId.fraud_check).toBe('no_suspicion');
    const byUid = await unwrap(v2Client().api.PUT('/company/referrals/{id}', {
      params: { path: { id: 'cus_PmX81fQ2' } },
      body: { find_by: 'uid', email: 'jane.d@example.com', custom_status_id: null },
    }));
    expect(byUid.id).toBeTypeOf('number');
  });

  it('queues the import of past Stripe sales (202) as a batch to poll', async () => {
    const result = await calls['POST /company/referrals/{id}/import_events'](v2Client());
    expect(result.response.status).toBe(202);
    const batch = await unwrap(result);
    expect(batch).toMatchObject({ status: 'pending', processed_count: 0 });
    expect(batch.id).toBeTypeOf('number');
  });

  it.each(Object.keys(bulk) as Array<keyof typeof bulk>)('%s: 200 with a finished batch, 202 with a queued one', async (route) => {
    const finished = await bulk[route](v2Client());
    expect(finished.response.status).toBe(200);
    const done = await unwrap(finished);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.processed_count! + done.failed_count!).toBe(done.total);

    const queued = await bulk[route](v2Client({ prefer: 'code=202' }), TWELVE);
    expect(queued.response.status).toBe(202);
    const job = await unwrap(queued);
    expect(job).toMatchObject({ status: 'pending', processed_count: 0 });
    expect(job.total).toBeGreaterThan(5);
  });

  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route]));

  it('a refused move carries its reason code in the typed error body', async () => {
    const error = await unwrap(bulk['POST /company/referrals/move_to_promoter'](v2Client({ prefer: 'code=422' }))).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, body: { code: expect.stringMatching(/^(invalid_params|operation_failed)$/) } });
  });
});

describe('v2 referrals: contract checks can fail', () => {
  it('Prism rejects a referral without a promoter campaign and with a 150% split', async () => {
    const { response } = await v2Client().api.POST('/company/referrals', {
      body: { email: 'jane.doe@example.com', split_details: [{ promoter_campaign_id: 14850777, percentage: 150 }] } as never,
    });
    expect(response.status).toBe(422);
    const messages = violationMessages().join('\n');
    expect(messages).toMatch(/must have required property 'promoter_campaign_id'/);
    expect(messages).toMatch(/percentage must be <= 100/);
  });

  it('Prism checks every id of the Rails array ids[] (no 422 documented: its messages come in the body)', async () => {
    const { response, error } = await v2Client().api.GET('/company/referrals', { params: { query: { ids: [29203686, 'abc' as never, 3] } } });
    expect(response.status).toBe(422);
    expect(prismBodyMessages(error)).toEqual(['Request query parameter ids.1 must be integer']);
    expect(violationMessages()).toEqual(prismBodyMessages(error));
  });

  it('Prism rejects a bulk action without ids', async () => {
    const { response } = await v2Client().api.POST('/company/referrals/move_to_promoter', { body: { promoter_campaign_id: 14850777, ids: [] } });
    expect(response.status).toBe(422);
    expect(violationMessages().join('\n')).toMatch(/ids must NOT have fewer than 1 items/);
  });
});
