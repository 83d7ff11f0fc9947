// Secret hygiene end to end: clients built with the canary keys call a local server that answers with
// promoter secrets in every shape (JSON error bodies, HTML pages, broken JSON, a 2xx page) and fails in
// every way (timeout, reset, redirect, refused). Every error, log event, inspected client and inspected
// request goes to the collector; none may contain a canary key or a promoter secret.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError, APIError, ConnectionError, createFirstPromoter, InternalServerError, NotFoundError, TimeoutError, unwrap,
  UnprocessableEntityError, ValidationError,
} from '../../src/index.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { CANARY, CANARY_VALUES } from '../support/canary.js';
import { LeakCollector, PROMOTER_CANARY, SECRET_VALUES } from '../support/leak-scan.js';

const { authToken, passwordSetupUrl } = PROMOTER_CANARY;
const promoter = { id: 8, email: 'promoter@example.com', auth_token: authToken, password_setup_url: passwordSetupUrl };

type Scenario = 'promoter' | 'json_422' | 'html_500' | 'broken_json_404' | 'html_200' | 'redirect' | 'slow' | 'reset' | 'duplicate';

const leaks = new LeakCollector();
const seenHeaders: IncomingHttpHeaders[] = [];
let scenario: Scenario = 'promoter';
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seenHeaders.push(req.headers);
    req.resume();
    const reply = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    switch (scenario) {
      case 'promoter': return reply(200, 'application/json', JSON.stringify(promoter));
      case 'json_422': return reply(422, 'application/json', JSON.stringify({ message: 'Email is taken', errors: { email: ['taken'] }, promoter }));
      case 'html_500': return reply(500, 'text/html', `<html><body>Error for auth_token=${authToken}<br>password_setup_url: ${passwordSetupUrl}</body></html>`);
      case 'broken_json_404': return reply(404, 'application/json', `{"message":"Not found","promoter":{"auth_token":"${authToken}","password_setup_url":"${passwordSetupUrl}"`);
      case 'html_200': return reply(200, 'text/html', `<html>Welcome back! auth_token=${authToken}</html>`);
      case 'redirect': return res.writeHead(302, { location: `http://127.0.0.1:9/steal?auth_token=${authToken}` }).end();
      case 'slow': return void setTimeout(() => res.destroyed || reply(200, 'application/json', '{}'), 1_000);
      case 'reset': return void req.socket.destroy();
      case 'duplicate': return reply(409, 'application/json', JSON.stringify({ message: "The 'sale' event with the id 'in_9' already exists." }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function clients() {
  const common = { timeoutMs: 100, maxRetries: 1, backoff: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 }, logger: leaks.logger };
  const v2 = createFirstPromoter({ ...common, apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: `${url}/api/v2` });
  const v1 = createFirstPromoterV1({ ...common, apiKey: CANARY.v1ApiKey, baseUrl: `${url}/api/v1` });
  // Every light request the transport sees, to be printed the ways a debugging user would print it.
  const capture = { onRequest: ({ request }: { request: unknown }) => void leaks.object('LiteRequest', request) };
  v2.api.use(capture);
  v1.api.use(capture);
  return { v1, v2 };
}

async function failure(next: Scenario, call: () => Promise<unknown>): Promise<unknown> {
  scenario = next;
  const error = await call().then(() => undefined, (e: unknown) => e);
  leaks.error(next, error);
  return error;
}

describe('secrets never leave through errors, logs or printed objects', () => {
  it('keeps promoter secrets and keys out of every error, while the errors stay useful', async () => {
    const { v1, v2 } = clients();
    leaks.object('v2 client before', v2);
    leaks.object('v1 client before', v1);
    const byToken = { params: { path: { id: authToken }, query: { find_by: 'auth_token' as const } } };

    scenario = 'promoter';
    const found = await unwrap(v2.api.GET('/company/promoters/{id}', byToken));
    expect(found).toMatchObject({ auth_token: authToken }); // data is the caller's own: returned untouched

    const invalid = await failure('json_422', () => unwrap(v2.api.PUT('/company/promoters/{id}', {
      params: { path: { id: authToken } },
      body: { email: 'x@example.com', find_by: 'auth_token' },
    })));
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect((invalid as APIError).body).toMatchObject({ message: 'Email is taken', promoter: { auth_token: '[redacted]', password_setup_url: '[redacted]' } });
    expect((invalid as APIError).path).toBe('/company/promoters/{id}');

    const crashed = await failure('html_500', () => unwrap(v2.api.POST('/company/promoters', { body: { email: 'x@example.com', always_approve: true } })));
    expect(crashed).toBeInstanceOf(InternalServerError);
    expect((crashed as APIError).body).toMatch(/^<html><body>Error for auth_token=\[redacted\]/);

    const missing = await failure('broken_json_404', () => unwrap(v1.api.GET('/promoters/show', { params: { query: { auth_token: authToken } } })));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as APIError).message).toContain('FirstPromoter answered 404 to GET /promoters/show');

    expect(await failure('html_200', () => v2.track.sale({ email: 'a@example.com', event_id: 'in_9', amount: 100 }))).toBeInstanceOf(APIError);
    expect(await failure('slow', () => unwrap(v1.api.GET('/promoters/show', { params: { query: { auth_token: authToken } } })))).toBeInstanceOf(TimeoutError);
    expect(await failure('reset', () => unwrap(v2.api.GET('/company/promoters/{id}', byToken)))).toBeInstanceOf(ConnectionError);
    const redirected = await failure('redirect', () => v1.track.sale({ uid: 'cus_9', event_id: 'in_9', amount: 100 }));
    expect((redirected as Error).message).toMatch(/does not follow redirects/);

    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    expect(await failure('promoter', () => v2.api.GET('/company/promoters/{id}', { ...byToken, signal: controller.signal }))).toBeInstanceOf(AbortError);

    scenario = 'duplicate';
    leaks.object('duplicate outcome', await v2.track.sale({ email: 'a@example.com', event_id: 'in_9', amount: 100 }));

    // The raw escape hatch, with the token written into the path: the error and the log name a template.
    const raw = await failure('json_422', () => v2.request('PUT', `/company/promoters/${authToken}`, { body: { find_by: 'auth_token' } }));
    expect(raw).toBeInstanceOf(UnprocessableEntityError);
    expect((raw as APIError).path).toBe('/company/promoters/{id}');
    expect(await failure('html_500', () => v2.request('GET', '/company/things', { query: { auth_token: authToken } }))).toBeInstanceOf(InternalServerError);

    leaks.object('v2 client after', v2);
    leaks.object('v1 client after', v1);
    leaks.object('v2 api', v2.api);
    expect(Object.keys(v2)).toEqual(['api', 'track', 'request']);
  });

  it('keeps them out of connection failures and construction errors too', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refusedClient = createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: `http://127.0.0.1:${port}/api/v2`, maxRetries: 0, logger: leaks.logger });
    const refused = await refusedClient.api.GET('/company/promoters/{id}', { params: { path: { id: authToken } } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectionError);
    leaks.error('refused', refused);

    for (const options of [{ apiKey: `${CANARY.apiKey} `, accountId: CANARY.accountId }, { apiKey: CANARY.apiKey, accountId: `\t${CANARY.accountId}` }]) {
      const error = (() => {
        try {
          return createFirstPromoter(options);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      leaks.error('construction', error);
    }
  });

  it('sent the canary keys, so the scan looks for values that were really in play', () => {
    expect(seenHeaders.some((h) => h.authorization === `Bearer ${CANARY.apiKey}` && h['account-id'] === CANARY.accountId)).toBe(true);
    expect(seenHeaders.some((h) => h['x-api-key'] === CANARY.v1ApiKey)).toBe(true);
  });

  it('finds no canary and no promoter secret in anything collected', () => {
    expect(leaks.size).toBeGreaterThan(30);
    expect(leaks.hits()).toEqual([]);
  });
});

describe('the collector itself', () => {
  it('finds a secret in a message, a cause chain, a nested object, a log line or inspected output', () => {
    const probe = new LeakCollector();
    probe.error('message', new Error(`key ${CANARY.apiKey}`));
    probe.error('cause', new Error('outer', { cause: new Error('inner', { cause: { headers: { 'account-id': CANARY.accountId } } }) }));
    probe.object('deep', { a: { b: { c: { d: { e: { f: [CANARY.v1ApiKey] } } } } } });
    probe.object('hidden', Object.defineProperty({}, 'token', { value: authToken, enumerable: false }));
    probe.text('log line', `GET /promoters/show?${new URLSearchParams({ password_setup_url: passwordSetupUrl })}`);
    const labels = new Set(probe.hits().map((hit) => hit.label.split(' ')[0]));
    expect([...labels].sort()).toEqual(['cause', 'deep', 'hidden', 'log', 'message']);
    expect(SECRET_VALUES).toEqual(expect.arrayContaining([...CANARY_VALUES, authToken]));
  });
});
