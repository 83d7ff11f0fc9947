// The affiliate client's session handling against Prism's mock of openapi/affiliate, which answers 401
// to the tokens a test calls refused: a fixed token fails with an AuthenticationError that says the
// session ended; a token function is asked once up front and once per refusal, each refused call is
// retried exactly once, concurrent refusals share one refresh, and nothing loops. Prism validates the
// retried requests too. No token ever shows in an error.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, ValidationError, unwrap, type AccessTokenRequest } from '../../src/affiliate.js';
import { LeakCollector } from '../support/leak-scan.js';
import { AFFILIATE_CANARY, affiliateClient, sessionFetch } from './clients.js';

const EXPIRED = 'fp_canary_session_expired_51c0a7';
const FRESH = 'fp_canary_session_fresh_9e27d3';
const NEWER = 'fp_canary_session_newer_30b8f5';
const TOKENS = [AFFILIATE_CANARY.accessToken, EXPIRED, FRESH, NEWER];
const leaks = new LeakCollector();

/** A token function that hands out `tokens` in turn (the last one again once they run out) and records what it was asked. */
function tokenSource(...tokens: string[]) {
  const asked: boolean[] = [];
  const provider = vi.fn(async ({ refresh }: AccessTokenRequest) => {
    asked.push(refresh);
    return tokens[Math.min(asked.length, tokens.length) - 1]!;
  });
  return { provider, asked };
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  leaks.error('session failure', error);
  return error;
}

describe('affiliate session tokens', () => {
  it('sends a fixed token with the Account-ID; its 401 says the session ended, is not retried, and holds no token', async () => {
    const { fetch, sent } = sessionFetch([AFFILIATE_CANARY.accessToken]);
    const error = await failure(unwrap(affiliateClient({ fetch }).api.GET('/promoters/current')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/^FirstPromoter answered 401 to GET \/promoters\/current\. The promoter's session token expired or was revoked\. /);
    expect((error as Error).message).toContain('pass `accessToken` as a function');
    expect(sent).toEqual([expect.objectContaining({ token: AFFILIATE_CANARY.accessToken, accountId: AFFILIATE_CANARY.accountId })]);
  });

  it('asks a token function once before the first request, and not again while the token works', async () => {
    const { provider, asked } = tokenSource(FRESH);
    const { fetch, sent } = sessionFetch([]);
    const client = affiliateClient({ fetch, accessToken: provider });
    expect(provider).not.toHaveBeenCalled();
    await unwrap(client.api.GET('/promoters/current'));
    await unwrap(client.api.GET('/campaigns'));
    await unwrap(client.api.GET('/payouts/due_stats'));
    expect(asked).toEqual([false]);
    expect(sent.map((request) => request.token)).toEqual([FRESH, FRESH, FRESH]);
  });

  it('on a 401, asks for a new token once and sends the same request once more', async () => {
    const { provider, asked } = tokenSource(EXPIRED, FRESH);
    const { fetch, sent } = sessionFetch([EXPIRED]);
    const client = affiliateClient({ fetch, accessToken: provider });
    const body = { email: 'lena.fischer@example.de', promoter_campaign_id: 14850130, uid: 'cus_R8fLq2ZkT1' };
    const referral = await unwrap(client.api.POST('/referrals', { body }));
    expect(referral.id).toBeTypeOf('number');
    expect(asked).toEqual([false, true]);
    expect(sent.map((request) => request.token)).toEqual([EXPIRED, FRESH]);
    // The retry is the same request: method, URL, Account-ID and body.
    const [first, retry] = sent.map(({ token: _token, ...rest }) => rest);
    expect(retry).toEqual(first);
    expect(JSON.parse(retry!.body!)).toEqual(body);
    // Later calls use the new token without asking again.
    await unwrap(client.api.GET('/campaigns'));
    expect(asked).toEqual([false, true]);
    expect(sent.at(-1)?.token).toBe(FRESH);
  });

  it('ends the call with the 401 when the new token is refused too: one refresh and one retry per call, no loop', async () => {
    const { provider, asked } = tokenSource(EXPIRED, FRESH, NEWER);
    const { fetch, sent } = sessionFetch([EXPIRED, FRESH, NEWER]);
    const client = affiliateClient({ fetch, accessToken: provider });
    const error = await failure(unwrap(client.api.GET('/commissions')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("The promoter's session token expired or was revoked. The client asked the `accessToken` function for a new token and retried once; that token was refused too.");
    expect(asked).toEqual([false, true]);
    expect(sent.map((request) => request.token)).toEqual([EXPIRED, FRESH]);
    // The next call starts again from the latest token, and again refreshes at most once.
    await failure(unwrap(client.api.GET('/commissions')));
    expect(asked).toEqual([false, true, true]);
    expect(sent.map((request) => request.token)).toEqual([EXPIRED, FRESH, FRESH, NEWER]);
  });

  it('shares one refresh among concurrent 401s, and holds back calls started while it runs', async () => {
    let refreshStarted!: () => void;
    const started = new Promise<void>((resolve) => (refreshStarted = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: boolean[] = [];
    const provider = async ({ refresh }: AccessTokenRequest) => {
      asked.push(refresh);
      if (!refresh) return EXPIRED;
      refreshStarted();
      await gate;
      return FRESH;
    };
    const { fetch, sent } = sessionFetch([EXPIRED]);
    const client = affiliateClient({ fetch, accessToken: provider });
    const first = Array.from({ length: 5 }, () => unwrap(client.api.GET('/referral_links', { params: { query: { promoter_campaign_id: 14850130 } } })));
    await started;
    const later = unwrap(client.api.GET('/campaigns'));
    release();
    const results = await Promise.all([...first, later]);
    expect(results.every((links) => Array.isArray(links) && links.length > 0)).toBe(true);
    expect(asked).toEqual([false, true]);
    const tokens = sent.map((request) => request.token);
    expect(tokens.filter((token) => token === EXPIRED)).toHaveLength(5);
    expect(tokens.filter((token) => token === FRESH)).toHaveLength(6);
    expect(sent.filter((request) => request.url.includes('/campaigns')).map((request) => request.token)).toEqual([FRESH]);
  });

  it('does not resend when the function hands back the refused token', async () => {
    const { provider, asked } = tokenSource(EXPIRED);
    const { fetch, sent } = sessionFetch([EXPIRED]);
    const error = await failure(unwrap(affiliateClient({ fetch, accessToken: provider }).api.DELETE('/referrals/{id}', { params: { path: { id: 29210007 } } })));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('returned the same token when asked for a new one, so the request was not sent again');
    expect(asked).toEqual([false, true]);
    expect(sent).toHaveLength(1);
  });

  it("rejects with the function's own error when it fails, sends nothing, and asks again on the next call", async () => {
    const trouble = new Error('session store unavailable');
    const asked: boolean[] = [];
    let failNext = true;
    const provider = async ({ refresh }: AccessTokenRequest) => {
      asked.push(refresh);
      if (failNext) throw trouble;
      return refresh ? FRESH : EXPIRED;
    };
    const { fetch, sent } = sessionFetch([EXPIRED]);
    const client = affiliateClient({ fetch, accessToken: provider });
    expect(await failure(client.api.GET('/promoters/current'))).toBe(trouble);
    expect(sent).toHaveLength(0);
    failNext = false;
    await unwrap(client.api.GET('/promoters/current'));
    expect(asked).toEqual([false, false, true]);
    // A refresh that fails is asked for again, as a refresh, by the next call.
    const again = affiliateClient({ fetch, accessToken: async ({ refresh }) => { asked.push(refresh); if (refresh && asked.length < 6) throw trouble; return refresh ? FRESH : EXPIRED; } });
    expect(await failure(again.api.GET('/campaigns'))).toBe(trouble);
    await unwrap(again.api.GET('/campaigns'));
    expect(asked.slice(3)).toEqual([false, true, true]);
  });

  it.each([
    ['an empty string', ''],
    ['a token with a line break', `${FRESH}\n`],
    ['a number', 42],
    ['undefined', undefined],
  ])('turns %s from the function into a ValidationError before anything is sent', async (_what, value) => {
    const { fetch, sent } = sessionFetch([]);
    const client = affiliateClient({ fetch, accessToken: async () => value as string });
    const error = await failure(client.api.GET('/campaigns'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'accessToken' });
    expect((error as Error).message).toMatch(/must return a non-empty access token without whitespace/);
    expect(sent).toHaveLength(0);
  });

  afterAll(() => {
    expect(leaks.size).toBeGreaterThan(8);
    expect(leaks.hits(TOKENS)).toEqual([]);
  });
});
