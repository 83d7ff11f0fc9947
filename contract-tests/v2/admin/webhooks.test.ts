// v2 webhooks (10 operations: subscriptions, event types, test sends, deliveries) through the typed
// client against Prism's mock of openapi/v2: every request must pass Prism's validation, every
// documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, messageUnless401, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const subscription = {
  url: 'https://hooks.example.com/firstpromoter',
  event_types: ['referral.created', 'referral.converted'],
  description: 'Sync referrals to the CRM',
  campaign_ids: [3],
  timeout: 30,
  max_retries: 3,
  headers: { 'X-Source': 'firstpromoter' },
  basic_auth_user: 'fp-hooks',
  basic_auth_password: 'correct-horse-battery',
};
const delivery = { params: { path: { webhook_id: 12, id: 5532 } } };

describe('v2 webhook subscriptions', () => {
  it('lists subscriptions a page at a time', async () => {
    const hooks = await unwrap(v2Client().api.GET('/company/webhooks', { params: { query: { page: 2, per_page: 25 } } }));
    expect(hooks.length).toBeGreaterThan(0);
    for (const hook of hooks) {
      expect(hook.url).toMatch(/^https:\/\//);
      expect(hook.active).toBeTypeOf('boolean');
      expect(hook.event_types.every((name) => typeof name === 'string')).toBe(true);
    }
  });

  it('creates a subscription (201); the Basic auth password never comes back', async () => {
    const { data, response } = await v2Client().api.POST('/company/webhooks', { body: subscription });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({ id: expect.any(Number), active: true, basic_auth_enabled: true });
    expect(JSON.stringify(data)).not.toContain(subscription.basic_auth_password);
  });

  it('reads, pauses and deletes a subscription', async () => {
    const api = v2Client().api;
    const hook = await unwrap(api.GET('/company/webhooks/{id}', { params: { path: { id: 12 } } }));
    expect(hook.id).toBeTypeOf('number');
    expect(Object.values(hook.headers ?? {}).every((value) => typeof value === 'string')).toBe(true);

    const paused = await unwrap(api.PUT('/company/webhooks/{id}', {
      params: { path: { id: 12 } },
      body: { active: false, event_types: ['referral.created', 'referral.converted', 'commission.approved'] },
    }));
    expect(paused.active).toBe(false);

    const deleted = await api.DELETE('/company/webhooks/{id}', { params: { path: { id: 12 } } });
    expect(deleted.response.status).toBe(200);
    expect(await unwrap(deleted)).toBeUndefined();
  });

  it('lists the event types a subscription may name', async () => {
    const { data } = await unwrap(v2Client().api.GET('/company/webhooks/event_types'));
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((name) => /^[a-z_]+\.[a-z_]+$/.test(name))).toBe(true);
  });

  it('sends a test payload to an endpoint and relays its answer untyped', async () => {
    const relayed = await unwrap(v2Client().api.POST('/company/webhooks/test', {
      body: { url: 'https://hooks.example.com/firstpromoter', event_type: 'referral.created', headers: { 'X-Source': 'firstpromoter' } },
    }));
    expect(relayed).toBeTypeOf('object');
  });
});

describe('v2 webhook deliveries', () => {
  it('lists the deliveries of a subscription', async () => {
    const deliveries = await unwrap(v2Client().api.GET('/company/webhooks/{webhook_id}/webhook_deliveries', {
      params: { path: { webhook_id: 12 }, query: { page: 1, per_page: 50 } },
    }));
    for (const item of deliveries) {
      expect(item.event_id).toBeTypeOf('string');
      expect(['pending', 'delivered', 'retrying', 'failed']).toContain(item.status);
      expect(Number.isInteger(item.attempts)).toBe(true);
    }
  });

  it('reads one delivery and requeues it', async () => {
    const api = v2Client().api;
    const failed = await unwrap(api.GET('/company/webhooks/{webhook_id}/webhook_deliveries/{id}', delivery));
    expect(failed.payload).toBeTypeOf('object');
    expect(failed.response_code === null || Number.isInteger(failed.response_code)).toBe(true);

    const retried = await unwrap(api.POST('/company/webhooks/{webhook_id}/webhook_deliveries/{id}/retry_delivery', delivery));
    expect(retried).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
  });
});

const byId = { params: { path: { id: 12 } } };
const calls = {
  'GET /company/webhooks': (c) => c.api.GET('/company/webhooks'),
  'POST /company/webhooks': (c) => c.api.POST('/company/webhooks', { body: subscription }),
  'GET /company/webhooks/event_types': (c) => c.api.GET('/company/webhooks/event_types'),
  'POST /company/webhooks/test': (c) => c.api.POST('/company/webhooks/test', { body: { url: 'https://10.0.0.5/hook', event_type: 'promoter.created' } }),
  'GET /company/webhooks/{id}': (c) => c.api.GET('/company/webhooks/{id}', byId),
  'PUT /company/webhooks/{id}': (c) => c.api.PUT('/company/webhooks/{id}', { ...byId, body: { timeout: 60 } }),
  'DELETE /company/webhooks/{id}': (c) => c.api.DELETE('/company/webhooks/{id}', byId),
  'GET /company/webhooks/{webhook_id}/webhook_deliveries': (c) => c.api.GET('/company/webhooks/{webhook_id}/webhook_deliveries', {
    params: { path: { webhook_id: 12 } },
  }),
  'GET /company/webhooks/{webhook_id}/webhook_deliveries/{id}': (c) => c.api.GET('/company/webhooks/{webhook_id}/webhook_deliveries/{id}', delivery),
  'POST /company/webhooks/{webhook_id}/webhook_deliveries/{id}/retry_delivery': (c) =>
    c.api.POST('/company/webhooks/{webhook_id}/webhook_deliveries/{id}/retry_delivery', delivery),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/webhooks': [401, 403, 429],
  'POST /company/webhooks': [401, 403, 422, 429],
  'GET /company/webhooks/event_types': [401, 403, 429],
  'POST /company/webhooks/test': [400, 401, 403, 429],
  'GET /company/webhooks/{id}': [401, 403, 404, 429],
  'PUT /company/webhooks/{id}': [401, 403, 404, 422, 429],
  'DELETE /company/webhooks/{id}': [401, 403, 404, 429],
  'GET /company/webhooks/{webhook_id}/webhook_deliveries': [401, 403, 404, 429],
  'GET /company/webhooks/{webhook_id}/webhook_deliveries/{id}': [401, 403, 404, 429],
  'POST /company/webhooks/{webhook_id}/webhook_deliveries/{id}/retry_delivery': [401, 403, 404, 422, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 webhook errors', () => {
  // The 401 of these operations has no body; every other error carries FirstPromoter's message.
  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route], { body: messageUnless401(status) }));
});

describe('v2 webhook contract checks can fail', () => {
  it('Prism rejects a plain-http endpoint, a timeout over 120 s and a test send without event_type', async () => {
    const api = v2Client().api;
    await api.POST('/company/webhooks', { body: { ...subscription, url: 'http://hooks.example.com/firstpromoter', timeout: 300 } });
    await api.POST('/company/webhooks/test', { body: { url: 'https://hooks.example.com/firstpromoter' } as never });
    expect(violationMessages()).toEqual([
      expect.stringMatching(/url must match pattern "\^https:\/\/"/),
      expect.stringMatching(/timeout must be <= 120/),
      expect.stringMatching(/must have required property 'event_type'/),
    ]);
  });
});
