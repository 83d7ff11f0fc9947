// Minting and revoking embedded-dashboard tokens: one promoter named exactly once, the right host, and
// the token never in an error.
import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { createFirstPromoter } from './client.js';
import { mintDashboardToken, revokeDashboardTokens, type DashboardPromoter } from './embedded-dashboard.js';

function replying(...answers: Array<[number, string]>) {
  const queue = [...answers];
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => {
    const [status, body] = queue.length > 1 ? queue.shift()! : queue[0]!;
    return new Response(body || null, { status, headers: body ? { 'content-type': 'application/json' } : {} });
  });
}

const client = (fetch: ReturnType<typeof replying>) =>
  createFirstPromoter({ apiKey: 'key', accountId: 'acc', fetch, backoff: { baseDelayMs: 1, maxDelayMs: 1 } });

describe('embedded dashboard sign-in', () => {
  it('mints a token for a promoter id on v2.firstpromoter.com, with an empty body', async () => {
    const fetch = replying([200, '{"access_token":"tok_live_1","expires_in":86400}']);
    expect(await mintDashboardToken(client(fetch), { promoter_id: 1482 })).toEqual({ access_token: 'tok_live_1', expires_in: 86400 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('https://v2.firstpromoter.com/api/v2/promoters/iframe_login?promoter_id=1482');
    expect([init?.method, init?.body]).toEqual(['POST', undefined]);
  });

  it('revokes by cust_id, and resends after a 503 because revoking twice is harmless', async () => {
    const fetch = replying([503, ''], [200, '']);
    await expect(revokeDashboardTokens(client(fetch), { cust_id: 'cus 42/x' })).resolves.toBeUndefined();
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      'https://v2.firstpromoter.com/api/v2/promoters/iframe_logout?cust_id=cus%2042%2Fx',
      'https://v2.firstpromoter.com/api/v2/promoters/iframe_logout?cust_id=cus%2042%2Fx',
    ]);
  });

  it('reports an unknown promoter as NotFoundError, and a token in an error body is redacted', async () => {
    const fetch = replying([404, '{"message":"Promoter not found","code":"not_found","access_token":"tok_leak"}']);
    const error = await mintDashboardToken(client(fetch), { cust_id: 'cus_404' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(JSON.stringify(error) + String(error)).not.toContain('tok_leak');
  });

  it.each([
    ['both ids', { promoter_id: 1, cust_id: 'cus_1' }, 'promoter'],
    ['neither', {}, 'promoter'],
    ['no object at all', undefined, 'promoter'],
    ['a promoter id that is not a positive whole number', { promoter_id: 1.5 }, 'promoter_id'],
    ['a promoter id given as text', { promoter_id: '12' }, 'promoter_id'],
    ['an empty cust_id', { cust_id: '  ' }, 'cust_id'],
  ])('refuses %s before sending anything', async (_, promoter, field) => {
    const fetch = replying([200, '{}']);
    const error = await mintDashboardToken(client(fetch), promoter as unknown as DashboardPromoter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(fetch).not.toHaveBeenCalled();
  });
});
