import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFirstPromoter } from './v2/client.js';
import { createFirstPromoterV1 } from './v1/client.js';
import { ValidationError } from '../core/errors.js';
import { PACKAGE } from '../../generated/package.js';
import { startLoopbackServer } from '../transport/adapters/loopback-server.js';

const okFetch = () => vi.fn(async () => new Response('{"id":1,"type":"cancellation"}', { headers: { 'content-type': 'application/json' } }));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('client construction', () => {
  it('names the package, its version and the adapter that sent it in the User-Agent of every request', async () => {
    const fetch = okFetch();
    await createFirstPromoter({ fetch, apiKey: 'k', accountId: 'a' }).track.cancellation({ uid: 'u1' });
    await createFirstPromoterV1({ fetch, apiKey: 'k' }).api.GET('/promoters/list');
    const agents = fetch.mock.calls.map((call) => new Headers((call as unknown as [string, RequestInit])[1].headers).get('user-agent'));
    expect(agents).toEqual(Array(2).fill(`${PACKAGE.name}/${PACKAGE.version} (fetch)`));
    expect(PACKAGE).toEqual({ name: 'firstpromoter', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });

    const server = await startLoopbackServer({ '/api/v2/track/cancellation': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}') });
    try {
      await createFirstPromoter({ apiKey: 'k', accountId: 'a', baseUrl: server.url('/api/v2') }).track.cancellation({ uid: 'u1' });
      expect(server.received.map((request) => request.headers['user-agent'])).toEqual([`${PACKAGE.name}/${PACKAGE.version} (node:http)`]);
    } finally {
      await server.close();
    }
  });

  it('fails at construction, not at the first call, when a key is missing', () => {
    vi.stubEnv('FIRSTPROMOTER_API_KEY', '');
    vi.stubEnv('FIRSTPROMOTER_ACCOUNT_ID', '');
    vi.stubEnv('FIRSTPROMOTER_V1_API_KEY', '');
    expect(() => createFirstPromoter({ accountId: 'acc' })).toThrow(/Missing v2 API key: pass `apiKey` or set FIRSTPROMOTER_API_KEY/);
    expect(() => createFirstPromoter({ apiKey: 'key' })).toThrow(/Missing Account-ID: pass `accountId` or set FIRSTPROMOTER_ACCOUNT_ID/);
    expect(() => createFirstPromoterV1()).toThrow(/FIRSTPROMOTER_V1_API_KEY/);
  });

  it('reads keys from the environment, and explicit options win over it', async () => {
    vi.stubEnv('FIRSTPROMOTER_API_KEY', 'env-key');
    vi.stubEnv('FIRSTPROMOTER_ACCOUNT_ID', 'env-account');
    const fetch = okFetch();
    await createFirstPromoter({ fetch }).track.cancellation({ uid: 'u1' });
    await createFirstPromoter({ fetch, apiKey: 'explicit-key' }).track.cancellation({ uid: 'u1' });
    const sent = fetch.mock.calls.map((call) => new Headers((call as unknown as [string, RequestInit])[1].headers));
    expect(sent.map((h) => [h.get('authorization'), h.get('account-id')])).toEqual([
      ['Bearer env-key', 'env-account'],
      ['Bearer explicit-key', 'env-account'],
    ]);
  });

  it('sends v1 calls with X-API-KEY and a form body, GETs without a body type', async () => {
    const fetch = vi.fn(async () => new Response('[]', { headers: { 'content-type': 'application/json' } }));
    const client = createFirstPromoterV1({ apiKey: 'v1-key', fetch, baseUrl: 'https://mock.test/api/v1/' });
    await client.api.GET('/promoters/list', { params: { query: { campaign_id: 7 } } });
    await client.api.POST('/track/cancellation', { body: { email: 'a@example.com' } });
    const [[getUrl, getInit], [postUrl, postInit]] = fetch.mock.calls as unknown as [[string, RequestInit], [string, RequestInit]];
    expect(getUrl).toBe('https://mock.test/api/v1/promoters/list?campaign_id=7');
    expect(new Headers(getInit.headers).get('content-type')).toBeNull();
    expect(new Headers(getInit.headers).get('x-api-key')).toBe('v1-key');
    expect(postUrl).toBe('https://mock.test/api/v1/track/cancellation');
    expect(new Headers(postInit.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(postInit.body).toBe('email=a%40example.com');
  });

  it.each([
    [{ baseUrl: 'not a url' }, 'baseUrl', /absolute http\(s\) URL/],
    [{ baseUrl: 'ftp://example.com' }, 'baseUrl', /absolute http\(s\) URL/],
    [{ baseUrl: 'https://user:pw@example.com' }, 'baseUrl', /must not contain credentials/],
    [{ maxRetries: -1 }, 'maxRetries', /integer from 0 to 10/],
    [{ maxRetries: 1.5 }, 'maxRetries', /integer from 0 to 10/],
    [{ timeoutMs: 0 }, 'timeoutMs', /positive number/],
    [{ timeoutMs: Number.NaN }, 'timeoutMs', /positive number/],
    [{ rateLimit: { requestsPerMinute: 0 } }, 'rateLimit', /positive integer/],
    [{ rateLimit: { requestsPerMinute: 400, burst: 0 } }, 'rateLimit', /burst.*from 1 to requestsPerMinute/],
    [{ rateLimit: { requestsPerMinute: 10, burst: 11 } }, 'rateLimit', /burst.*from 1 to requestsPerMinute/],
    [{ rateLimit: { requestsPerMinute: 400, store: {} as never } }, 'rateLimit', /rate limit store/],
    [{ rateLimit: { requestsPerMinute: 400, key: '' } }, 'rateLimit', /key.*non-empty/],
    [{ apiKey: 'two words' }, 'apiKey', /whitespace or control characters/],
    [{ apiKey: 'key\n' }, 'apiKey', /whitespace or control characters/],
    [{ accountId: 42 as unknown as string }, 'accountId', /non-empty string/],
    [{ backoff: { baseDelayMs: -5 } }, 'backoff.baseDelayMs', /non-negative/],
  ])('rejects %o with a ValidationError on %s', (options, field, message) => {
    const error = (() => {
      try {
        createFirstPromoter({ apiKey: 'key', accountId: 'acc', ...options });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(message);
  });

  it('never echoes a bad key in the error message', () => {
    expect(() => createFirstPromoter({ apiKey: 'sk_live_secret value', accountId: 'acc' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('sk_live_secret') }),
    );
  });
});
