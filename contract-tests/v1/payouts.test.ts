// v1 payouts through the real client against Prism's mock of openapi/v1: queries and form bodies pass
// Prism's validation, payouts parse with their promoter and campaign, and every documented error
// status lands in its typed error.
import { describe, expect, it } from 'vitest';
import { unwrap, UnprocessableEntityError, type components } from '../../src/v1.js';
import { capturingFetch, v1Client } from '../support/clients.js';
import {
  type BodyRow, type Call, type Route, V1_BAD_CREDENTIALS, expectTypedError, onEveryRoute, prismBodyMessages, violationMessages,
} from '../support/status-matrix.js';

type Payout = components['schemas']['Payout'];

const calls = {
  'GET /payouts/list': (c) => c.api.GET('/payouts/list', { params: { query: { status: 'pending' } } }),
  'POST /payouts/create': (c) => c.api.POST('/payouts/create', { body: { promoter_id: 3920164 } }),
  'PUT /payouts/update': (c) => c.api.PUT('/payouts/update', { body: { id: 78632, status: 'completed' } }),
} satisfies Record<Route, Call<'v1'>>;

/** A payout as the payouts endpoints return it: whole amounts, a campaign, and a paid date once paid. */
function expectCoherentPayout(payout: Payout) {
  expect(Number.isInteger(payout.id)).toBe(true);
  expect(Number.isInteger(payout.amount)).toBe(true);
  expect(payout.unit).toBeTypeOf('string');
  expect(payout.has_issues).toBeTypeOf('boolean');
  expect(payout.campaign?.id).toBeTypeOf('number');
  expect(payout.promoter?.email).toMatch(/@/);
  if (payout.status === 'completed') expect(Number.isNaN(Date.parse(payout.date_paid ?? ''))).toBe(false);
  else expect(payout.date_paid).toBeNull();
  // A payout of one reward pays in that reward's unit.
  if (payout.reward) expect(payout.reward.unit).toBe(payout.unit);
}

describe('v1 payouts: successful answers', () => {
  it('lists payouts filtered by promoter, campaign and status', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const payouts = await unwrap(client.api.GET('/payouts/list', {
      params: { query: { promoter_id: 3920164, campaign_id: 1286, status: 'completed', page: 1, per_page: 20 } },
    }));
    expect(new URL(sent[0]!.url).search).toBe('?promoter_id=3920164&campaign_id=1286&status=completed&page=1&per_page=20');
    expect(payouts.length).toBeGreaterThan(1);
    payouts.forEach(expectCoherentPayout);
    // Non-cash payouts exist: the amount is only cents when the unit is cash.
    expect(new Set(payouts.map((payout) => payout.unit)).size).toBeGreaterThan(1);
  });

  it('creates a payout for a promoter found by email, from a form body', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const payout = await unwrap(client.api.POST('/payouts/create', {
      body: { promoter_email: 'jane@example.com', campaign_id: 1286, status: 'completed' },
    }));
    expect(sent.map((r) => r.body)).toEqual(['promoter_email=jane%40example.com&campaign_id=1286&status=completed']);
    expectCoherentPayout(payout);
    expect(payout.promoter?.auth_token).toBeTypeOf('string');
  });

  it('marks a payout completed', async () => {
    const payout = await unwrap(v1Client().api.PUT('/payouts/update', { body: { id: 78632, status: 'completed' } }));
    expectCoherentPayout(payout);
  });
});

const documented: Array<BodyRow<keyof typeof calls>> = [
  ...onEveryRoute(calls, 401, V1_BAD_CREDENTIALS),
  ['POST /payouts/create', 422, { error: expect.stringMatching(/promoter_email or promoter_id/) }],
  ['PUT /payouts/update', 404, { error: expect.stringMatching(/not found/i) }],
  ['PUT /payouts/update', 422, { error: expect.stringMatching(/by id/) }],
];

describe('v1 payouts: documented errors', () => {
  it.each(documented)('%s answers %i with its typed error', async (route, status, body) => {
    await expectTypedError('v1', route, status, calls[route], { body });
  });
});

describe('v1 payouts: malformed requests', () => {
  it('Prism rejects an update without the payout id', async () => {
    const { response } = await v1Client().api.PUT('/payouts/update', { body: { status: 'completed' } as never });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/required property 'id'/);
  });

  it('Prism rejects a list filtered by a status payouts cannot have (its own 422, not a header)', async () => {
    // The list documents no 400 or 422, so Prism answers with a generated problem document and no
    // sl-violations header: the rejection is read from the body, which unwrap makes a typed error.
    const error = await unwrap(v1Client().api.GET('/payouts/list', { params: { query: { status: 'paid' as never } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const messages = prismBodyMessages((error as UnprocessableEntityError).body);
    expect(messages).toEqual([expect.stringMatching(/status must be equal to one of the allowed values/)]);
    expect(violationMessages()).toEqual(messages);
  });
});
