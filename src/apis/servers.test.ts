// Operations under another base URL (custom referral statuses, the embedded-dashboard sign-in) reach
// it, by the documented rule when the client has a baseUrl of its own; every other call is unchanged.
import { describe, expect, it, vi } from 'vitest';
import { createFirstPromoter } from './v2/client.js';
import { operationBase } from './servers.js';

const API = 'https://api.firstpromoter.com/api/v2';
const ADMIN = 'https://api.firstpromoter.com/api/admin/v1';
const EMBED = 'https://v2.firstpromoter.com/api/v2';

function client(baseUrl?: string) {
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response('[]', { headers: { 'content-type': 'application/json' } }));
  const fp = createFirstPromoter({ apiKey: 'key', accountId: 'acc', fetch, maxRetries: 0, ...(baseUrl ? { baseUrl } : {}) });
  return { fp, sent: () => fetch.mock.calls.map(([url]) => String(url)) };
}

describe('operationBase', () => {
  it.each([
    ['the default base: the server as the spec states it', API, ADMIN, ADMIN],
    ['the default base, for the embed host: that host', API, EMBED, EMBED],
    ['a proxy ending in /api/v2: its path swapped, on its host', 'https://proxy.example/fp/api/v2', ADMIN, 'https://proxy.example/fp/api/admin/v1'],
    ['a proxy ending in /api/v2, for the embed host: the proxy itself', 'https://proxy.example/fp/api/v2', EMBED, 'https://proxy.example/fp/api/v2'],
    ['the older v2 host: admin/v1 on that host', 'https://v2.firstpromoter.com/api/v2', ADMIN, 'https://v2.firstpromoter.com/api/admin/v1'],
    ['a mock at its root: as is', 'http://127.0.0.1:4010', ADMIN, 'http://127.0.0.1:4010'],
  ])('%s', (_, configured, server, expected) => {
    expect(operationBase(server, API, configured)).toBe(expected);
  });
});

describe('operations under another base URL', () => {
  it('sends custom referral statuses to /api/admin/v1 and the embed sign-in to v2.firstpromoter.com', async () => {
    const { fp, sent } = client();
    await fp.api.GET('/custom_referral_statuses');
    await fp.api.PUT('/custom_referral_statuses/update', { body: { custom_referral_statuses: [{ name: 'Called', order: 1 }] } });
    await fp.api.POST('/promoters/iframe_login', { params: { query: { promoter_id: 7 } } });
    await fp.api.GET('/company/campaigns');
    expect(sent()).toEqual([
      `${ADMIN}/custom_referral_statuses`,
      `${ADMIN}/custom_referral_statuses/update`,
      `${EMBED}/promoters/iframe_login?promoter_id=7`,
      `${API}/company/campaigns`,
    ]);
  });

  it('follows a proxy baseUrl by the documented rule, for typed and raw calls; a per-call baseUrl wins', async () => {
    const { fp, sent } = client('https://proxy.example/fp/api/v2/');
    await fp.api.GET('/custom_referral_statuses');
    await fp.request('GET', '/custom_referral_statuses');
    await fp.api.GET('/custom_referral_statuses', { baseUrl: 'https://elsewhere.example/x' });
    await fp.api.GET('/company/rewards');
    expect(sent()).toEqual([
      'https://proxy.example/fp/api/admin/v1/custom_referral_statuses',
      'https://proxy.example/fp/api/admin/v1/custom_referral_statuses',
      'https://elsewhere.example/x/custom_referral_statuses',
      'https://proxy.example/fp/api/v2/company/rewards',
    ]);
  });
});
