// v2 promo codes (5 operations) through the typed client against Prism's mock of openapi/v2: every
// request must pass Prism's validation, every documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import { AuthenticationError, UnprocessableEntityError, unwrap } from '../../../src/index.js';
import { capturingFetch, v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, messageUnless401, prismBodyMessages, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const newCode = {
  code: 'MARIA20',
  description: "Maria's newsletter readers",
  reward_id: 157430,
  promoter_campaign_id: 14850130,
  metadata: { channel: 'newsletter' },
  details: { max_redemptions: 100 },
};

describe('v2 promo codes', () => {
  it('lists the codes of one promoter campaign', async () => {
    const codes = await unwrap(v2Client().api.GET('/company/promo_codes', {
      params: { query: { promoter_campaign_id: 14850130, page: 1, per_page: 100 } },
    }));
    expect(codes.length).toBeGreaterThan(0);
    for (const promo of codes) {
      expect(promo.id).toBeTypeOf('number');
      expect(promo.code).toMatch(/\S/);
      expect(promo.archived_at === null || !Number.isNaN(Date.parse(promo.archived_at ?? ''))).toBe(true);
    }
  });

  it('creates a code bound to a promoter campaign (answered with 200)', async () => {
    const promo = await unwrap(v2Client().api.POST('/company/promo_codes', { body: newCode }));
    expect(promo).toMatchObject({ code: expect.any(String), promoter_campaign_id: expect.any(Number) });
    expect(promo.reward?.id).toBeTypeOf('number');
  });

  it('reads one code and updates it', async () => {
    const api = v2Client().api;
    const promo = await unwrap(api.GET('/company/promo_codes/{id}', { params: { path: { id: 812 } } }));
    expect(promo.id).toBeTypeOf('number');
    expect(promo.metadata).toBeTypeOf('object');

    const updated = await unwrap(api.PUT('/company/promo_codes/{id}', {
      params: { path: { id: 812 } },
      body: { description: 'Newsletter readers, spring issue', promoter_campaign_id: 14850131, metadata: { channel: 'newsletter' } },
    }));
    expect(updated.code).toBeTypeOf('string');
  });

  it('archives a code; the 200 has no body', async () => {
    const result = await v2Client().api.DELETE('/company/promo_codes/{id}', { params: { path: { id: 812 } } });
    expect(result.response.status).toBe(200);
    expect(await unwrap(result)).toBeUndefined();
  });
});

const byId = { params: { path: { id: 812 } } };
const calls = {
  'GET /company/promo_codes': (c) => c.api.GET('/company/promo_codes'),
  'POST /company/promo_codes': (c) => c.api.POST('/company/promo_codes', { body: newCode }),
  'GET /company/promo_codes/{id}': (c) => c.api.GET('/company/promo_codes/{id}', byId),
  'PUT /company/promo_codes/{id}': (c) => c.api.PUT('/company/promo_codes/{id}', { ...byId, body: { code: 'MARIA25' } }),
  'DELETE /company/promo_codes/{id}': (c) => c.api.DELETE('/company/promo_codes/{id}', byId),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/promo_codes': [401, 403, 429],
  'POST /company/promo_codes': [401, 403, 429],
  'GET /company/promo_codes/{id}': [401, 403, 404, 429],
  'PUT /company/promo_codes/{id}': [401, 403, 404, 429],
  'DELETE /company/promo_codes/{id}': [401, 403, 404, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 promo code errors', () => {
  // The 401 of these operations has no body; every other error carries FirstPromoter's message.
  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route], { body: messageUnless401(status) }));
});

describe('v2 promo code contract checks can fail', () => {
  it('Prism rejects a request without the bearer key, and the suite sees it', async () => {
    const api = v2Client({ fetch: capturingFetch({ dropHeaders: ['authorization'] }).fetch }).api;
    await expect(unwrap(api.GET('/company/promo_codes/{id}', { params: { path: { id: 812 } } }))).rejects.toBeInstanceOf(AuthenticationError);
    expect(violationMessages()).toEqual(['Invalid security scheme used']);
  });

  it('Prism rejects a code without reward_id and with a text campaign id (its own 422, not a header)', async () => {
    // Promo codes document no 400 or 422, so Prism answers with a generated problem body and no
    // sl-violations header: the rejection is read from the body and unwrap makes it a typed error.
    const { code: _code, reward_id: _reward, ...partial } = newCode;
    const error = await unwrap(v2Client().api.POST('/company/promo_codes', { body: { ...partial, promoter_campaign_id: 'abc' } as never }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const messages = prismBodyMessages((error as UnprocessableEntityError).body);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/must have required property 'code'/),
      expect.stringMatching(/must have required property 'reward_id'/),
      expect.stringMatching(/promoter_campaign_id must be integer/),
    ]));
    expect(violationMessages()).toEqual(messages);
  });
});
