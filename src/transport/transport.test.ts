// The transport's contract, attempt by attempt: what is retried (per status, per idempotency, per
// call), how long it waits, when it gives up and with which typed error. Most cases use a scripted
// fetch; timeouts of a slow body, truncated bodies and redirects use a real loopback server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, APIError, ConnectionError, InternalServerError, RedirectError, TimeoutError, ValidationError } from '../core/errors.js';
import { unwrap } from '../core/unwrap.js';
import { createFirstPromoter } from '../index.js';
import { createFirstPromoterV1 } from '../v1.js';
import type { LogEvent } from '../core/options.js';
import { CALL_OPTIONS, callOptions, type RequestOptions } from '../core/request-options.js';
import { createRateLimiter } from '../internal/rate-limiter.js';
import { responseInfo } from '../internal/response-info.js';
import { LiteRequest } from './lite-request.js';
import { createTransport, type TransportSettings } from './transport.js';

type Step = number | { status: number; body?: string; headers?: Record<string, string> } | Error | 'hang';

const FAST = { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 50 };

function connectionError(code = 'ECONNRESET'): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`read ${code}`), { code }) });
}

/** A fetch that plays `steps` in order (the last one repeats) and records what it was sent. */
function scripted(...steps: Step[]) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), init: init ?? {} });
    const step = steps[Math.min(calls.length, steps.length) - 1] as Step;
    if (step === 'hang') {
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }
    if (step instanceof Error) throw step;
    const { status, body, headers } = typeof step === 'number' ? { status: step, body: `{"status":${step}}`, headers: {} } : step;
    return new Response(body ?? null, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function transport(fetch: typeof globalThis.fetch, options: Partial<TransportSettings> = {}) {
  const events: LogEvent[] = [];
  const send = createTransport({ fetch, maxRetries: 2, timeoutMs: 1_000, backoff: FAST, logger: (e) => events.push(e), ...options });
  return { send, events };
}

function request(method: string, call?: RequestOptions, signal?: AbortSignal): LiteRequest {
  const lite = new LiteRequest('https://api.example.test/api/v2/company/promoters/42?find_by=auth_token', {
    method,
    body: method === 'GET' ? undefined : '{"email":"jane@example.com"}',
    headers: { Authorization: 'Bearer sk_live_transport_test', 'Account-ID': 'acct_transport_test' },
    ...(signal ? { signal } : {}),
    ...(call ? { [CALL_OPTIONS]: call } : {}),
  });
  lite.schemaPath = '/company/promoters/{id}';
  return lite;
}

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('retry matrix', () => {
  // attempts made with maxRetries 2: GET (idempotent), POST (not), POST marked idempotent per call
  it.each([
    [408, 3, 3, 3],
    [429, 3, 3, 3],
    [500, 3, 1, 3],
    [502, 3, 1, 3],
    [503, 3, 1, 3],
    [504, 3, 1, 3],
    [400, 1, 1, 1],
    [401, 1, 1, 1],
    [403, 1, 1, 1],
    [404, 1, 1, 1],
    [409, 1, 1, 1],
    [422, 1, 1, 1],
    [200, 1, 1, 1],
    [201, 1, 1, 1],
  ])('status %i: GET %i attempts, POST %i, idempotent POST %i', async (status, get, post, idempotentPost) => {
    for (const [method, call, expected] of [['GET', undefined, get], ['POST', undefined, post], ['POST', { idempotent: true }, idempotentPost]] as const) {
      const { fetch, calls } = scripted(status);
      const response = await transport(fetch).send(request(method, call));
      expect(response.status).toBe(status);
      expect(calls, `${method} ${JSON.stringify(call)}`).toHaveLength(expected);
      expect(responseInfo(response)).toEqual({ method, path: '/company/promoters/{id}', attempts: expected });
    }
  });

  it('treats PATCH like POST, and PUT and DELETE like GET', async () => {
    for (const [method, expected] of [['PATCH', 1], ['PUT', 3], ['DELETE', 3]] as const) {
      const { fetch, calls } = scripted(503);
      await transport(fetch).send(request(method));
      expect(calls, method).toHaveLength(expected);
    }
  });

  it('stops at the first answer that is not retryable and resends the same body every time', async () => {
    const { fetch, calls } = scripted(503, connectionError(), 200);
    const response = await transport(fetch).send(request('POST', { idempotent: true }));
    expect(response.status).toBe(200);
    expect(responseInfo(response)?.attempts).toBe(3);
    expect(calls.map((c) => c.init.body)).toEqual(Array(3).fill('{"email":"jane@example.com"}'));
    expect(calls.every((c) => new Headers(c.init.headers).get('account-id') === 'acct_transport_test')).toBe(true);
  });

  it('retries connection errors of idempotent calls, then throws a ConnectionError that says what to do', async () => {
    const { fetch, calls } = scripted(connectionError());
    const error = await rejection(transport(fetch).send(request('GET')));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: 'GET', path: '/company/promoters/{id}', attempts: 3 });
    expect((error as Error).message).toMatch(/GET \/company\/promoters\/\{id\} failed in transit on 3 attempt\(s\) \(fetch failed: ECONNRESET\)\. .*sending it again is safe/);
    expect(calls).toHaveLength(3);
  });

  it('does not resend a POST that may have reached the server, unless the caller opts in', async () => {
    const reset = scripted(connectionError('ECONNRESET'));
    const error = await rejection(transport(reset.fetch).send(request('POST')));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/check before sending it again, or pass idempotent: true/);
    expect(reset.calls).toHaveLength(1);

    const perClient = scripted(connectionError('ECONNRESET'), 500, 201);
    const response = await transport(perClient.fetch, { retryNonIdempotent: true }).send(request('POST'));
    expect(response.status).toBe(201);
    expect(perClient.calls).toHaveLength(3);

    const optedOut = scripted(500);
    await transport(optedOut.fetch, { retryNonIdempotent: true }).send(request('POST', { idempotent: false }));
    expect(optedOut.calls).toHaveLength(1);
  });

  it('resends even a POST when the connection was never made', async () => {
    const { fetch, calls } = scripted(connectionError('ECONNREFUSED'), connectionError('ENOTFOUND'), 201);
    expect((await transport(fetch).send(request('POST'))).status).toBe(201);
    expect(calls).toHaveLength(3);
    const refused = scripted(connectionError('ECONNREFUSED'));
    const error = await rejection(transport(refused.fetch).send(request('POST')));
    expect((error as Error).message).toMatch(/Nothing reached FirstPromoter: check baseUrl/);
  });
});

describe('tracking calls after retries', () => {
  it('resends a sale after a reset and reads the 409 that follows as duplicate (v2 and v1)', async () => {
    const duplicate = { status: 409, body: '{"message":"The \'sale\' event with the id \'in_7\' already exists."}' };
    const v2 = scripted(connectionError(), 500, duplicate);
    const v2Client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch: v2.fetch, backoff: FAST, baseUrl: 'https://api.example.test/api/v2' });
    expect(await v2Client.track.sale({ email: 'a@example.com', event_id: 'in_7', amount: 100 })).toMatchObject({ outcome: 'duplicate', status: 409, attempts: 3 });
    const v1 = scripted(connectionError(), duplicate);
    const v1Client = createFirstPromoterV1({ apiKey: 'k', fetch: v1.fetch, backoff: FAST, baseUrl: 'https://api.example.test/api/v1' });
    expect(await v1Client.track.sale({ uid: 'cus_7', event_id: 'in_7', amount: 100 })).toMatchObject({ outcome: 'duplicate', attempts: 2 });
    expect([...v2.calls, ...v1.calls].map((c) => c.init.body)).toEqual([
      ...Array(3).fill('{"email":"a@example.com","event_id":"in_7","amount":100}'),
      ...Array(2).fill('uid=cus_7&event_id=in_7&amount=100'),
    ]);
  });

  it('still retries a tracking POST that timed out, since event_id makes it safe', async () => {
    const { fetch, calls } = scripted('hang', 200);
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, backoff: FAST, timeoutMs: 20, baseUrl: 'https://api.example.test/api/v2' });
    const outcome = await client.track.sale({ email: 'a@example.com', event_id: 'in_8', amount: 100 }).catch((e: unknown) => e);
    expect(calls).toHaveLength(2);
    expect(outcome).toMatchObject({ status: 200, attempts: 2 });
  });
});

describe('per-call overrides', () => {
  it('takes maxRetries and timeoutMs from the call over the client', async () => {
    const none = scripted(503);
    await transport(none.fetch).send(request('GET', { maxRetries: 0 }));
    expect(none.calls).toHaveLength(1);
    const more = scripted(503);
    await transport(more.fetch).send(request('GET', { maxRetries: 5 }));
    expect(more.calls).toHaveLength(6);
    const slow = scripted('hang');
    const error = await rejection(transport(slow.fetch, { timeoutMs: 60_000 }).send(request('GET', { maxRetries: 0, timeoutMs: 20 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('within 20 ms');
  });

  it('lets a GET be marked not idempotent', async () => {
    const { fetch, calls } = scripted(503);
    await transport(fetch).send(request('GET', { idempotent: false }));
    expect(calls).toHaveLength(1);
  });

  it.each([
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ maxRetries: Number.NaN }, 'maxRetries'],
    [{ maxRetries: 11 }, 'maxRetries'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ idempotent: 'yes' }, 'idempotent'],
  ])('refuses %j with a ValidationError before sending', async (call, field) => {
    const { fetch, calls } = scripted(200);
    const error = await rejection(transport(fetch).send(request('GET', call as RequestOptions)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(calls).toHaveLength(0);
    expect(() => callOptions(call as RequestOptions)).toThrow(ValidationError);
  });

  it('reaches raw client.api calls through callOptions()', async () => {
    const { fetch, calls } = scripted(503, 201);
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, backoff: FAST, baseUrl: 'https://api.example.test/api/v2' });
    const created = await client.api.POST('/company/promoters', { body: { email: 'a@example.com', always_approve: true }, ...callOptions({ idempotent: true }) });
    expect(created.response.status).toBe(201);
    expect(calls).toHaveLength(2);
    const plain = scripted(503, 201);
    const direct = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch: plain.fetch, backoff: FAST, baseUrl: 'https://api.example.test/api/v2' });
    expect((await direct.api.POST('/company/promoters', { body: { email: 'a@example.com', always_approve: true } })).response.status).toBe(503);
    expect(plain.calls).toHaveLength(1);
  });
});

describe('waiting between attempts', () => {
  it('follows Retry-After in seconds, capped by maxRetryAfterMs', async () => {
    for (const [header, expected] of [['0.03', 30], ['120', 50], ['0', 0]] as const) {
      const { fetch } = scripted({ status: 429, headers: { 'retry-after': header } }, 200);
      const { send, events } = transport(fetch);
      const started = performance.now();
      await send(request('POST'));
      expect(events.find((e) => e.type === 'retry'), header).toMatchObject({ status: 429, delayMs: expected });
      expect(performance.now() - started).toBeGreaterThanOrEqual(expected - 5);
    }
  });

  it('follows Retry-After as an HTTP date, capped; falls back to backoff when unusable', async () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const past = new Date(Date.now() - 60_000).toUTCString();
    for (const [header, low, high] of [[inAMinute, 50, 50], [past, 0, 0], ['soon', 1, 2], ['-5', 1, 2]] as const) {
      const { fetch } = scripted({ status: 503, headers: { 'retry-after': header } }, 200);
      const { send, events } = transport(fetch);
      await send(request('GET'));
      const delay = events.find((e) => e.type === 'retry')?.delayMs ?? -1;
      expect(delay, header).toBeGreaterThanOrEqual(low);
      expect(delay, header).toBeLessThanOrEqual(high);
    }
  });

  it('backs off exponentially with jitter, within bounds, up to the cap', async () => {
    const { fetch } = scripted(503);
    const { send, events } = transport(fetch, { maxRetries: 4, backoff: { baseDelayMs: 8, maxDelayMs: 40, maxRetryAfterMs: 50 } });
    await send(request('GET'));
    const delays = events.filter((e) => e.type === 'retry').map((e) => e.delayMs ?? -1);
    const ceilings = [8, 16, 32, 40];
    expect(delays).toHaveLength(4);
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(Math.floor(ceilings[i]! * 0.75));
      expect(delay).toBeLessThanOrEqual(ceilings[i]!);
    });
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt that gets no answer, retries it, then throws TimeoutError', async () => {
    const { fetch, calls } = scripted('hang');
    const error = await rejection(transport(fetch, { timeoutMs: 20, maxRetries: 1 }).send(request('GET')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(calls).toHaveLength(2);
  });

  it('does not resend a POST that timed out', async () => {
    const { fetch, calls } = scripted('hang');
    const error = await rejection(transport(fetch, { timeoutMs: 20 }).send(request('POST')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(1);
  });

  it('aborts before the first attempt without sending anything', async () => {
    const { fetch, calls } = scripted(200);
    const error = await rejection(transport(fetch).send(request('GET', undefined, AbortSignal.abort())));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/before it was sent/);
    expect(calls).toHaveLength(0);
  });

  it('aborts during an attempt and does not retry', async () => {
    const { fetch, calls } = scripted('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    const error = await rejection(transport(fetch, { timeoutMs: 5_000 }).send(request('GET', undefined, controller.signal)));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('user gave up'));
    expect(calls).toHaveLength(1);
  });

  it('aborts during the wait between attempts without waiting it out', async () => {
    const { fetch, calls } = scripted(503);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const slowBackoff = { baseDelayMs: 60_000, maxDelayMs: 60_000, maxRetryAfterMs: 60_000 };
    const error = await rejection(transport(fetch, { backoff: slowBackoff }).send(request('GET', undefined, controller.signal)));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/after 1 attempt/);
    expect(calls).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('aborts while waiting for the rate limiter', async () => {
    const { fetch, calls } = scripted(200);
    const limiter = createRateLimiter(1, 60_000);
    const { send } = transport(fetch, { rateLimiter: limiter });
    await send(request('GET'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(send(request('GET', undefined, controller.signal)));
    expect(error).toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(1);
  });
});

describe('rate limiter in the transport', () => {
  it('holds the request over the limit until the window moves (fake clock)', async () => {
    vi.useFakeTimers();
    try {
      const { fetch, calls } = scripted(200);
      const { send } = transport(fetch, { rateLimiter: createRateLimiter(2, 1_000) });
      await Promise.all([send(request('GET')), send(request('GET'))]);
      const third = send(request('GET'));
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      await third;
      expect(calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('logger', () => {
  it('reports method, path template, status, attempt and duration, and nothing else', async () => {
    const { fetch } = scripted(503, 200);
    const { send, events } = transport(fetch);
    await send(request('GET'));
    expect(events.map((e) => [e.type, e.method, e.path, e.attempt, e.status])).toEqual([
      ['retry', 'GET', '/company/promoters/{id}', 1, 503],
      ['response', 'GET', '/company/promoters/{id}', 2, 200],
    ]);
    expect(events.every((e) => typeof e.durationMs === 'number' && e.durationMs >= 0)).toBe(true);
    const printed = JSON.stringify(events);
    for (const secret of ['sk_live_transport_test', 'acct_transport_test', '42', 'auth_token', 'jane@example.com']) expect(printed).not.toContain(secret);
  });

  it('hides ids and tokens in the path of a request that has no template', async () => {
    const { fetch } = scripted(404);
    const { send, events } = transport(fetch);
    const response = await send(new Request('https://api.example.test/api/v2/company/promoters/ptok_5d2e8a41?find_by=auth_token'));
    expect(events[0]?.path).toBe('/api/v2/company/promoters/{id}');
    expect(responseInfo(response)?.path).toBe('/api/v2/company/promoters/{id}');
  });

  it('survives a logger that throws', async () => {
    const { fetch } = scripted(200);
    const send = createTransport({ fetch, maxRetries: 0, timeoutMs: 1_000, logger: () => { throw new Error('broken logger'); } });
    expect((await send(request('GET'))).status).toBe(200);
  });
});

describe('bodies', () => {
  const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';

  it('parses an HTML 502 page from a proxy as text into the typed error', async () => {
    const { fetch, calls } = scripted({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, backoff: FAST, baseUrl: 'https://api.example.test/api/v2' });
    const error = await rejection(unwrap(client.api.GET('/company/promoters/{id}', { params: { path: { id: '42' } } })));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, method: 'GET', path: '/company/promoters/{id}', body: html, attempts: 3 });
    expect((error as Error).message).toMatch(/answered 502 to GET \/company\/promoters\/\{id\}: <!DOCTYPE html>.*retry later/);
    expect(calls).toHaveLength(3);
  });

  it('turns a 2xx body that is not JSON into a typed APIError, not a SyntaxError', async () => {
    const { fetch } = scripted({ status: 200, body: html, headers: { 'content-type': 'text/html' } });
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, baseUrl: 'https://api.example.test/api/v2' });
    const error = await rejection(client.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }));
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, path: '/track/sale', body: html });
    expect((error as Error).message).toMatch(/not the JSON .* same event_id/);
  });

  it('answers an empty 2xx body as no data, without a parse error', async () => {
    const { fetch } = scripted({ status: 200, body: '' });
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, baseUrl: 'https://api.example.test/api/v2' });
    const result = await client.api.GET('/company/promoters/{id}', { params: { path: { id: '1' } } });
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(200);
  });
});

describe('over a real socket', () => {
  let server: Server;
  let elsewhere: Server;
  let base = '';
  let elsewhereHits = 0;
  let hits = 0;

  beforeAll(async () => {
    elsewhere = createServer((_req, res) => {
      elsewhereHits++;
      res.end('{}');
    });
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' });
        res.flushHeaders();
        const timer = setTimeout(() => res.end('{}'), 2_000);
        res.on('close', () => clearTimeout(timer));
      } else if (req.url === '/truncated') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":');
        setTimeout(() => res.destroy(), 5);
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal` });
        res.end();
      } else {
        res.end('{}');
      }
    });
    await Promise.all([server, elsewhere].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await Promise.all([server, elsewhere].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const get = (path: string) => {
    const lite = new LiteRequest(`${base}${path}`, { method: 'GET', headers: { 'X-API-KEY': 'key_must_stay_home' } });
    lite.schemaPath = path;
    return lite;
  };

  it('times out a body that arrives too slowly', async () => {
    hits = 0;
    const error = await rejection(createTransport({ fetch, maxRetries: 1, timeoutMs: 50, backoff: FAST })(get('/slow-body')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(hits).toBe(2);
  });

  it('retries a body cut short of its Content-Length, then reports a ConnectionError', async () => {
    hits = 0;
    const error = await rejection(createTransport({ fetch, maxRetries: 1, timeoutMs: 1_000, backoff: FAST })(get('/truncated')));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(hits).toBe(2);
  });

  it('refuses a redirect with a clear error and never contacts the other host', async () => {
    hits = 0;
    const error = await rejection(createTransport({ fetch, maxRetries: 2, timeoutMs: 1_000, backoff: FAST })(get('/redirect')));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', status: 302 });
    expect((error as Error).message).toMatch(/redirected GET \/redirect \(302\); the client does not follow redirects.*Check baseUrl/);
    expect(hits).toBe(1);
    expect(elsewhereHits).toBe(0);
  });

  it('reports a refused connection after retrying it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const lite = new LiteRequest(`http://127.0.0.1:${port}/track/sale`, { method: 'POST', body: '{}' });
    const error = await rejection(createTransport({ fetch, maxRetries: 2, timeoutMs: 1_000, backoff: FAST })(lite));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 3 });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
