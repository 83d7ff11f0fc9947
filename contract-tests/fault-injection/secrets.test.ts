// Secret hygiene end to end: clients built with the canary keys call the fake FirstPromoter, which is
// made to answer with promoter secrets in every shape (JSON error bodies, HTML pages, broken JSON, a 2xx
// page: canned answers) and to fail in every way (timeout, reset, redirect, refused). Every error, log
// event, inspected client and inspected request goes to the collector; none may contain a canary key or
// a promoter secret.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError, APIError, ConnectionError, createFirstPromoter, InternalServerError, NotFoundError, TimeoutError, unwrap,
  UnprocessableEntityError, ValidationError,
} from '../../src/index.js';
import { startFakeFirstPromoter, type FakeFirstPromoter, type Injection } from '../../src/testing.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { CANARY, CANARY_VALUES } from '../support/canary.js';
import { LeakCollector, PROMOTER_CANARY, SECRET_VALUES } from '../support/leak-scan.js';

const { authToken, passwordSetupUrl } = PROMOTER_CANARY;
const promoter = { id: 8, email: 'promoter@example.com', auth_token: authToken, password_setup_url: passwordSetupUrl };
const json = (status: number, body: unknown): Injection => ({ status, body });
const text = (status: number, type: string, body: string): Injection => ({ status, body, headers: { 'content-type': type } });

/** The hostile answers, as canned answers of the fake (the real fake answers the rest). */
const ANSWERS = {
  promoter: json(200, promoter),
  json_422: json(422, { message: 'Email is taken', errors: { email: ['taken'] }, promoter }),
  html_500: text(500, 'text/html', `<html><body>Error for auth_token=${authToken}<br>password_setup_url: ${passwordSetupUrl}</body></html>`),
  broken_json_404: text(404, 'application/json', `{"message":"Not found","promoter":{"auth_token":"${authToken}","password_setup_url":"${passwordSetupUrl}"`),
  html_200: text(200, 'text/html', `<html>Welcome back! auth_token=${authToken}</html>`),
  redirect: { status: 302, headers: { location: `http://127.0.0.1:9/steal?auth_token=${authToken}` } },
  slow: 'slow_headers',
  reset: 'reset_before',
} satisfies Record<string, Injection>;

const leaks = new LeakCollector();
let fake: FakeFirstPromoter;

beforeAll(async () => {
  fake = await startFakeFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, v1ApiKey: CANARY.v1ApiKey, slowMs: 1_000, referrals: [{ email: 'a@example.com' }] });
});

afterAll(async () => {
  await fake?.close();
});

function clients() {
  const common = { timeoutMs: 100, maxRetries: 1, backoff: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 }, logger: leaks.logger };
  const v2 = createFirstPromoter({ ...common, apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: fake.v2BaseUrl });
  const v1 = createFirstPromoterV1({ ...common, apiKey: CANARY.v1ApiKey, baseUrl: fake.v1BaseUrl });
  // Every light request the transport sees, to be printed the ways a debugging user would print it.
  const capture = { onRequest: ({ request }: { request: unknown }) => void leaks.object('LiteRequest', request) };
  v2.api.use(capture);
  v1.api.use(capture);
  return { v1, v2 };
}

/** Runs `call` with `answer` for both of its attempts (the clients retry once), and collects its error. */
async function failure(answer: keyof typeof ANSWERS | 'real', call: () => Promise<unknown>): Promise<unknown> {
  if (answer !== 'real') fake.faults.next(2, ANSWERS[answer]);
  const error = await call().then(() => undefined, (e: unknown) => e);
  fake.faults.clear();
  leaks.error(answer, error);
  return error;
}

describe('secrets never leave through errors, logs or printed objects', () => {
  it('keeps promoter secrets and keys out of every error, while the errors stay useful', async () => {
    const { v1, v2 } = clients();
    leaks.object('v2 client before', v2);
    leaks.object('v1 client before', v1);
    const byToken = { params: { path: { id: authToken }, query: { find_by: 'auth_token' as const } } };

    fake.faults.next(1, ANSWERS.promoter);
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

    // The fake's own answers: a sale of the referred customer, then its replay.
    leaks.object('tracked outcome', await v2.track.sale({ email: 'a@example.com', event_id: 'in_9', amount: 100 }));
    const duplicate = await v2.track.sale({ email: 'a@example.com', event_id: 'in_9', amount: 100 });
    expect(duplicate.outcome).toBe('duplicate');
    leaks.object('duplicate outcome', duplicate);

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
    const seen = fake.requests.map((r) => r.headers);
    expect(seen.some((h) => h.authorization === `Bearer ${CANARY.apiKey}` && h['account-id'] === CANARY.accountId)).toBe(true);
    expect(seen.some((h) => h['x-api-key'] === CANARY.v1ApiKey)).toBe(true);
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
    // Off the printed forms: a cause that hides itself from util.inspect, found by walking the chain.
    const hiding = Object.assign(new Error('quiet'), { [Symbol.for('nodejs.util.inspect.custom')]: () => 'nothing here' });
    probe.error('walked', new Error('outer', { cause: Object.assign(hiding, { cause: new Error(`deep ${CANARY.apiKey}`) }) }));
    const labels = new Set(probe.hits().map((hit) => hit.label.split(' ')[0]));
    expect([...labels].sort()).toEqual(['cause', 'deep', 'hidden', 'log', 'message', 'walked']);
    expect(probe.hits().filter((hit) => hit.label.startsWith('walked')).map((hit) => hit.label)).toEqual(
      expect.arrayContaining(['walked cause 2 message', 'walked log service']),
    );
    expect(SECRET_VALUES).toEqual(expect.arrayContaining([...CANARY_VALUES, authToken]));
  });
});
