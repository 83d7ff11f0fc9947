// v1 rewards through the real client against Prism's mock of openapi/v1: queries and form bodies pass
// Prism's validation, rewards parse with their promoter and promotion, and every documented error
// status lands in its typed error.
import { describe, expect, it } from 'vitest';
import { unwrap, type components } from '../../src/v1.js';
import { capturingFetch, v1Client } from '../support/clients.js';
import {
  type BodyRow, type Call, type Route, V1_BAD_CREDENTIALS, expectTypedError, onEveryRoute, violationMessages,
} from '../support/status-matrix.js';

type Reward = components['schemas']['Reward'];
const UNITS = ['cash', 'credits', 'points', 'free_months', 'discount_per', 'discount_mon'];

const calls = {
  'GET /rewards/list': (c) => c.api.GET('/rewards/list', { params: { query: { promoter_id: 3920164 } } }),
  'POST /rewards/create': (c) => c.api.POST('/rewards/create', { body: { email: 'john@example.com', reward_type: 'cash', amount: 500 } }),
  'PUT /rewards/update': (c) => c.api.PUT('/rewards/update', { body: { id: 10940014, status: 'denied' } }),
} satisfies Record<Route, Call<'v1'>>;

/** A reward as the rewards endpoints return it: credited to the promoter that owns its promotion. */
function expectCreditedReward(reward: Reward) {
  expect(Number.isInteger(reward.id)).toBe(true);
  expect(Number.isInteger(reward.amount)).toBe(true);
  expect(['approved', 'pending', 'denied']).toContain(reward.status);
  expect(UNITS).toContain(reward.unit);
  expect(reward.promoter?.id).toBeTypeOf('number');
  expect(reward.promotion?.promoter_id).toBe(reward.promoter?.id);
  // The unit earned shows up in the promoter's lifetime earnings.
  const earnings = reward.promoter?.earnings_balance as Record<string, number> | null | undefined;
  expect(earnings?.[reward.unit]).toBeTypeOf('number');
}

describe('v1 rewards: successful answers', () => {
  it('lists rewards of a campaign: sale commissions carry their event, direct rewards no lead', async () => {
    const rewards = await unwrap(v1Client().api.GET('/rewards/list', { params: { query: { campaign_id: 1286, page: 1, per_page: 25 } } }));
    expect(rewards.length).toBeGreaterThan(1);
    rewards.forEach(expectCreditedReward);
    for (const reward of rewards) {
      if (reward.lead === null) continue;
      expect(reward.lead?.id).toBeTypeOf('number');
      expect(reward.event_id).toBeTypeOf('string');
    }
    expect(rewards.some((reward) => reward.lead === null)).toBe(true);
  });

  it('lists rewards of a promotion found by its referral id', async () => {
    const rewards = await unwrap(v1Client().api.GET('/rewards/list', { params: { query: { ref_id: 'jane' } } }));
    rewards.forEach(expectCreditedReward);
  });

  it('creates a reward for a lead from a form body', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const reward = await unwrap(client.api.POST('/rewards/create', {
      body: { uid: 'cus_PqR8s2eZvKYlo2', reward_type: 'points', amount: 10, status: 'pending', skip_email_notification: true },
    }));
    expect(sent.map((r) => r.body)).toEqual(['uid=cus_PqR8s2eZvKYlo2&reward_type=points&amount=10&status=pending&skip_email_notification=true']);
    expectCreditedReward(reward);
  });

  it('creates a cash reward straight on a promotion', async () => {
    const reward = await unwrap(v1Client().api.POST('/rewards/create', { body: { promotion_id: 4210919, reward_type: 'cash', amount: 2500 } }));
    expectCreditedReward(reward);
  });

  it('changes the status of a reward found by the event that produced it', async () => {
    const reward = await unwrap(v1Client().api.PUT('/rewards/update', { body: { event_id: 'in_1PqR8s2eZvKYlo2C', status: 'approved' } }));
    expectCreditedReward(reward);
    expect(reward.event_id).toBeTypeOf('string');
  });
});

const documented: Array<BodyRow<keyof typeof calls>> = [
  ...onEveryRoute(calls, 401, V1_BAD_CREDENTIALS),
  ['GET /rewards/list', 422, { error: expect.stringMatching(/promotion not found/i) }],
  ['POST /rewards/create', 422, { error: expect.stringMatching(/not found/i) }],
  ['PUT /rewards/update', 422, { error: expect.stringMatching(/reward not found/i) }],
];

describe('v1 rewards: documented errors', () => {
  it.each(documented)('%s answers %i with its typed error', async (route, status, body) => {
    await expectTypedError('v1', route, status, calls[route], { body });
  });
});

describe('v1 rewards: malformed requests', () => {
  it('Prism rejects a reward of an unknown type', async () => {
    const { response } = await v1Client().api.POST('/rewards/create', { body: { ref_id: 'jane', reward_type: 'bitcoin' as never, amount: 1 } });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/reward_type must be equal to one of the allowed values/);
  });

  it('Prism rejects a reward without an amount', async () => {
    const { response } = await v1Client().api.POST('/rewards/create', { body: { ref_id: 'jane', reward_type: 'points' } as never });
    expect(response.ok).toBe(false);
    expect(violationMessages().join('\n')).toMatch(/required property 'amount'/);
  });
});
