// v2 tracking through the real client against Prism's mock of openapi/v2: every documented status
// lands in the right outcome or typed error, and every request we send passes Prism's validation.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError, BadRequestError, MoneyError, NotFoundError, RateLimitError, UnprocessableEntityError, ValidationError,
} from '../../src/index.js';
import { capturingFetch, v2Client } from '../support/clients.js';
import { violationMessages } from '../support/prism-messages.js';

const customer = { email: 'jane.doe@example.com' };
const signup = { ...customer, tid: 'b6f1c2d4-visitor' };

describe('v2 track.signup', () => {
  it('tracks a signup by email and tid', async () => {
    const result = await v2Client().track.signup({ ...customer, tid: 'b6f1c2d4-visitor' });
    expect(result.outcome).toBe('tracked');
    if (result.outcome === 'tracked') expect(result.data.etype).toBe('signup');
  });

  it('answers a second signup for the same lead (422) as duplicate', async () => {
    const result = await v2Client({ prefer: 'code=422' }).track.signup({ uid: 'cus_123', ref_id: 'jane20' });
    expect(result).toMatchObject({ outcome: 'duplicate', status: 422 });
  });

  it('answers an unknown or expired tid (404) as not_referral, like an unknown customer on the other calls', async () => {
    const result = await v2Client({ prefer: 'code=404' }).track.signup(signup);
    expect(result).toMatchObject({ outcome: 'not_referral', status: 404, message: expect.stringMatching(/Visitor/) });
  });

  it.each([
    [400, BadRequestError],
    [429, RateLimitError],
  ])('maps %i to a typed error', async (status, ErrorClass) => {
    const error = await v2Client({ prefer: `code=${status}` }).track.signup(signup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, method: 'POST', path: '/track/signup' });
  });
});

describe('v2 track.sale', () => {
  it('tracks a sale and returns the commissions it created', async () => {
    const result = await v2Client().track.sale({ ...customer, event_id: 'in_1001', amount: 2000, plan: 'pro-monthly' });
    expect(result.outcome).toBe('tracked');
    if (result.outcome === 'tracked') {
      expect(result.data.etype).toBe('sale');
      expect(result.data.commissions?.[0]?.amount).toBeTypeOf('number');
    }
  });

  it('sends a decimal money value as integer cents with its currency', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v2Client({ fetch });
    const result = await client.track.sale({ uid: 'cus_42', event_id: 'in_1002', amount: { amount: '19.99', currency: 'eur' } });
    expect(result.outcome).toBe('tracked');
    expect(sent.map((r) => JSON.parse(String(r.body)))).toEqual([{ uid: 'cus_42', event_id: 'in_1002', amount: 1999, currency: 'EUR' }]);
  });

  it('answers an unknown customer (404 not_found) as not_referral', async () => {
    const result = await v2Client({ prefer: 'code=404' }).track.sale({ ...customer, event_id: 'in_1003', amount: 500 });
    expect(result).toMatchObject({ outcome: 'not_referral', status: 404 });
  });

  it('answers a known event_id (409) as duplicate', async () => {
    const result = await v2Client({ prefer: 'code=409' }).track.sale({ ...customer, event_id: 'in_1004', amount: 500 });
    expect(result).toMatchObject({ outcome: 'duplicate', status: 409 });
    if (result.outcome === 'duplicate') expect(result.message).toMatch(/already exists/);
  });

  it.each([
    [400, BadRequestError],
    [429, RateLimitError],
  ])('maps %i to a typed error carrying the parsed body', async (status, ErrorClass) => {
    const error = await v2Client({ prefer: `code=${status}` }).track.sale({ ...customer, event_id: 'in_1005', amount: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as BadRequestError).body).toHaveProperty('message');
  });

  it('refuses bad input before sending anything', async () => {
    let sent = 0;
    const client = v2Client({ fetch: async () => { sent++; return new Response('{}'); } });
    await expect(client.track.sale({ ...customer, event_id: '', amount: 100 })).rejects.toThrow(ValidationError);
    await expect(client.track.sale({ ...customer, event_id: 'in_1', amount: 19.99 })).rejects.toThrow(/amount/);
    await expect(client.track.sale({ event_id: 'in_1', amount: 100 } as never)).rejects.toThrow(/email.*uid/);
    expect(sent).toBe(0);
  });
});

describe('v2 money: one currency rule, Money wherever FirstPromoter wants cents, whole quantities', () => {
  it('refuses an unknown currency beside an integer amount as it does inside a Money value, before sending', async () => {
    let sent = 0;
    const client = v2Client({ fetch: async () => { sent++; return new Response('{}'); } });
    const bare = await client.track.sale({ ...customer, event_id: 'in_1', amount: 4999, currency: 'XYZ' }).catch((e: unknown) => e);
    const inMoney = await client.track.sale({ ...customer, event_id: 'in_1', amount: { amount: '49.99', currency: 'XYZ' } }).catch((e: unknown) => e);
    expect([bare, inMoney]).toEqual([expect.any(MoneyError), expect.any(MoneyError)]);
    expect([(bare as MoneyError).code, (bare as MoneyError).field, (inMoney as MoneyError).code]).toEqual(['unknown_currency', 'currency', 'unknown_currency']);
    await expect(client.track.sale({ ...customer, event_id: 'in_1', amount: 1, quantity: 1.5 })).rejects.toMatchObject({ field: 'quantity' });
    await expect(client.track.refund({ ...customer, event_id: 're_1', amount: 1, quantity: 0 })).rejects.toMatchObject({ field: 'quantity' });
    await expect(client.track.sale({ ...customer, event_id: 'in_1', amount: 1, mrr: '49.99' as never })).rejects.toMatchObject({ field: 'mrr', code: 'invalid_amount' });
    expect(sent).toBe(0);
  });

  it('takes a declared currency, and a Money mrr sent as the string of cents the spec types', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v2Client({ fetch, minorUnits: { XYZ: 2 } });
    const result = await client.track.sale({ ...customer, event_id: 'in_1010', amount: 4999, currency: 'xyz', quantity: 2, mrr: { amount: '49.99', currency: 'XYZ' } });
    expect(result.outcome).toBe('tracked');
    expect(sent.map((r) => JSON.parse(String(r.body)))).toEqual([{ ...customer, event_id: 'in_1010', amount: 4999, currency: 'XYZ', quantity: 2, mrr: '4999' }]);
  });
});

describe('v2 track.refund', () => {
  it('tracks a refund (legacy response shape)', async () => {
    const result = await v2Client().track.refund({ ...customer, event_id: 're_2001', amount: 1000, sale_event_id: 'in_1001' });
    expect(result.outcome).toBe('tracked');
    if (result.outcome === 'tracked') expect(result.data.type).toBe('refund');
  });

  it('answers 204 and 404 not_found as not_referral, and 409 as duplicate', async () => {
    const body = { ...customer, event_id: 're_2002', amount: 1000 };
    expect(await v2Client({ prefer: 'code=204' }).track.refund(body)).toMatchObject({ outcome: 'not_referral', status: 204 });
    expect(await v2Client({ prefer: 'code=404' }).track.refund(body)).toMatchObject({ outcome: 'not_referral', status: 404 });
    expect(await v2Client({ prefer: 'code=409' }).track.refund(body)).toMatchObject({ outcome: 'duplicate', status: 409 });
  });

  it.each([[400, BadRequestError], [429, RateLimitError]])('maps %i to a typed error', async (status, ErrorClass) => {
    await expect(v2Client({ prefer: `code=${status}` }).track.refund({ ...customer, event_id: 're_2003', amount: 1 })).rejects.toBeInstanceOf(ErrorClass);
  });
});

describe('v2 track.cancellation', () => {
  it('tracks a cancellation', async () => {
    const result = await v2Client().track.cancellation({ uid: 'cus_42' });
    expect(result.outcome).toBe('tracked');
    if (result.outcome === 'tracked') expect(result.data.type).toBe('cancellation');
  });

  it('answers an unknown customer (404 not_found) as not_referral, as the sale does', async () => {
    expect(await v2Client({ prefer: 'code=404' }).track.cancellation(customer)).toMatchObject({ outcome: 'not_referral', status: 404 });
  });

  it.each([[400, BadRequestError], [429, RateLimitError]])('maps %i to a typed error', async (status, ErrorClass) => {
    await expect(v2Client({ prefer: `code=${status}` }).track.cancellation(customer)).rejects.toBeInstanceOf(ErrorClass);
  });
});

describe('v2 contract checks can fail', () => {
  it('Prism rejects a sale without event_id and with a text amount, and the suite sees it', async () => {
    const { error, response } = await v2Client().api.POST('/track/sale', { body: { email: 'x@example.com', amount: 'ten' } as never });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    const violations = violationMessages();
    expect(violations.join('\n')).toMatch(/event_id/);
    expect(violations.join('\n')).toMatch(/amount must be integer/);
  });

  it('Prism rejects a request without the bearer key (401), mapped to AuthenticationError', async () => {
    const client = v2Client({ fetch: capturingFetch({ dropHeaders: ['authorization'] }).fetch });
    await expect(client.track.cancellation(customer)).rejects.toBeInstanceOf(AuthenticationError);
    expect(violationMessages()).toEqual(['Invalid security scheme used']);
  });

  it('a 404 without FirstPromoter\'s not_found code (a wrong baseUrl) stays a NotFoundError that points at baseUrl', async () => {
    const client = v2Client({ fetch: async () => new Response('Not Found', { status: 404 }) });
    const error = await client.track.sale({ ...customer, event_id: 'in_1', amount: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toMatch(/baseUrl/);
    expect((error as NotFoundError).message).not.toMatch(/find_by/);
  });

  it('a 422 that is not a duplicate signup stays an error', async () => {
    // Prism's example for signup 422 is the duplicate answer; a different 422 body must not be read as one.
    const client = v2Client({
      fetch: async () => new Response(JSON.stringify({ message: 'Invalid ip' }), { status: 422, headers: { 'content-type': 'application/json' } }),
    });
    await expect(client.track.signup(signup)).rejects.toBeInstanceOf(UnprocessableEntityError);
  });
});
