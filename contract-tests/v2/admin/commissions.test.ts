// v2 commissions (9 operations) through the typed client against Prism's mock of openapi/v2: every
// request must pass Prism's validation, every documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import {
  APIError, AuthenticationError, PermissionDeniedError, NotFoundError, UnprocessableEntityError, RateLimitError, unwrap,
  type components,
} from '../../../src/index.js';
import { recordingFetch, takeViolations, v2Client } from '../../support/clients.js';

type Api = ReturnType<typeof v2Client>['api'];
type BatchProcess = components['schemas']['BatchProcess'];
/** What openapi-fetch resolves to: data on success, error otherwise. */
type Result<T> = { data: T; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

const ERRORS = {
  401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError, 422: UnprocessableEntityError, 429: RateLimitError,
} as const;
type ErrorStatus = keyof typeof ERRORS;

const FEW = [13533003, 13533118];
const MANY = [13533003, 13533118, 13540210, 13540211, 13540212, 13540213, 13540214];

describe('v2 commissions', () => {
  it('lists with search, ids, nested filters and sorting in Rails bracket form', async () => {
    const urls: string[] = [];
    const prism = recordingFetch();
    const api = v2Client({ fetch: (input, init) => { urls.push(decodeURIComponent(String(input))); return prism(input, init); } }).api;
    const list = await unwrap(api.GET('/company/commissions', {
      params: {
        query: {
          q: 'jamie.chen@example.org',
          ids: FEW,
          filters: {
            status: 'approved', paid: 'no', created_at: { from: '2025-01-01', to: '2025-04-30' }, amount: { from: 100 },
            campaign_id: 28004, promoter_id: 8262622, first_commission: true, fraud_check: 'no_suspicion',
          },
          sorting: { created_at: 'desc', amount: 'asc' },
          page: 2,
          per_page: 50,
        },
      },
    }));
    expect(urls[0]).toContain('ids[]=13533003&ids[]=13533118');
    expect(urls[0]).toContain('filters[created_at][from]=2025-01-01');
    expect(urls[0]).toContain('sorting[created_at]=desc');
    expect(list.length).toBeGreaterThan(0);
    for (const commission of list) {
      expect(commission.id).toBeTypeOf('number');
      expect(['pending', 'approved', 'denied']).toContain(commission.status);
      expect(Number.isInteger(commission.amount)).toBe(true);
      expect(commission.promoter_campaign?.promoter?.id).toBeTypeOf('number');
    }
  });

  it('creates a sale commission and a custom one; the answer is an array of one commission', async () => {
    const api = v2Client().api;
    const sale = await unwrap(api.POST('/company/commissions', {
      body: { commission_type: 'sale', referral_id: 29203686, sale_amount: 15000, event_id: 'manual-001', event_date: '2025-05-02', billing_period: 'yearly', notify_promoter: true },
    }));
    const custom = await unwrap(api.POST('/company/commissions', {
      body: { commission_type: 'custom', promoter_campaign_id: 14850130, amount: 2500, unit: 'cash', internal_note: 'Conference bonus' },
    }));
    for (const created of [sale, custom]) {
      expect(created).toHaveLength(1);
      expect(created[0]?.id).toBeTypeOf('number');
      expect(created[0]?.sale_amount === null || typeof created[0]?.sale_amount === 'number').toBe(true);
    }
  });

  it('updates the notes of one commission', async () => {
    const commission = await unwrap(v2Client().api.PUT('/company/commissions/{id}', {
      params: { path: { id: 13533003 } },
      body: { internal_note: 'Checked against the Stripe invoice', external_note: 'Included in the June payout' },
    }));
    expect(commission.id).toBeTypeOf('number');
    expect(commission.internal_note).toBeTypeOf('string');
  });

  it('generates payouts from commissions and answers with the job', async () => {
    const job = await unwrap(v2Client().api.POST('/company/commissions/generate_payouts', { body: { ids: FEW } }));
    expect(job.id).toBeTypeOf('number');
    expect(job.status).toBeTypeOf('string');
    expect(job.progress).toBeTypeOf('number');
  });
});

const bulkActions: Array<[string, string, (api: Api, ids: number[]) => Promise<Result<BatchProcess>>]> = [
  ['POST', '/company/commissions/approve', (api, ids) => api.POST('/company/commissions/approve', { body: { ids } })],
  ['POST', '/company/commissions/deny', (api, ids) => api.POST('/company/commissions/deny', { body: { ids } })],
  ['DELETE', '/company/commissions/destroy', (api, ids) => api.DELETE('/company/commissions/destroy', { body: { ids } })],
  ['POST', '/company/commissions/mark_fulfilled', (api, ids) => api.POST('/company/commissions/mark_fulfilled', { body: { ids } })],
  ['POST', '/company/commissions/mark_unfulfilled', (api, ids) => api.POST('/company/commissions/mark_unfulfilled', { body: { ids } })],
];

describe('v2 commission bulk actions', () => {
  it.each(bulkActions)('%s %s completes a few ids at once (200) and queues many (202)', async (_method, _path, call) => {
    const done = await unwrap(call(v2Client().api, FEW));
    expect(done.status).toBe('completed');
    expect(done.failed_count).toBe(0);
    expect(Array.isArray(done.processing_errors)).toBe(true);

    const queued = await call(v2Client({ prefer: 'code=202' }).api, MANY);
    expect(queued.response.status).toBe(202);
    expect(queued.data?.status).toBe('pending');
    expect(queued.data?.id).toBeTypeOf('number');
  });
});

const operations: Array<[string, string, ErrorStatus[], (api: Api) => Promise<{ response: Response }>]> = [
  ['GET', '/company/commissions', [401, 403, 429], (api) => api.GET('/company/commissions')],
  ['POST', '/company/commissions', [401, 403, 429], (api) => api.POST('/company/commissions', { body: { commission_type: 'custom', promoter_campaign_id: 14850130, amount: 500 } })],
  ['PUT', '/company/commissions/{id}', [401, 403, 404, 429], (api) => api.PUT('/company/commissions/{id}', { params: { path: { id: 1 } }, body: { internal_note: 'n' } })],
  ['POST', '/company/commissions/generate_payouts', [401, 429], (api) => api.POST('/company/commissions/generate_payouts', { body: { ids: FEW } })],
  ...bulkActions.map(([method, path, call]): [string, string, ErrorStatus[], (api: Api) => Promise<{ response: Response }>] =>
    [method, path, [401, 403, 422, 429], (api) => call(api, FEW)]),
];
const matrix = operations.flatMap(([method, path, statuses, call]) => statuses.map((status) => ({ method, path, status, call })));

describe('v2 commission errors', () => {
  it.each(matrix)('$method $path: $status is a typed error', async ({ method, path, status, call }) => {
    const error = await unwrap(call(v2Client({ prefer: `code=${status}` }).api)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ERRORS[status]);
    expect(error).toMatchObject({ status, method, path });
    // The 401 of these operations has no body; every other error carries FirstPromoter's message.
    expect((error as APIError).body).toEqual(status === 401 ? undefined : expect.objectContaining({ message: expect.any(String) }));
  });
});

describe('v2 commission contract checks can fail', () => {
  it('Prism rejects a bulk approve with an empty selection and a text id', async () => {
    const api = v2Client().api;
    await api.POST('/company/commissions/approve', { body: { ids: [] } });
    await api.POST('/company/commissions/approve', { body: { ids: ['13533003'] } as never });
    const messages = takeViolations().flatMap((v) => v.violations.map((x) => x.message));
    expect(messages).toEqual([expect.stringMatching(/must NOT have fewer than 1 items/), expect.stringMatching(/must be integer/)]);
  });
});
