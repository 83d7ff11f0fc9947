// Construction of the affiliate client: its credentials come from its own options and environment
// variables, never from the company API's, and are checked before anything is sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFirstPromoterAffiliate } from './client.js';
import { ValidationError } from '../../core/errors.js';

const okFetch = () => vi.fn(async () => new Response('[]', { headers: { 'content-type': 'application/json' } }));
const headersOf = (fetch: ReturnType<typeof okFetch>) =>
  fetch.mock.calls.map((call) => new Headers((call as unknown as [string, RequestInit])[1].headers));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('affiliate client construction', () => {
  it('never falls back to the company API key or Account-ID', () => {
    vi.stubEnv('FIRSTPROMOTER_API_KEY', 'company-key');
    vi.stubEnv('FIRSTPROMOTER_ACCOUNT_ID', 'company-account');
    vi.stubEnv('FIRSTPROMOTER_AFFILIATE_ACCESS_TOKEN', '');
    vi.stubEnv('FIRSTPROMOTER_AFFILIATE_ACCOUNT_ID', '');
    expect(() => createFirstPromoterAffiliate({ accountId: 'acc' })).toThrow(
      'Missing affiliate access token: pass `accessToken` or set FIRSTPROMOTER_AFFILIATE_ACCESS_TOKEN.',
    );
    expect(() => createFirstPromoterAffiliate({ accessToken: 'tok' })).toThrow(
      'Missing Account-ID: pass `accountId` or set FIRSTPROMOTER_AFFILIATE_ACCOUNT_ID.',
    );
  });

  it('reads its own environment variables, and explicit options win over them', async () => {
    vi.stubEnv('FIRSTPROMOTER_AFFILIATE_ACCESS_TOKEN', 'env-token');
    vi.stubEnv('FIRSTPROMOTER_AFFILIATE_ACCOUNT_ID', 'env-account');
    const fetch = okFetch();
    await createFirstPromoterAffiliate({ fetch }).api.GET('/campaigns');
    await createFirstPromoterAffiliate({ fetch, accessToken: 'explicit-token' }).api.GET('/campaigns');
    await createFirstPromoterAffiliate({ fetch, accessToken: () => 'provided-token', accountId: 'explicit-account' }).api.GET('/campaigns');
    expect(headersOf(fetch).map((h) => [h.get('authorization'), h.get('account-id')])).toEqual([
      ['Bearer env-token', 'env-account'],
      ['Bearer explicit-token', 'env-account'],
      ['Bearer provided-token', 'explicit-account'],
    ]);
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('https://api.firstpromoter.com/api/v2/affiliate/campaigns');
  });

  it.each([
    [{ accessToken: 42 as unknown as string }, 'accessToken', /non-empty string/],
    [{ accessToken: 'two words' }, 'accessToken', /whitespace or control characters/],
    [{ accountId: '' }, 'accountId', /non-empty string \(Account-ID\)/],
    [{ baseUrl: 'not a url' }, 'baseUrl', /absolute http\(s\) URL/],
  ])('rejects %o with a ValidationError on %s, echoing no value', (options, field, message) => {
    vi.stubEnv('FIRSTPROMOTER_AFFILIATE_ACCOUNT_ID', '');
    let error: unknown;
    try {
      createFirstPromoterAffiliate({ accessToken: 'tok', accountId: 'acc', ...options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('two words');
  });

  it('does not call a token function until the first request', () => {
    const provider = vi.fn(() => 'tok');
    createFirstPromoterAffiliate({ accessToken: provider, accountId: 'acc', fetch: okFetch() });
    expect(provider).not.toHaveBeenCalled();
  });
});
