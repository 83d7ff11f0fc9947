// The operations that live under another base than /api/v2 reach it. The client runs with its default
// base URL (as in production) and a fetch that hands each request to Prism with the base it was sent
// to as `__server`: Prism then checks that base against the operation's `servers` in the spec, so a
// custom referral status sent to /api/v2, or a company call sent to /api/admin/v1, is a violation.
import { describe, expect, inject, it } from 'vitest';
import { API, SERVERS } from '../../../generated/v2.operations.js';
import { createFirstPromoter, mintDashboardToken, revokeDashboardTokens, unwrap } from '../../../src/index.js';
import { CANARY } from '../../support/canary.js';
import { recordingFetch } from '../../support/clients.js';
import { violationMessages } from '../../support/prism-messages.js';

/** Every base URL the spec names: the API's and the ones of routed operations, longest first. */
const BASES: string[] = [...new Set([API.baseUrl, ...Object.values(SERVERS)])].sort((a, b) => b.length - a.length);

/** A production-configured client whose requests go to Prism, tagged with the base they were sent to. */
function productionClient() {
  const sent: string[] = [];
  const prism = recordingFetch();
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = String(input);
    sent.push(url);
    const server = BASES.find((base) => url.startsWith(`${base}/`));
    if (!server) throw new Error(`The client sent ${url}, under no server of the spec`);
    const rest = url.slice(server.length);
    const tag = `${rest.includes('?') ? '&' : '?'}__server=${encodeURIComponent(server)}`;
    return prism(`${inject('prism').v2}${rest}${tag}`, init);
  };
  const client = createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, fetch, maxRetries: 0 });
  return { client, sent };
}

describe('operations under another base URL', () => {
  it('sends custom referral statuses to /api/admin/v1', async () => {
    const { client, sent } = productionClient();
    const statuses = await unwrap(client.api.GET('/custom_referral_statuses'));
    expect(statuses.map((status) => status.order)).toEqual([...statuses.map((status) => status.order)].sort((a, b) => a - b));
    const updated = await unwrap(client.api.PUT('/custom_referral_statuses/update', {
      body: { custom_referral_statuses: [{ id: 13, name: 'Trial extended', order: 2 }, { name: 'Contract sent', order: 3 }] },
    }));
    expect(updated.length).toBeGreaterThan(0);
    expect(sent).toEqual([
      'https://api.firstpromoter.com/api/admin/v1/custom_referral_statuses',
      'https://api.firstpromoter.com/api/admin/v1/custom_referral_statuses/update',
    ]);
  });

  it('mints and revokes embedded-dashboard tokens on v2.firstpromoter.com', async () => {
    const { client, sent } = productionClient();
    const token = await mintDashboardToken(client, { promoter_id: 1482 });
    expect(token).toEqual({ access_token: expect.any(String), expires_in: expect.any(Number) });
    await revokeDashboardTokens(client, { cust_id: 'cus_PqR8s2Lk1Tz' });
    expect(sent).toEqual([
      'https://v2.firstpromoter.com/api/v2/promoters/iframe_login?promoter_id=1482',
      'https://v2.firstpromoter.com/api/v2/promoters/iframe_logout?cust_id=cus_PqR8s2Lk1Tz',
    ]);
  });

  it('keeps the company operations, the referral custom status among them, on /api/v2', async () => {
    const { client, sent } = productionClient();
    const referral = await unwrap(client.api.PUT('/company/referrals/{id}', { params: { path: { id: '14851' } }, body: { custom_status_id: 12 } }));
    expect(referral.custom_status?.id).toBeTypeOf('number');
    await unwrap(client.api.PUT('/company/referrals/{id}', { params: { path: { id: '14851' } }, body: { custom_status_id: null } }));
    expect(sent.every((url) => url.startsWith('https://api.firstpromoter.com/api/v2/company/referrals/'))).toBe(true);
  });
});

describe('the base URL check can fail', () => {
  it('Prism refuses a custom referral status sent to /api/v2 and a company call sent to /api/admin/v1', async () => {
    const { client } = productionClient();
    const wrongBase = await client.api.GET('/custom_referral_statuses', { baseUrl: API.baseUrl });
    expect(wrongBase.response.status).toBe(404);
    const company = await client.request('GET', '/company/campaigns', {});
    expect(company.response.status).toBe(200);
    // The same company route, tagged with the admin base by hand, is refused too.
    await recordingFetch()(`${inject('prism').v2}/company/campaigns?__server=${encodeURIComponent('https://api.firstpromoter.com/api/admin/v1')}`, {
      headers: { Authorization: `Bearer ${CANARY.apiKey}`, 'Account-ID': CANARY.accountId },
    });
    expect(violationMessages()).toEqual([
      expect.stringMatching(/server url https:\/\/api\.firstpromoter\.com\/api\/v2 hasn't been matched/),
      expect.stringMatching(/server url https:\/\/api\.firstpromoter\.com\/api\/admin\/v1 hasn't been matched/),
    ]);
  });
});
