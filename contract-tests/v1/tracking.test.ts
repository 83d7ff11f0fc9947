// v1 tracking through the real client against Prism's mock of openapi/v1: form bodies pass Prism's
// validation, and every documented status lands in the right outcome or typed error.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError, BadRequestError, NotFoundError, UnprocessableEntityError, ValidationError,
} from '../../src/v1.js';
import { capturingFetch, takeViolations, v1Client } from '../support/clients.js';

const customer = { email: 'john@example.com' };

describe('v1 track.signup', () => {
  it('tracks a signup attributed by ref_id', async () => {
    const result = await v1Client().track.signup({ ...customer, ref_id: 'john20', custom_fields: { plan: 'pro' } });
    expect(result.outcome).toBe('tracked');
    if (result.outcome === 'tracked') expect(result.data.type).toBe('signup');
  });

  it('answers a second signup (422) as duplicate, an unknown visitor (404) as not_referral, and 400 as a typed error', async () => {
    const params = { uid: 'cus_9', tid: 'visitor-1' };
    expect(await v1Client({ prefer: 'code=422' }).track.signup(params)).toMatchObject({ outcome: 'duplicate', status: 422 });
    expect(await v1Client({ prefer: 'code=404' }).track.signup(params)).toMatchObject({ outcome: 'not_referral', status: 404, message: expect.stringMatching(/Visitor/) });
    await expect(v1Client({ prefer: 'code=400' }).track.signup(params)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('keeps a 404 without FirstPromoter\'s body (a wrong baseUrl) a NotFoundError that points at baseUrl', async () => {
    const client = v1Client({ fetch: async () => new Response('<html>Not Found</html>', { status: 404, headers: { 'content-type': 'text/html' } }) });
    const error = await client.track.signup({ uid: 'cus_9', tid: 'visitor-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toMatch(/baseUrl/);
    expect((error as NotFoundError).message).not.toMatch(/find_by/);
  });
});

describe('v1 track.sale', () => {
  it('sends the amount as a string of cents in a form body', async () => {
    const { fetch, sent } = capturingFetch();
    const client = v1Client({ fetch });
    const result = await client.track.sale({ ...customer, event_id: 'in_77', amount: { amount: '19.99', currency: 'USD' }, mrr: 1999 });
    expect(result.outcome).toBe('tracked');
    expect(sent.map((r) => `${r.headers.get('content-type')} ${r.body}`)).toEqual(['application/x-www-form-urlencoded email=john%40example.com&event_id=in_77&amount=1999&mrr=1999&currency=USD']);
  });

  it('answers 204 as not_referral and 409 as duplicate', async () => {
    const params = { ...customer, event_id: 'in_78', amount: 500 };
    expect(await v1Client({ prefer: 'code=204' }).track.sale(params)).toMatchObject({ outcome: 'not_referral', status: 204 });
    expect(await v1Client({ prefer: 'code=409' }).track.sale(params)).toMatchObject({ outcome: 'duplicate', status: 409 });
  });

  it('maps 400 to BadRequestError with the parsed message', async () => {
    const error = await v1Client({ prefer: 'code=400' }).track.sale({ ...customer, event_id: 'in_79', amount: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).body).toHaveProperty('message');
  });

  it('refuses an amount with too many decimals before sending', async () => {
    let sent = 0;
    const client = v1Client({ fetch: async () => { sent++; return new Response('{}'); } });
    await expect(client.track.sale({ ...customer, event_id: 'in_80', amount: { amount: '1.999', currency: 'USD' } })).rejects.toThrow(ValidationError);
    expect(sent).toBe(0);
  });
});

describe('v1 track.refund', () => {
  it('tracks a refund, and answers 204 as not_referral and 409 as duplicate', async () => {
    const params = { ...customer, event_id: 're_1', amount: 1000, sale_event_id: 'in_77' };
    expect((await v1Client().track.refund(params)).outcome).toBe('tracked');
    expect(await v1Client({ prefer: 'code=204' }).track.refund(params)).toMatchObject({ outcome: 'not_referral' });
    expect(await v1Client({ prefer: 'code=409' }).track.refund(params)).toMatchObject({ outcome: 'duplicate' });
    await expect(v1Client({ prefer: 'code=400' }).track.refund(params)).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('v1 track.cancellation', () => {
  it('tracks a cancellation and maps 400 to BadRequestError', async () => {
    const result = await v1Client().track.cancellation({ uid: 'cus_9', event_id: 'sub_cancel_1' });
    expect(result.outcome).toBe('tracked');
    if (result.outcome === 'tracked') expect(result.data.type).toBe('cancellation');
    await expect(v1Client({ prefer: 'code=400' }).track.cancellation(customer)).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('v1 track.subscriber', () => {
  it('tracks a subscriber; 204 and 404 are not_referral, 409 duplicate', async () => {
    const params = { ...customer, ref_id: 'john20' };
    expect((await v1Client().track.subscriber(params)).outcome).toBe('tracked');
    expect(await v1Client({ prefer: 'code=204' }).track.subscriber(params)).toMatchObject({ outcome: 'not_referral' });
    expect(await v1Client({ prefer: 'code=409' }).track.subscriber(params)).toMatchObject({ outcome: 'duplicate' });
    expect(await v1Client({ prefer: 'code=404' }).track.subscriber(params)).toMatchObject({ outcome: 'not_referral', status: 404 });
  });
});

describe('v1 contract checks can fail', () => {
  it('Prism rejects a sale sent as JSON instead of a form, and the suite sees it', async () => {
    const client = v1Client();
    const { response } = await client.api.POST('/track/sale', {
      body: { email: 'x@example.com', event_id: 'e', amount: '1' },
      bodySerializer: (body) => JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.ok).toBe(false);
    expect(takeViolations().flatMap((v) => v.violations.map((x) => String(x.code)))).toContain('415');
  });

  it('Prism rejects a form sale without event_id', async () => {
    const { response } = await v1Client().api.POST('/track/sale', { body: { email: 'x@example.com', amount: '100' } as never });
    expect(response.status).toBe(400);
    expect(JSON.stringify(takeViolations())).toMatch(/event_id/);
  });

  it('a 401 from Prism (key stripped) becomes AuthenticationError', async () => {
    const client = v1Client({ fetch: capturingFetch({ dropHeaders: ['x-api-key'] }).fetch });
    await expect(client.track.cancellation(customer)).rejects.toBeInstanceOf(AuthenticationError);
    expect(takeViolations()).toHaveLength(1);
  });

  it('a 422 other than a second signup stays an error', async () => {
    const client = v1Client({ fetch: async () => new Response('{"error":"Campaign not found."}', { status: 422 }) });
    await expect(client.track.signup({ ...customer, ref_id: 'x' })).rejects.toBeInstanceOf(UnprocessableEntityError);
  });
});
