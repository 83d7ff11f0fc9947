// The fake's tracking rules, through the real v2 and v1 clients: auth, signups (visit tid, ref_id, once
// per lead), sales and refunds recorded once per event_id, "not a referral" as each API answers it,
// cancellations, FirstPromoter's money checks, and records that hold exactly what was sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, createFirstPromoter, NotFoundError, unwrap } from '../index.js';
import { createFirstPromoterV1 } from '../v1.js';
import { startFakeFirstPromoter, type FakeFirstPromoter } from '../testing.js';

let fake: FakeFirstPromoter;
beforeAll(async () => {
  fake = await startFakeFirstPromoter({ promoters: [{ email: 'blocked@example.com', ref_id: 'blocked', state: 'blocked' }] });
});
beforeEach(() => fake.reset());
afterAll(() => fake?.close());

const v2 = () => createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });
const v1 = () => createFirstPromoterV1({ apiKey: fake.v1ApiKey, baseUrl: fake.v1BaseUrl, maxRetries: 0 });

describe('auth, as each API checks it', () => {
  it('answers 401 to a wrong v2 key, a wrong Account-ID and a wrong v1 key, and records nothing', async () => {
    const wrongKey = createFirstPromoter({ apiKey: 'nope', accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });
    const wrongAccount = createFirstPromoter({ apiKey: fake.apiKey, accountId: 'nope', baseUrl: fake.v2BaseUrl, maxRetries: 0 });
    const wrongV1 = createFirstPromoterV1({ apiKey: fake.apiKey, baseUrl: fake.v1BaseUrl, maxRetries: 0 });
    const sale = { email: 'a@example.com', event_id: 'in_1', amount: 100, ref_id: 'pat' };
    await expect(wrongKey.track.sale(sale)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(wrongAccount.track.sale(sale)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(wrongV1.track.sale(sale)).rejects.toMatchObject({ status: 401, body: 'Bad credentials' });
    // The spec gives the payouts 401 a JSON body and the promoters 401 none; the fake follows it.
    await expect(unwrap(wrongKey.api.GET('/company/payouts'))).rejects.toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    await expect(unwrap(wrongKey.api.GET('/company/promoters'))).rejects.toMatchObject({ status: 401, body: undefined });
    expect(fake.records.sales).toEqual([]);
    expect(fake.requests.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
  });

  it('takes the credentials it was started with', async () => {
    const own = await startFakeFirstPromoter({ apiKey: 'k-1', accountId: 'acct-1', v1ApiKey: 'v1-1' });
    try {
      expect([own.apiKey, own.accountId, own.v1ApiKey]).toEqual(['k-1', 'acct-1', 'v1-1']);
      const fp = createFirstPromoter({ apiKey: 'k-1', accountId: 'acct-1', baseUrl: own.v2BaseUrl, maxRetries: 0 });
      expect((await fp.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100, ref_id: own.promoter.ref_id })).outcome).toBe('tracked');
      expect(own.requests[0]?.headers).toMatchObject({ authorization: 'Bearer k-1', 'account-id': 'acct-1' });
    } finally {
      await own.close();
    }
  });
});

describe('signups', () => {
  it('credits a visit\'s tid to the promoter, once per lead; a second signup is a duplicate', async () => {
    const tid = fake.visit(fake.promoter.ref_id);
    const first = await v2().track.signup({ email: 'jane@example.com', uid: 'cus_1', tid });
    expect(first).toMatchObject({ outcome: 'tracked', data: { etype: 'signup', referral: { email: 'jane@example.com', uid: 'cus_1' }, commissions: [] } });
    expect(await v2().track.signup({ uid: 'cus_1', tid })).toMatchObject({ outcome: 'duplicate', status: 422 });
    expect(await v1().track.signup({ email: 'jane@example.com', ref_id: 'pat' })).toMatchObject({ outcome: 'duplicate', status: 422 });
    expect(fake.records.leads).toEqual([{ id: 1, email: 'jane@example.com', uid: 'cus_1', promoter_id: fake.promoter.id, state: 'signup', customer_since: null }]);
    const [promoter] = await unwrap(v2().api.GET('/company/promoters', { params: { query: { ids: [fake.promoter.id] } } })).then((page) => page.data);
    expect(promoter?.stats).toMatchObject({ clicks_count: 1, referrals_count: 1, customers_count: 0 });
  });

  // FirstPromoter's 404 with its message means there is no promoter to credit: the not_referral outcome.
  it('answers an unknown tid or ref_id, and a blocked promoter\'s, with 404: not_referral, nothing recorded', async () => {
    await expect(v2().track.signup({ email: 'a@example.com', tid: 'no-such-visit' })).resolves.toMatchObject({ outcome: 'not_referral', status: 404 });
    await expect(v1().track.signup({ email: 'a@example.com', ref_id: 'nobody' })).resolves.toMatchObject({ outcome: 'not_referral', status: 404 });
    await expect(v2().track.signup({ email: 'a@example.com', ref_id: 'blocked' })).resolves.toMatchObject({ outcome: 'not_referral', status: 404 });
    expect(() => fake.visit('nobody')).toThrow(/no promoter has ref_id/);
    expect(fake.records.leads).toEqual([]);
  });
});

describe('sales and refunds', () => {
  it('records a sale once per event_id: the replay is a duplicate, whichever API sends it', async () => {
    const sale = { email: 'jane@example.com', event_id: 'in_1', amount: { amount: '49.99', currency: 'USD' }, ref_id: 'pat', plan: 'pro' };
    const tracked = await v2().track.sale(sale);
    expect(tracked).toMatchObject({ outcome: 'tracked', data: { etype: 'sale', sale_amount: 4999, event_id: 'in_1', commissions: [{ amount: 1000, status: 'pending' }] } });
    expect(await v2().track.sale(sale)).toMatchObject({ outcome: 'duplicate', status: 409, message: "The 'sale' event with the id 'in_1' already exists." });
    expect(await v1().track.sale({ email: 'jane@example.com', event_id: 'in_1', amount: 4999 })).toMatchObject({ outcome: 'duplicate', status: 409 });
    expect(fake.records.sales).toHaveLength(1);
    expect(fake.records.commissions).toEqual([{ id: 1, kind: 'sale', status: 'pending', amount: 1000, sale_amount: 4999, event_id: 'in_1', lead_id: 1, promoter_id: fake.promoter.id, is_paid: false, payout_id: null }]);
  });

  it('answers a customer nobody referred as v2 does (404 not_found) and as v1 does (204): not_referral, nothing recorded', async () => {
    expect(await v2().track.sale({ email: 'walk-in@example.com', event_id: 'in_2', amount: 1500 })).toMatchObject({ outcome: 'not_referral', status: 404 });
    expect(await v1().track.sale({ email: 'walk-in@example.com', event_id: 'in_2', amount: 1500 })).toMatchObject({ outcome: 'not_referral', status: 204 });
    expect(await v2().track.refund({ email: 'walk-in@example.com', event_id: 're_2', amount: 1500 })).toMatchObject({ outcome: 'not_referral', status: 204 });
    expect(fake.requests.find((r) => r.api === 'v2' && r.status === 404)?.body).toMatchObject({ event_id: 'in_2' });
    expect(fake.records).toMatchObject({ leads: [], sales: [], refunds: [], commissions: [] });
  });

  it('treats the customers of a blocked promoter as not referred (FirstPromoter: "or promoter is banned")', async () => {
    expect(await v2().track.sale({ email: 'b@example.com', event_id: 'in_3', amount: 100, ref_id: 'blocked' })).toMatchObject({ outcome: 'not_referral' });
  });

  it('checks money as FirstPromoter does: whole minor units, a JSON integer on v2 and digits on v1, else 400', async () => {
    const fp = v2();
    const body = { email: 'a@example.com', event_id: 'in_4', ref_id: 'pat' };
    await expect(unwrap(fp.api.POST('/track/sale', { body: { ...body, amount: 19.99 } }))).rejects.toMatchObject({ status: 400, body: { message: 'Error. Amount blank or invalid.' } });
    await expect(unwrap(fp.api.POST('/track/sale', { body: { ...body, amount: -5 } }))).rejects.toBeInstanceOf(BadRequestError);
    await expect(unwrap(v1().api.POST('/track/sale', { params: {}, body: { ...body, amount: '19.99' } }))).rejects.toMatchObject({ status: 400 });
    await expect(unwrap(fp.api.POST('/track/sale', { body: { event_id: 'in_4', amount: 100 } as never }))).rejects.toMatchObject({ status: 400, body: { message: 'Error. Email and uid can not be blank!' } });
    expect(fake.records.sales).toEqual([]);
  });

  it('records refunds once, with a negative commission, and keeps their link to the sale', async () => {
    await v2().track.sale({ uid: 'cus_9', event_id: 'in_9', amount: 10_000, ref_id: 'pat' });
    const refund = await v2().track.refund({ uid: 'cus_9', event_id: 're_9', amount: 2_500, sale_event_id: 'in_9' });
    expect(refund).toMatchObject({ outcome: 'tracked', data: { type: 'refund', amount_cents: -2500, reward: { amount: -500 } } });
    expect(await v1().track.refund({ uid: 'cus_9', event_id: 're_9', amount: 2_500 })).toMatchObject({ outcome: 'duplicate', status: 409 });
    expect(fake.records.refunds).toEqual([{ id: 2, api: 'v2', lead_id: 1, email: null, uid: 'cus_9', event_id: 're_9', amount: 2500, currency: null, quantity: null, commission_id: 2, sale_event_id: 'in_9' }]);
  });
});

describe('cancellations', () => {
  it('marks the lead cancelled; an unknown customer is a 404', async () => {
    await v1().track.sale({ email: 'c@example.com', event_id: 'ch_1', amount: 500, ref_id: 'pat' });
    expect(await v2().track.cancellation({ email: 'c@example.com' })).toMatchObject({ outcome: 'tracked', data: { type: 'cancellation', lead: { state: 'cancelled' } } });
    await expect(v1().track.cancellation({ email: 'nobody@example.com' })).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.records.cancellations).toEqual([{ id: 2, api: 'v2', lead_id: 1, email: 'c@example.com', uid: null }]);
  });
});

describe('records after a scenario', () => {
  it('hold exactly what was sent, in minor units, and reset() forgets them', async () => {
    const tid = fake.visit('pat');
    await v2().track.signup({ email: 'ann@example.com', tid });
    await v2().track.sale({ email: 'ann@example.com', event_id: 'in_a', amount: { amount: '12.34', currency: 'EUR' }, quantity: 2 });
    await v1().track.sale({ email: 'bob@example.com', event_id: 'ch_b', amount: { amount: 5000, currency: 'JPY' }, ref_id: 'pat', plan: 'yearly' });
    await v1().track.refund({ email: 'bob@example.com', event_id: 're_b', amount: 1000 });
    await v2().track.cancellation({ email: 'ann@example.com' });
    const { signups, sales, refunds, cancellations } = fake.records;
    expect({ signups, sales, refunds, cancellations }).toEqual({
      signups: [{ id: 1, api: 'v2', lead_id: 1, email: 'ann@example.com', uid: null }],
      sales: [
        { id: 2, api: 'v2', lead_id: 1, email: 'ann@example.com', uid: null, event_id: 'in_a', amount: 1234, currency: 'EUR', quantity: 2, commission_id: 1, plan: null },
        { id: 3, api: 'v1', lead_id: 2, email: 'bob@example.com', uid: null, event_id: 'ch_b', amount: 5000, currency: 'JPY', quantity: null, commission_id: 2, plan: 'yearly' },
      ],
      refunds: [{ id: 4, api: 'v1', lead_id: 2, email: 'bob@example.com', uid: null, event_id: 're_b', amount: 1000, currency: null, quantity: null, commission_id: 3, sale_event_id: null }],
      cancellations: [{ id: 5, api: 'v2', lead_id: 1, email: 'ann@example.com', uid: null }],
    });
    expect(fake.requests.map((r) => `${r.api} ${r.operationId} ${r.status}`)).toEqual([
      'v2 trackSignup 200', 'v2 trackSale 200', 'v1 trackSale 200', 'v1 trackRefund 200', 'v2 trackCancellation 200',
    ]);
    expect(fake.requests[2]?.body).toEqual({ email: 'bob@example.com', event_id: 'ch_b', amount: '5000', currency: 'JPY', ref_id: 'pat', plan: 'yearly' });
    fake.reset();
    expect(fake.records).toMatchObject({ leads: [], signups: [], sales: [], commissions: [] });
    expect(fake.records.promoters.map((p) => p.ref_id)).toEqual(['pat', 'blocked']);
    expect(fake.requests).toEqual([]);
  });
});
