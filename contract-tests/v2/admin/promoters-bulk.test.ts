// v2 bulk actions on promoters through the typed client against Prism's mock of openapi/v2. Each one
// answers 200 with a finished batch (5 ids or fewer) or 202 with a queued batch to poll.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import { type V2, type ErrorStatus, expectTypedError, statusRows, violationMessages } from '../../support/status-matrix.js';

const TWO = [1533, 1537];
const TWELVE = Array.from({ length: 12 }, (_, i) => 1533 + i);

const bulk = {
  'POST /company/promoters/accept': (c: V2, ids = TWO) => c.api.POST('/company/promoters/accept', { body: { ids, campaign_id: 31 } }),
  'POST /company/promoters/reject': (c: V2, ids = TWO) => c.api.POST('/company/promoters/reject', { body: { ids, campaign_id: 31 } }),
  'POST /company/promoters/block': (c: V2, ids = TWO) => c.api.POST('/company/promoters/block', { body: { ids, campaign_id: 31 } }),
  'POST /company/promoters/archive': (c: V2, ids = TWO) => c.api.POST('/company/promoters/archive', { body: { ids } }),
  'POST /company/promoters/restore': (c: V2, ids = TWO) => c.api.POST('/company/promoters/restore', { body: { ids } }),
  'POST /company/promoters/add_to_campaign': (c: V2, ids = TWO) => c.api.POST('/company/promoters/add_to_campaign', {
    body: { ids, campaign_id: 35, drip_emails: true },
  }),
  'POST /company/promoters/move_to_campaign': (c: V2, ids = TWO) => c.api.POST('/company/promoters/move_to_campaign', {
    body: { ids, from_campaign_id: 31, to_campaign_id: 35, drip_emails: false, soft_move_referrals: true },
  }),
  'POST /company/promoters/assign_parent': (c: V2, ids = TWO) => c.api.POST('/company/promoters/assign_parent', {
    body: { ids, parent_promoter_id: 1482 },
  }),
};

type BulkRoute = keyof typeof bulk;
const routes = Object.keys(bulk) as BulkRoute[];
const documented = Object.fromEntries(routes.map((route) => [route, [401, 403, 422, 429]])) as Record<BulkRoute, ErrorStatus[]>;

describe('v2 promoter bulk actions', () => {
  it.each(routes)('%s: 200 with a finished batch', async (route) => {
    const result = await bulk[route](v2Client());
    expect(result.response.status).toBe(200);
    const batch = await unwrap(result);
    expect(batch).toMatchObject({ status: 'completed', progress: 100 });
    expect(batch.processed_count! + batch.failed_count!).toBe(batch.total);
    expect(batch.processing_errors).toHaveLength(batch.failed_count!);
  });

  it.each(routes)('%s: 202 with a queued batch to poll', async (route) => {
    const result = await bulk[route](v2Client({ prefer: 'code=202' }), TWELVE);
    expect(result.response.status).toBe(202);
    const batch = await unwrap(result);
    expect(batch).toMatchObject({ status: 'pending', processed_count: 0 });
    expect(batch.id).toBeTypeOf('number');
    expect(batch.total).toBeGreaterThan(5);
  });

  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, bulk[route]));

  it('a 422 names the parameter at fault in the typed error body', async () => {
    const error = await unwrap(bulk['POST /company/promoters/accept'](v2Client({ prefer: 'code=422' }))).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, body: { code: 'invalid_params', message: expect.stringMatching(/param is missing/) } });
  });
});

describe('v2 promoter bulk actions: contract checks can fail', () => {
  it('Prism rejects a move without its target campaign and with text ids', async () => {
    const { response } = await v2Client().api.POST('/company/promoters/move_to_campaign', {
      body: { ids: ['1482'], from_campaign_id: 31 } as never,
    });
    expect(response.status).toBe(422);
    const messages = violationMessages().join('\n');
    expect(messages).toMatch(/must have required property 'to_campaign_id'/);
    expect(messages).toMatch(/ids.0 must be integer/);
  });

  it('Prism rejects an accept without a campaign', async () => {
    const { response } = await v2Client().api.POST('/company/promoters/accept', { body: { ids: TWO } as never });
    expect(response.status).toBe(422);
    expect(violationMessages()).toEqual(["Request body must have required property 'campaign_id'"]);
  });
});
