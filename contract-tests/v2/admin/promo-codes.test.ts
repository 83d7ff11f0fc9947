// v2 promo codes (5 operations) through the typed client against Prism's mock of openapi/v2: every
// request must pass Prism's validation, every documented error status lands in its typed error class.
import { describe, expect, it } from 'vitest';
import {
  APIError, AuthenticationError, PermissionDeniedError, NotFoundError, RateLimitError, UnprocessableEntityError, unwrap,
} from '../../../src/index.js';
import { recordingFetch, takeViolations, v2Client } from '../../support/clients.js';

type Api = ReturnType<typeof v2Client>['api'];

const ERRORS = { 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError, 429: RateLimitError } as const;
type ErrorStatus = keyof typeof ERRORS;

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

const operations: Array<[string, string, ErrorStatus[], (api: Api) => Promise<{ response: Response }>]> = [
  ['GET', '/company/promo_codes', [401, 403, 429], (api) => api.GET('/company/promo_codes')],
  ['POST', '/company/promo_codes', [401, 403, 429], (api) => api.POST('/company/promo_codes', { body: newCode })],
  ['GET', '/company/promo_codes/{id}', [401, 403, 404, 429], (api) => api.GET('/company/promo_codes/{id}', { params: { path: { id: 812 } } })],
  ['PUT', '/company/promo_codes/{id}', [401, 403, 404, 429], (api) => api.PUT('/company/promo_codes/{id}', { params: { path: { id: 812 } }, body: { code: 'MARIA25' } })],
  ['DELETE', '/company/promo_codes/{id}', [401, 403, 404, 429], (api) => api.DELETE('/company/promo_codes/{id}', { params: { path: { id: 812 } } })],
];
const matrix = operations.flatMap(([method, path, statuses, call]) => statuses.map((status) => ({ method, path, status, call })));

describe('v2 promo code errors', () => {
  it.each(matrix)('$method $path: $status is a typed error', async ({ method, path, status, call }) => {
    const error = await unwrap(call(v2Client({ prefer: `code=${status}` }).api)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ERRORS[status]);
    expect(error).toMatchObject({ status, method, path });
    // The 401 of these operations has no body; every other error carries FirstPromoter's message.
    expect((error as APIError).body).toEqual(status === 401 ? undefined : expect.objectContaining({ message: expect.any(String) }));
  });
});

describe('v2 promo code contract checks can fail', () => {
  it('Prism rejects a request without the bearer key, and the suite sees it', async () => {
    const prism = recordingFetch();
    const api = v2Client({
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.delete('authorization');
        return prism(input, { ...init, headers });
      },
    }).api;
    await expect(unwrap(api.GET('/company/promo_codes/{id}', { params: { path: { id: 812 } } }))).rejects.toBeInstanceOf(AuthenticationError);
    expect(takeViolations().flatMap((v) => v.violations.map((x) => x.message))).toEqual(['Invalid security scheme used']);
  });

  it('Prism rejects a code without reward_id and with a text campaign id (its own 422, not a header)', async () => {
    // Promo codes document no 400 or 422, so Prism answers with a generated problem body and no
    // sl-violations header: the rejection is read from the body and unwrap makes it a typed error.
    const { code: _code, reward_id: _reward, ...partial } = newCode;
    const error = await unwrap(v2Client().api.POST('/company/promo_codes', { body: { ...partial, promoter_campaign_id: 'abc' } as never }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const messages = ((error as APIError).body as { validation: Array<{ message: string }> }).validation.map((v) => v.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/must have required property 'code'/),
      expect.stringMatching(/must have required property 'reward_id'/),
      expect.stringMatching(/promoter_campaign_id must be integer/),
    ]));
    expect(takeViolations().flatMap((v) => v.violations.map((x) => x.message))).toEqual(messages);
  });
});
