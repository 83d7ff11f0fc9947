// v2 emails (11 operations: emails to promoters, their sends, the company theme) through the typed
// client against Prism's mock of openapi/v2: every request must pass Prism's validation, every
// documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import {
  APIError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError, UnprocessableEntityError, unwrap,
  type components,
} from '../../../src/index.js';
import { takeViolations, v2Client } from '../../support/clients.js';

type Api = ReturnType<typeof v2Client>['api'];

const ERRORS = {
  401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError, 422: UnprocessableEntityError, 429: RateLimitError,
} as const;
type ErrorStatus = keyof typeof ERRORS;

// FirstPromoter declares the email id of the paths as a string.
const byId = { params: { path: { id: '214' } } };
const digest: components['schemas']['EmailInput'] = {
  name: 'Monthly performance digest',
  subject: 'Your referrals this month',
  content: '<p>Here is how your referral link performed this month.</p>',
  allowed_campaign_ids: [3],
  trigger: { enabled: true, trigger_on: 'recurring', settings: { frequency: 'monthly', day: 1, hour: 9, minute: 0 } },
};
const theme = '<html><body style="font-family:Georgia,serif"><div class="email-body"></div></body></html>';

describe('v2 emails', () => {
  it('lists with search, filters and sorting', async () => {
    const emails = await unwrap(v2Client().api.GET('/company/emails', {
      params: {
        query: {
          q: 'welcome',
          filters: { trigger_enabled: 'yes', trigger_on: 'promoter_accepted', sent_count: { from: 1 }, campaign_id: [3, 5] },
          sorting: { sent_count: 'desc' },
          page: 1,
          per_page: 20,
        },
      },
    }));
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(email.id).toBeTypeOf('number');
      expect(email.subject).toMatch(/\S/);
      expect(Number.isInteger(email.sent_count)).toBe(true);
    }
  });

  it('creates a recurring email and reads one back', async () => {
    const api = v2Client().api;
    const created = await unwrap(api.POST('/company/emails', { body: digest }));
    expect(created).toMatchObject({ id: expect.any(Number), trigger: { trigger_on: 'recurring' } });

    const email = await unwrap(api.GET('/company/emails/{id}', byId));
    expect(email.allowed_campaign_ids?.every(Number.isInteger)).toBe(true);
    expect(email.trigger?.enabled).toBeTypeOf('boolean');
  });

  it('replaces an email (every field is sent) and duplicates it', async () => {
    const api = v2Client().api;
    const updated = await unwrap(api.PUT('/company/emails/{id}', {
      ...byId,
      body: {
        name: 'Welcome to the partner program',
        subject: 'Welcome! Your partner account is approved',
        content: '<p>Welcome aboard!</p>',
        allowed_campaign_ids: [3, 5],
        trigger: { enabled: true, trigger_on: 'promoter_accepted', settings: { delay_interval: 'hour', delay_value: 2 } },
      },
    }));
    expect(updated.updated_at).toBeTypeOf('string');

    const copy = await unwrap(api.POST('/company/emails/{id}/copy', byId));
    expect(copy.id).toBeTypeOf('number');
    expect(copy.sent_count).toBe(0);
  });

  it('sends, tests and deletes an email: bodiless 200s', async () => {
    const api = v2Client().api;
    for (const call of [
      api.POST('/company/emails/{id}/send_now', byId),
      api.POST('/company/emails/{id}/send_test', byId),
      api.DELETE('/company/emails/{id}', byId),
    ]) {
      const result = await call;
      expect(result.response.status).toBe(200);
      expect(await unwrap(result)).toBeUndefined();
    }
  });

  it('reads, replaces and tests the company theme', async () => {
    const api = v2Client().api;
    const current = await unwrap(api.GET('/company/emails/template'));
    expect(current.html).toMatch(/<html/);

    const saved = await unwrap(api.PATCH('/company/emails/custom_template', { body: { html: theme } }));
    expect(saved.html).toBeTypeOf('string');

    const test = await api.POST('/company/emails/test_custom_template');
    expect(test.response.status).toBe(200);
    expect(await unwrap(test)).toBeUndefined();
  });
});

const operations: Array<[string, string, ErrorStatus[], (api: Api) => Promise<{ response: Response }>]> = [
  ['GET', '/company/emails', [401, 403, 429], (api) => api.GET('/company/emails')],
  ['POST', '/company/emails', [401, 403, 422, 429], (api) => api.POST('/company/emails', { body: digest })],
  ['GET', '/company/emails/{id}', [401, 403, 404, 429], (api) => api.GET('/company/emails/{id}', byId)],
  ['PUT', '/company/emails/{id}', [401, 403, 404, 422, 429], (api) => api.PUT('/company/emails/{id}', { ...byId, body: digest })],
  ['DELETE', '/company/emails/{id}', [401, 403, 404, 429], (api) => api.DELETE('/company/emails/{id}', byId)],
  ['POST', '/company/emails/{id}/copy', [401, 403, 404, 429], (api) => api.POST('/company/emails/{id}/copy', byId)],
  ['POST', '/company/emails/{id}/send_now', [401, 403, 404, 429], (api) => api.POST('/company/emails/{id}/send_now', byId)],
  ['POST', '/company/emails/{id}/send_test', [401, 403, 404, 429], (api) => api.POST('/company/emails/{id}/send_test', byId)],
  ['GET', '/company/emails/template', [401, 403, 429], (api) => api.GET('/company/emails/template')],
  ['PATCH', '/company/emails/custom_template', [401, 403, 422, 429], (api) => api.PATCH('/company/emails/custom_template', { body: { html: theme } })],
  ['POST', '/company/emails/test_custom_template', [401, 403, 429], (api) => api.POST('/company/emails/test_custom_template')],
];
const matrix = operations.flatMap(([method, path, statuses, call]) => statuses.map((status) => ({ method, path, status, call })));

describe('v2 email errors', () => {
  it.each(matrix)('$method $path: $status is a typed error', async ({ method, path, status, call }) => {
    const error = await unwrap(call(v2Client({ prefer: `code=${status}` }).api)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ERRORS[status]);
    expect(error).toMatchObject({ status, method, path });
    // The 401 of these operations has no body; every other error carries FirstPromoter's message.
    expect((error as APIError).body).toEqual(status === 401 ? undefined : expect.objectContaining({ message: expect.any(String) }));
  });
});

describe('v2 email contract checks can fail', () => {
  it('Prism rejects an email without subject on a trigger the API cannot set, and an empty theme', async () => {
    const api = v2Client().api;
    const { subject: _subject, ...withoutSubject } = digest;
    await api.POST('/company/emails', { body: { ...withoutSubject, trigger: { ...digest.trigger, trigger_on: 'promoter_blocked' } } as never });
    await api.PATCH('/company/emails/custom_template', { body: { html: '' } });
    const messages = takeViolations().flatMap((v) => v.violations.map((x) => x.message));
    expect(messages).toEqual([
      expect.stringMatching(/must have required property 'subject'/),
      expect.stringMatching(/trigger_on must be equal to one of the allowed values/),
      expect.stringMatching(/html must NOT have fewer than 1 characters/),
    ]);
  });
});
