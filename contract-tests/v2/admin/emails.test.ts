// v2 emails (11 operations: emails to promoters, their sends, the company theme) through the typed
// client against Prism's mock of openapi/v2: every request must pass Prism's validation, every
// documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import { unwrap, type components } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, messageUnless401, statusRows, violationMessages,
} from '../../support/status-matrix.js';

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

const calls = {
  'GET /company/emails': (c) => c.api.GET('/company/emails'),
  'POST /company/emails': (c) => c.api.POST('/company/emails', { body: digest }),
  'GET /company/emails/{id}': (c) => c.api.GET('/company/emails/{id}', byId),
  'PUT /company/emails/{id}': (c) => c.api.PUT('/company/emails/{id}', { ...byId, body: digest }),
  'DELETE /company/emails/{id}': (c) => c.api.DELETE('/company/emails/{id}', byId),
  'POST /company/emails/{id}/copy': (c) => c.api.POST('/company/emails/{id}/copy', byId),
  'POST /company/emails/{id}/send_now': (c) => c.api.POST('/company/emails/{id}/send_now', byId),
  'POST /company/emails/{id}/send_test': (c) => c.api.POST('/company/emails/{id}/send_test', byId),
  'GET /company/emails/template': (c) => c.api.GET('/company/emails/template'),
  'PATCH /company/emails/custom_template': (c) => c.api.PATCH('/company/emails/custom_template', { body: { html: theme } }),
  'POST /company/emails/test_custom_template': (c) => c.api.POST('/company/emails/test_custom_template'),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/emails': [401, 403, 429],
  'POST /company/emails': [401, 403, 422, 429],
  'GET /company/emails/{id}': [401, 403, 404, 429],
  'PUT /company/emails/{id}': [401, 403, 404, 422, 429],
  'DELETE /company/emails/{id}': [401, 403, 404, 429],
  'POST /company/emails/{id}/copy': [401, 403, 404, 429],
  'POST /company/emails/{id}/send_now': [401, 403, 404, 429],
  'POST /company/emails/{id}/send_test': [401, 403, 404, 429],
  'GET /company/emails/template': [401, 403, 429],
  'PATCH /company/emails/custom_template': [401, 403, 422, 429],
  'POST /company/emails/test_custom_template': [401, 403, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 email errors', () => {
  // The 401 of these operations has no body; every other error carries FirstPromoter's message.
  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route], { body: messageUnless401(status) }));
});

describe('v2 email contract checks can fail', () => {
  it('Prism rejects an email without subject on a trigger the API cannot set, and an empty theme', async () => {
    const api = v2Client().api;
    const { subject: _subject, ...withoutSubject } = digest;
    await api.POST('/company/emails', { body: { ...withoutSubject, trigger: { ...digest.trigger, trigger_on: 'promoter_blocked' } } as never });
    await api.PATCH('/company/emails/custom_template', { body: { html: '' } });
    expect(violationMessages()).toEqual([
      expect.stringMatching(/must have required property 'subject'/),
      expect.stringMatching(/trigger_on must be equal to one of the allowed values/),
      expect.stringMatching(/html must NOT have fewer than 1 characters/),
    ]);
  });
});
