// The transport as users get it: inside the real clients with their `fetch` option (tracking outcomes
// after retries, raw calls with callOptions, bodies that are not what they claim), and the loop with
// the fetch adapter over a real loopback socket (the timeout covers the body, a cut body is retried,
// a redirect is refused before the other host is contacted, a refused connection is retried).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIError, ConnectionError, InternalServerError, RedirectError, TimeoutError } from '../core/errors.js';
import { callOptions } from '../core/request-options.js';
import { unwrap } from '../core/unwrap.js';
import { createFirstPromoter } from '../index.js';
import { createFirstPromoterV1 } from '../v1.js';
import { closedPort, startLoopbackServer, type LoopbackServer } from './adapters/loopback-server.js';
import { LiteRequest } from './lite-request.js';
import { FAST, rejection, type Step } from './scripted-adapter.js';
import { createTransport } from './transport.js';

const V2 = 'https://api.example.test/api/v2';
const fetchReset = () => new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });

/** A fetch that plays `steps` in order (the last one repeats) and records what it was sent. */
function scriptedFetch(...steps: Step[]) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), init: init ?? {} });
    const step = steps[Math.min(calls.length, steps.length) - 1] as Step;
    if (step === 'hang') return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    if (step instanceof Error) throw step;
    const { status, body, headers } = typeof step === 'number' ? { status: step, body: `{"status":${step}}`, headers: {} } : step;
    return new Response(body ?? null, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('inside the clients', () => {
  it('resends a sale after a reset and reads the 409 that follows as duplicate (v2 and v1)', async () => {
    const duplicate = { status: 409, body: '{"message":"The \'sale\' event with the id \'in_7\' already exists."}' };
    const v2 = scriptedFetch(fetchReset(), 500, duplicate);
    const v2Client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch: v2.fetch, backoff: FAST, baseUrl: V2 });
    expect(await v2Client.track.sale({ email: 'a@example.com', event_id: 'in_7', amount: 100 })).toMatchObject({ outcome: 'duplicate', status: 409, attempts: 3 });
    const v1 = scriptedFetch(fetchReset(), duplicate);
    const v1Client = createFirstPromoterV1({ apiKey: 'k', fetch: v1.fetch, backoff: FAST, baseUrl: 'https://api.example.test/api/v1' });
    expect(await v1Client.track.sale({ uid: 'cus_7', event_id: 'in_7', amount: 100 })).toMatchObject({ outcome: 'duplicate', attempts: 2 });
    expect([...v2.calls, ...v1.calls].map((c) => c.init.body)).toEqual([
      ...Array(3).fill('{"email":"a@example.com","event_id":"in_7","amount":100}'),
      ...Array(2).fill('uid=cus_7&event_id=in_7&amount=100'),
    ]);
    expect(v2.calls.every((c) => c.init.redirect === 'manual' && new Headers(c.init.headers).get('account-id') === 'a')).toBe(true);
  });

  it('still retries a tracking POST that timed out, since event_id makes it safe', async () => {
    const { fetch, calls } = scriptedFetch('hang', 200);
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, backoff: FAST, timeoutMs: 20, baseUrl: V2 });
    const outcome = await client.track.sale({ email: 'a@example.com', event_id: 'in_8', amount: 100 }).catch((e: unknown) => e);
    expect(calls).toHaveLength(2);
    expect(outcome).toMatchObject({ status: 200, attempts: 2 });
  });

  it('reaches raw client.api calls through callOptions()', async () => {
    const { fetch, calls } = scriptedFetch(503, 201);
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, backoff: FAST, baseUrl: V2 });
    const created = await client.api.POST('/company/promoters', { body: { email: 'a@example.com', always_approve: true }, ...callOptions({ idempotent: true }) });
    expect(created.response.status).toBe(201);
    expect(calls).toHaveLength(2);
    const plain = scriptedFetch(503, 201);
    const direct = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch: plain.fetch, backoff: FAST, baseUrl: V2 });
    expect((await direct.api.POST('/company/promoters', { body: { email: 'a@example.com', always_approve: true } })).response.status).toBe(503);
    expect(plain.calls).toHaveLength(1);
  });

  const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';

  it('parses an HTML 502 page from a proxy as text into the typed error', async () => {
    const { fetch, calls } = scriptedFetch({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, backoff: FAST, baseUrl: V2 });
    const error = await rejection(unwrap(client.api.GET('/company/promoters/{id}', { params: { path: { id: '42' } } })));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, method: 'GET', path: '/company/promoters/{id}', body: html, attempts: 3 });
    expect((error as Error).message).toMatch(/answered 502 to GET \/company\/promoters\/\{id\}: <!DOCTYPE html>.*retry later/);
    expect(calls).toHaveLength(3);
  });

  it('turns a 2xx body that is not JSON into a typed APIError, not a SyntaxError', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: html, headers: { 'content-type': 'text/html' } });
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, baseUrl: V2 });
    const error = await rejection(client.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, path: '/track/sale', body: html });
    expect((error as Error).message).toMatch(/not the JSON .* same event_id/);
  });

  it('answers an empty 2xx body as no data, without a parse error', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: '' });
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, baseUrl: V2 });
    const result = await client.api.GET('/company/promoters/{id}', { params: { path: { id: '1' } } });
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(200);
  });
});

describe('the loop and the fetch adapter over a real socket', () => {
  let server: LoopbackServer;
  let elsewhere: LoopbackServer;

  beforeAll(async () => {
    elsewhere = await startLoopbackServer({ '/steal': (_req, res) => res.end('{}') });
    server = await startLoopbackServer({
      '/slow-body': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' }).flushHeaders();
        const timer = setTimeout(() => res.end('{}'), 2_000);
        res.on('close', () => clearTimeout(timer));
      },
      '/truncated': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"id":');
        setTimeout(() => req.socket.destroy(), 5);
      },
      '/redirect': (_req, res) => res.writeHead(302, { location: elsewhere.url('/steal') }).end(),
    });
  });

  afterAll(async () => {
    await Promise.all([server?.close(), elsewhere?.close()]);
  });

  const send = (path: string, { method = 'GET', url = server.url(path), maxRetries = 2, timeoutMs = 1_000 } = {}) => {
    const lite = new LiteRequest(url, { method, body: method === 'GET' ? undefined : '{}', headers: { 'X-API-KEY': 'key_must_stay_home' } });
    lite.schemaPath = path;
    return createTransport({ maxRetries, timeoutMs, backoff: FAST })(lite);
  };

  it('times out a body that arrives too slowly, retrying it once', async () => {
    const error = await rejection(send('/slow-body', { maxRetries: 1, timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.hits('/slow-body')).toBe(2);
  });

  it('retries a body cut short of its Content-Length, then reports a ConnectionError', async () => {
    const error = await rejection(send('/truncated', { maxRetries: 1 }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(server.hits('/truncated')).toBe(2);
  });

  it('refuses a redirect with a clear error and never contacts the other host', async () => {
    const error = await rejection(send('/redirect'));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ method: 'GET', status: 302 });
    expect((error as Error).message).toMatch(/redirected GET \/redirect \(302\); the client does not follow redirects.*Check baseUrl/);
    expect([server.hits('/redirect'), elsewhere.hits('/steal')]).toEqual([1, 0]);
  });

  it('retries a refused connection even for a POST, then reports it', async () => {
    const error = await rejection(send('/track/sale', { method: 'POST', url: `http://127.0.0.1:${await closedPort()}/track/sale` }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 3 });
    expect((error as Error).message).toMatch(/\(connection failed: ECONNREFUSED\)\. Nothing reached FirstPromoter/);
  });
});
