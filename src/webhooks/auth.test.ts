// The sender check: Basic credentials, a secret header and a secret query parameter, each compared in
// constant time; a refusal never carries the expected or the received secret.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { base64FromText } from '../internal/base64.js';
import { authenticateWebhook, createAuthenticator, type WebhookAuth } from './auth.js';
import { WebhookError } from './errors.js';

const basic = { username: 'firstpromoter', password: 'pw-Ünï-7d1c0e' };
const header = { name: 'X-Webhook-Secret', value: 'whsec_3f9a1b7c' };
const query = { name: 'token', value: 'qs_81c2e4' };

function request(headers: Record<string, string> = {}, url = 'https://app.example/webhooks'): Request {
  return new Request(url, { method: 'POST', headers, body: '{}' });
}
const basicHeader = (user: string, password: string) => ({ authorization: `Basic ${base64FromText(`${user}:${password}`)}` });

async function outcome(auth: WebhookAuth, req: Request): Promise<'ok' | WebhookError> {
  try {
    await authenticateWebhook(req, auth);
    return 'ok';
  } catch (error) {
    if (error instanceof WebhookError) return error;
    throw error;
  }
}

describe('Basic credentials', () => {
  it('accepts the subscription\'s user and password (UTF-8), whatever the scheme\'s case', async () => {
    expect(await outcome({ basic }, request(basicHeader(basic.username, basic.password)))).toBe('ok');
    const lower = `basic ${base64FromText(`${basic.username}:${basic.password}`)}`;
    expect(await outcome({ basic }, request({ authorization: lower }))).toBe('ok');
  });

  it.each([
    ['a wrong password', basicHeader(basic.username, 'pw-wrong')],
    ['a wrong user', basicHeader('someone', basic.password)],
    ['a password that only starts right', basicHeader(basic.username, `${basic.password}x`)],
    ['no Authorization header', {}],
    ['a Bearer token', { authorization: `Bearer ${basic.password}` }],
    ['broken base64', { authorization: 'Basic %%%not-base64' }],
    ['a header secret instead', { [header.name]: header.value }],
  ])('refuses %s as unauthorized (401)', async (_, headers) => {
    const result = await outcome({ basic }, request(headers));
    expect(result).toBeInstanceOf(WebhookError);
    expect([(result as WebhookError).reason, (result as WebhookError).status]).toEqual(['unauthorized', 401]);
  });
});

describe('secret header and query parameter', () => {
  it('accepts the header secret (any case of the name) and refuses a wrong or missing one', async () => {
    expect(await outcome({ header }, request({ 'x-webhook-secret': header.value }))).toBe('ok');
    expect(await outcome({ header }, request({ [header.name]: 'whsec_3f9a1b7d' }))).toBeInstanceOf(WebhookError);
    expect(await outcome({ header }, request({ [header.name]: '' }))).toBeInstanceOf(WebhookError);
    expect(await outcome({ header }, request())).toBeInstanceOf(WebhookError);
  });

  it('accepts the query secret and refuses a wrong one', async () => {
    expect(await outcome({ query }, request({}, `https://app.example/hook?token=${query.value}`))).toBe('ok');
    expect(await outcome({ query }, request({}, 'https://app.example/hook?token=qs_81c2e5'))).toBeInstanceOf(WebhookError);
    expect(await outcome({ query }, request({}, `https://app.example/hook?other=${query.value}`))).toBeInstanceOf(WebhookError);
  });

  it('requires every configured secret', async () => {
    const both = { basic, header };
    expect(await outcome(both, request({ ...basicHeader(basic.username, basic.password), [header.name]: header.value }))).toBe('ok');
    expect(await outcome(both, request(basicHeader(basic.username, basic.password)))).toBeInstanceOf(WebhookError);
    expect(await outcome(both, request({ [header.name]: header.value }))).toBeInstanceOf(WebhookError);
  });
});

describe('secrets stay secret', () => {
  it('a refusal carries neither the expected nor the received secret', async () => {
    const received = 'pw-received-4242';
    const result = await outcome({ basic, header, query }, request({ ...basicHeader(basic.username, received), [header.name]: 'hdr-received-4242' }, 'https://a.example/?token=q-received-4242'));
    const text = `${(result as Error).message} ${JSON.stringify(result)} ${inspect(result)} ${(result as Error).stack}`;
    for (const secret of [basic.password, header.value, query.value, received, 'hdr-received-4242', 'q-received-4242']) expect(text).not.toContain(secret);
  });
});

describe('configuration', () => {
  it.each([
    ['no auth at all', undefined, 'auth'],
    ['an empty auth', {}, 'auth'],
    ['an empty password', { basic: { username: 'u', password: '' } }, 'auth.basic.password'],
    ['a user name with a colon', { basic: { username: 'a:b', password: 'p' } }, 'auth.basic.username'],
    ['a header name with a space', { header: { name: 'X Secret', value: 'v' } }, 'auth.header.name'],
    ['an empty header secret', { header: { name: 'X-Secret', value: '' } }, 'auth.header.value'],
    ['an empty query secret', { query: { name: 'token', value: '' } }, 'auth.query.value'],
  ])('refuses %s with a ValidationError naming the field', (_, auth, field) => {
    let thrown: unknown;
    try {
      createAuthenticator(auth as WebhookAuth);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).field).toBe(field);
  });

  it('never puts a configured secret in a configuration error', () => {
    try {
      createAuthenticator({ basic: { username: 'user:secretish', password: 'p-9f8e7d' } });
    } catch (error) {
      expect(`${(error as Error).message} ${inspect(error)}`).not.toMatch(/secretish|p-9f8e7d/);
    }
    expect.assertions(1);
  });
});
