// The Advanced family through the helpers users combine it with, against Prism: the README's admin
// flow (rewards → campaign → promoter → promo code → payout methods → payments batch paid), a bulk
// action waited for, lists walked with paginate, and the raw escape hatch.
import { describe, expect, it } from 'vitest';
import { NotFoundError, bulk, paginate, toArray, unwrap, waitForBatch } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import { violationMessages } from '../../support/prism-messages.js';

describe('an admin flow across the Advanced family', () => {
  it('creates rewards and a campaign, a promo code in it, and pays a payments batch', async () => {
    const fp = v2Client();
    const commission = await unwrap(fp.api.POST('/company/rewards', {
      body: { name: '30% recurring', is_promoter_reward: true, promoter_reward_type: 'sale', schemas: [{ unit: 'cash', amount: 30, flat_amount: false }] },
    }));
    const discount = await unwrap(fp.api.POST('/company/rewards', {
      body: {
        name: '20% off the first 3 months', is_promoter_reward: false, duration: 'repeating', duration_in_months: 3,
        should_create_provider_coupon: true, schemas: [{ unit: 'discount_per', amount: 20, flat_amount: false }],
      },
    }));
    const campaign = await unwrap(fp.api.POST('/company/campaigns', {
      body: {
        name: 'Creators 2025', landing_url: 'https://www.example.com/creators', ref_token_param: '?via', visitor_cookie_life: 45,
        rewards_for_promoters: [{ apply_on: 'all', product_ids: [], reward_id: commission.id }],
        rewards_for_referrals: [{ apply_on: 'all', product_ids: [], reward_id: discount.id }],
      },
    }));
    const promoter = await unwrap(fp.api.POST('/company/promoters', { body: { email: 'sam.okafor@example.com', initial_campaign_id: campaign.id } }));
    // Prism answers the spec's example, so the membership is the example's, not the new campaign's.
    const membership = promoter.promoter_campaigns?.[0];
    expect(membership?.id).toBeTypeOf('number');
    const code = await unwrap(fp.api.POST('/company/promo_codes', {
      body: { code: 'SAM20', reward_id: discount.id, promoter_campaign_id: membership!.id },
    }));
    expect(code.code).toBeTypeOf('string');

    const methods = await toArray(paginate(fp, '/company/payout_methods', { query: { filters: { promoter_id: promoter.id } } }), { limit: 20 });
    expect(methods.map((method) => method.method)).toContain('paypal');

    const created = await unwrap(fp.api.POST('/company/payouts/create_payments_batch', { body: { method: 'paypal' } }));
    const batchId = created.data!.id;
    const paid = await unwrap(fp.api.POST('/company/payments_batches/{id}/pay', { params: { path: { id: batchId } }, body: { otp: '482913' } }));
    expect(['pending', 'processing', 'completed']).toContain(paid.status);
  });
});

describe('bulk actions and lists of the family', () => {
  it('waits for a queued asset deletion, and reads a small invoice finalization as completed', async () => {
    const queued = await bulk(v2Client({ prefer: 'code=202' }).api.DELETE('/company/assets/destroy', { body: { ids: [6120, 6121, 6122, 6123, 6124, 6125] } }));
    expect(queued.outcome).toBe('queued');
    const batch = await waitForBatch(v2Client(), queued, { maxWaitMs: 5_000 });
    expect(batch.status).toBe('completed');
    const finalized = await bulk(v2Client().api.POST('/company/invoices/finalize', { body: { ids: [7702, 7710] } }));
    expect(finalized).toMatchObject({ outcome: 'completed', batch: { status: 'completed' } });
  });

  it('walks the lists of rewards, products, campaigns, assets and invoices with paginate', async () => {
    const fp = v2Client();
    const rewards = await toArray(paginate(fp, '/company/rewards', { query: { scope: 'promoters' } }), { limit: 100 });
    const products = await toArray(paginate(fp, '/company/products', { query: { q: 'plan' } }), { limit: 100 });
    const campaigns = await toArray(paginate(fp, '/company/campaigns'), { limit: 100 });
    const assets = await toArray(paginate(fp, '/company/assets', { query: { filters: { asset_type: 'image', category_id: 'not_set' } } }), { limit: 100 });
    const invoices = await toArray(paginate(fp, '/company/invoices', { query: { filters: { status: 'open' } } }), { limit: 100 });
    expect(rewards.every((reward) => Array.isArray(reward.schemas))).toBe(true);
    expect(products.flatMap((product) => product.prices.map((price) => price.ext_id)).length).toBeGreaterThan(0);
    expect(campaigns[0]?.ref_token_param).toMatch(/^\?/);
    expect(assets.length).toBeGreaterThan(0);
    expect(invoices[0]?.number).toBeTypeOf('string');
  });
});

describe('client.request, the raw escape hatch', () => {
  it('sends an untyped call that Prism validates like a typed one', async () => {
    const { data, response } = await v2Client().request('GET', '/company/rewards', { query: { scope: 'referrals', per_page: 10 } });
    expect(response.status).toBe(200);
    expect(Array.isArray(data)).toBe(true);
  });

  it('can fail: a route the spec lacks is refused by Prism and thrown as a typed error', async () => {
    const error = await v2Client().request('GET', '/company/not_a_route/{id}', { path: { id: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).path).toBe('/company/not_a_route/{id}');
    expect(violationMessages()).toEqual([expect.stringMatching(/Route not resolved, no path matched/)]);
    await v2Client().request('GET', '/company/rewards', { query: { scope: 'everyone' } }).catch(() => undefined);
    expect(violationMessages()).toEqual([expect.stringMatching(/scope must be equal to one of the allowed values/)]);
  });
});
