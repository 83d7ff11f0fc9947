// Secret hygiene of the affiliate client, end to end: clients built with the canary access token (a
// fixed one, and a token function that hands out a second canary on refresh) call a local server that
// refuses tokens, echoes promoter secrets and new passwords in error bodies and pages, and fails in
// transit. Every error, log event, inspected client and inspected request goes to the collector; none
// may contain a token, the Account-ID, a password or a promoter secret.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError, ConnectionError, createFirstPromoterAffiliate, InternalServerError, TimeoutError, UnprocessableEntityError,
  unwrap, ValidationError, type APIError, type FirstPromoterAffiliateOptions,
} from '../../src/affiliate.js';
import { AFFILIATE_CANARY } from '../affiliate/clients.js';
import { LeakCollector, PROMOTER_CANARY, SECRET_VALUES } from '../support/leak-scan.js';

const REFRESHED = 'fp_canary_affiliate_refreshed_6a41e9';
const PASSWORD = 'pw_canary_4be1d07c';
const SECRETS = [...SECRET_VALUES, REFRESHED, PASSWORD];
const { authToken, passwordSetupUrl } = PROMOTER_CANARY;
const promoter = { id: 8262622, email: 'maria.lopez@example.com', auth_token: authToken, password_setup_url: passwordSetupUrl };

type Scenario = 'refuse_first' | 'refuse_all' | 'echo_422' | 'html_500' | 'redirect' | 'slow' | 'reset';

const leaks = new LeakCollector();
const seenHeaders: IncomingHttpHeaders[] = [];
let scenario: Scenario = 'refuse_first';
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seenHeaders.push(req.headers);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const reply = (status: number, type: string, text: string) => res.writeHead(status, { 'content-type': type }).end(text);
      switch (scenario) {
        case 'refuse_first':
          return req.headers.authorization === `Bearer ${REFRESHED}` ? reply(200, 'application/json', JSON.stringify(promoter)) : res.writeHead(401).end();
        case 'refuse_all': return reply(401, 'application/json', JSON.stringify({ message: 'Your session has expired', code: 'unauthorized', access_token: req.headers.authorization?.slice(7) }));
        case 'echo_422': return reply(422, 'application/json', JSON.stringify({ message: 'Passwords do not match', params: JSON.parse(body || '{}'), promoter }));
        case 'html_500': return reply(500, 'text/html', `<html>Error: user[new_password]=${PASSWORD}&auth_token=${authToken}</html>`);
        case 'redirect': return res.writeHead(302, { location: `http://127.0.0.1:9/steal?access_token=${REFRESHED}` }).end();
        case 'slow': return void setTimeout(() => res.destroyed || reply(200, 'application/json', '{}'), 1_000);
        case 'reset': return void req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/affiliate`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(options: Partial<FirstPromoterAffiliateOptions> = {}) {
  const affiliate = createFirstPromoterAffiliate({
    ...AFFILIATE_CANARY, baseUrl: url, timeoutMs: 100, maxRetries: 1,
    backoff: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 }, logger: leaks.logger, ...options,
  });
  affiliate.api.use({ onRequest: ({ request }) => void leaks.object('LiteRequest', request) });
  return affiliate;
}

async function failure(next: Scenario, call: () => Promise<unknown>): Promise<unknown> {
  scenario = next;
  const error = await call().then(() => undefined, (e: unknown) => e);
  leaks.error(next, error);
  return error;
}

describe('affiliate secrets never leave through errors, logs or printed objects', () => {
  it('keeps the access tokens, the Account-ID, passwords and promoter secrets out of every failure', async () => {
    const fixed = client();
    const refreshing = client({ accessToken: async ({ refresh }) => (refresh ? REFRESHED : AFFILIATE_CANARY.accessToken) });
    leaks.object('fixed client', fixed);
    leaks.object('refreshing client', refreshing);

    scenario = 'refuse_first';
    const current = await unwrap(refreshing.api.GET('/promoters/current'));
    expect(current).toMatchObject({ auth_token: authToken }); // the caller's own data comes back untouched

    expect(await failure('refuse_first', () => unwrap(fixed.api.GET('/promoters/current')))).toBeInstanceOf(AuthenticationError);
    const refusedTwice = client({ accessToken: async ({ refresh }) => (refresh ? REFRESHED : AFFILIATE_CANARY.accessToken) });
    const refused = await failure('refuse_all', () => unwrap(refusedTwice.api.GET('/commissions')));
    expect((refused as Error).message).toMatch(/retried once; that token was refused too\.$/);
    expect((refused as APIError).body).toMatchObject({ access_token: '[redacted]' });
    const unchanged = await failure('refuse_all', () => unwrap(client({ accessToken: () => REFRESHED }).api.GET('/commissions')));
    expect((unchanged as Error).message).toMatch(/returned the same token/);

    const mismatch = await failure('echo_422', () => unwrap(refreshing.api.PUT('/promoters/set_password', {
      body: { id: 'ZW5jcnlwdGVk', user: { new_password: PASSWORD, new_password_confirmation: `${PASSWORD}x` } },
    })));
    expect(mismatch).toBeInstanceOf(UnprocessableEntityError);
    expect((mismatch as APIError).body).toMatchObject({ params: { user: { new_password: '[redacted]', new_password_confirmation: '[redacted]' } }, promoter: { auth_token: '[redacted]' } });

    const crashed = await failure('html_500', () => unwrap(refreshing.api.GET('/payouts/due_stats')));
    expect(crashed).toBeInstanceOf(InternalServerError);
    expect((crashed as APIError).body).toBe('<html>Error: user[new_password]=[redacted]&auth_token=[redacted]</html>');

    expect(((await failure('redirect', () => unwrap(refreshing.api.GET('/campaigns')))) as Error).message).toMatch(/does not follow redirects/);
    expect(await failure('slow', () => unwrap(refreshing.api.GET('/campaigns')))).toBeInstanceOf(TimeoutError);
    expect(await failure('reset', () => unwrap(refreshing.api.GET('/campaigns')))).toBeInstanceOf(ConnectionError);

    leaks.object('fixed client after', fixed);
    leaks.object('refreshing client after', refreshing);
    leaks.object('refreshing api', refreshing.api);
    expect(Object.keys(refreshing)).toEqual(['api']);
  });

  it('keeps them out of construction errors', () => {
    for (const options of [{ accessToken: `${AFFILIATE_CANARY.accessToken} ` }, { accountId: `\t${AFFILIATE_CANARY.accountId}` }]) {
      let error: unknown;
      try {
        client(options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      leaks.error('construction', error);
    }
  });

  it('sent the canaries, fixed and refreshed, so the scan looks for values that were really in play', () => {
    const sent = seenHeaders.map((headers) => [headers.authorization, headers['account-id']]);
    expect(sent).toContainEqual([`Bearer ${AFFILIATE_CANARY.accessToken}`, AFFILIATE_CANARY.accountId]);
    expect(sent).toContainEqual([`Bearer ${REFRESHED}`, AFFILIATE_CANARY.accountId]);
  });

  it('finds no token, Account-ID, password or promoter secret in anything collected', () => {
    expect(leaks.size).toBeGreaterThan(20);
    expect(leaks.hits(SECRETS)).toEqual([]);
  });
});
