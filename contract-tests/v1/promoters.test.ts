// v1 promoters through the real client against Prism's mock of openapi/v1: every operation's form
// body or query passes Prism's validation, answers parse into usable records, and every documented
// error status lands in its typed error.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { unwrap, UnprocessableEntityError, type components } from '../../src/v1.js';
import { capturingFetch, recordingFetch, v1Client } from '../support/clients.js';
import {
  type BodyRow, type Call, type Route, V1_BAD_CREDENTIALS, expectTypedError, onEveryRoute, violationMessages,
} from '../support/status-matrix.js';

type Promoter = components['schemas']['Promoter'];

const calls = {
  'GET /promoters/list': (c) => c.api.GET('/promoters/list', { params: { query: { campaign_id: 1286, page: 2, per_page: 25 } } }),
  'POST /promoters/create': (c) => c.api.POST('/promoters/create', {
    body: { email: 'jane@example.com', first_name: 'Jane', cust_id: 'usr_5821', skip_email_notification: true },
  }),
  'PUT /promoters/update': (c) => c.api.PUT('/promoters/update', { body: { cust_id: 'usr_5821', new_ref_id: 'janedoe', note: 'Newsletter' } }),
  'GET /promoters/show': (c) => c.api.GET('/promoters/show', { params: { query: { cust_id: 'usr_5821' } } }),
  'POST /promoters/move_to_campaign': (c) => c.api.POST('/promoters/move_to_campaign', { body: { cust_id: 'usr_5821', destination_campaign_id: 5399 } }),
  'POST /promoters/add_to_campaign': (c) => c.api.POST('/promoters/add_to_campaign', { body: { promoter_email: 'jane@example.com', campaign_id: 5399 } }),
  'PUT /promoters/refresh_token': (c) => c.api.PUT('/promoters/refresh_token', { body: { id: 3920164 } }),
  'DELETE /promoters/delete': (c) => c.api.DELETE('/promoters/delete', { body: { ref_id: 'jane' } }),
} satisfies Record<Route, Call<'v1'>>;
type Operation = keyof typeof calls;

/** What every full promoter record must hold, whatever the example: ids that agree with each other. */
function expectConsistentPromoter(promoter: Promoter) {
  expect(Number.isInteger(promoter.id)).toBe(true);
  expect(promoter.email).toMatch(/@/);
  expect(typeof promoter.auth_token).toBe('string');
  for (const balance of [promoter.earnings_balance, promoter.current_balance, promoter.paid_balance]) {
    if (balance) for (const value of Object.values(balance)) expect(Number.isInteger(value)).toBe(true);
  }
  for (const promotion of promoter.promotions ?? []) {
    expect(promotion.promoter_id).toBe(promoter.id);
    expect(promotion.referral_link).toMatch(/^https:\/\//);
  }
  if (promoter.promotions?.length) {
    expect(promoter.promotions.map((p) => p.id)).toContain(promoter.default_promotion_id);
  }
}

describe('v1 promoters: successful answers', () => {
  it('lists promoters of a campaign, page by page', async () => {
    const promoters = await unwrap(v1Client().api.GET('/promoters/list', { params: { query: { campaign_id: 1286, page: 2, per_page: 25 } } }));
    expect(promoters.length).toBeGreaterThan(0);
    promoters.forEach(expectConsistentPromoter);
    // Unearned balances are null, not zero: callers must handle both.
    expect(promoters.some((p) => p.earnings_balance === null)).toBe(true);
  });

  it('creates a promoter from a form body and returns its dashboard token', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const promoter = await unwrap(client.api.POST('/promoters/create', {
      body: { email: 'jane@example.com', first_name: 'Jane', cust_id: 'usr_5821', skip_email_notification: true },
    }));
    expect(sent.map((r) => `${r.headers.get('content-type')} ${r.body}`)).toEqual([
      'application/x-www-form-urlencoded email=jane%40example.com&first_name=Jane&cust_id=usr_5821&skip_email_notification=true',
    ]);
    expectConsistentPromoter(promoter);
    // Users need the token to sign the promoter in: the client must not redact successful data.
    expect(promoter.auth_token).toMatch(/^\w{16,}$/);
  });

  it('shows one promoter with profile, promotions and promo codes', async () => {
    const promoter = await unwrap(v1Client().api.GET('/promoters/show', { params: { query: { cust_id: 'usr_5821' } } }));
    expectConsistentPromoter(promoter);
    expect(typeof promoter.profile?.first_name).toBe('string');
    expect(promoter.promotions?.[0]?.current_referral_reward?.per_of_sale).toBeTypeOf('number');
    expect(promoter.promo_codes?.every((code) => typeof code.code === 'string')).toBe(true);
  });

  it('updates a promoter and answers the full record', async () => {
    const promoter = await unwrap(v1Client().api.PUT('/promoters/update', { body: { id: 3920164, note: 'Newsletter', url_tracking: false } }));
    expectConsistentPromoter(promoter);
    expect(promoter.note).toBeTypeOf('string');
  });

  it('moves a promoter: its default promotion is now in the destination campaign', async () => {
    const promoter = await unwrap(v1Client().api.POST('/promoters/move_to_campaign', {
      body: { ref_id: 'jane', source_campaign_id: 1286, destination_campaign_id: 5399 },
    }));
    expectConsistentPromoter(promoter);
    const main = promoter.promotions?.find((p) => p.id === promoter.default_promotion_id);
    expect(main?.campaign_id).toBe(5399);
  });

  it('adds a promoter to a campaign: one promotion per campaign', async () => {
    const promoter = await unwrap(v1Client().api.POST('/promoters/add_to_campaign', { body: { cust_id: 'usr_5821', campaign_id: 5399 } }));
    expectConsistentPromoter(promoter);
    const campaigns = promoter.promotions?.map((p) => p.campaign_id) ?? [];
    expect(campaigns).toContain(5399);
    expect(new Set(campaigns).size).toBe(campaigns.length);
    expect(campaigns.length).toBeGreaterThan(1);
  });

  it('rotates the auth token and returns the new one', async () => {
    const { auth_token } = await unwrap(v1Client().api.PUT('/promoters/refresh_token', { body: { auth_token: 'old-token' } }));
    expect(auth_token).toMatch(/^\w{16,}$/);
    expect(auth_token).not.toBe('old-token');
  });

  it('deletes a promoter with a form body on DELETE', async () => {
    const { message } = await unwrap(v1Client().api.DELETE('/promoters/delete', { body: { promoter_email: 'jane@example.com' } }));
    expect(message).toMatch(/removed/i);
  });
});

const notFound = { error: expect.stringMatching(/promoter not found/i) };
const notIdentified = { error: expect.stringMatching(/find the promoter/i) };
const lookups: Operation[] = ['PUT /promoters/update', 'GET /promoters/show', 'POST /promoters/move_to_campaign',
  'POST /promoters/add_to_campaign', 'PUT /promoters/refresh_token', 'DELETE /promoters/delete'];
const documented: Array<BodyRow<Operation>> = [
  ...onEveryRoute(calls, 401, V1_BAD_CREDENTIALS),
  ['GET /promoters/list', 422, { error: expect.stringMatching(/campaign not found/i) }],
  ['POST /promoters/create', 422, { 'company_user.user.email': [expect.any(String)] }],
  ...lookups.flatMap((op): Array<BodyRow<Operation>> => [[op, 404, notFound], [op, 422, notIdentified]]),
];

describe('v1 promoters: documented errors', () => {
  it.each(documented)('%s answers %i with its typed error', async (route, status, body) => {
    await expectTypedError('v1', route, status, calls[route], { body });
  });
});

describe('v1 promoters: secrets and malformed requests', () => {
  it('keeps auth_token in data but redacts it from an error built from the same body', async () => {
    const promoter = await unwrap(v1Client().api.GET('/promoters/show', { params: { query: { id: 3920164 } } }));
    const token = promoter.auth_token ?? '';
    expect(token.length).toBeGreaterThan(0);
    // The same promoter body, served with an error status (as a proxy or a future API answer might).
    const prism = recordingFetch();
    const client = v1Client({
      fetch: async (input, init) => {
        const response = await prism(input, init);
        return new Response(await response.text(), { status: 422, headers: response.headers });
      },
    });
    const error = await unwrap(calls['GET /promoters/show'](client)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).body).toMatchObject({ id: promoter.id, auth_token: '[redacted]' });
    for (const printed of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(printed).not.toContain(token);
    }
  });

  it('Prism rejects a create without email, and the suite sees it', async () => {
    const { response } = await v1Client().api.POST('/promoters/create', { body: { first_name: 'Jane' } as never });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/email/);
  });

  it('Prism rejects a non-numeric promoter id in the show query', async () => {
    const { response } = await v1Client().api.GET('/promoters/show', { params: { query: { id: 'jane' as never } } });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/integer/);
  });
});
