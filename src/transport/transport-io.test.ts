// What goes in and out of the attempt loop, over a scripted adapter: the request bodies it can resend,
// real Requests swapped in by a middleware, the Response openapi-fetch reads, and the log events.
import { describe, expect, it } from 'vitest';
import { responseInfo } from '../internal/response-info.js';
import type { TransportAdapter, WireRequest } from './adapter.js';
import { reset, request, scripted, transport } from './scripted-adapter.js';
import { createTransport } from './transport.js';

const bytesOf = (body: WireRequest['body']) => typeof body === 'string' ? body : new TextDecoder().decode(body);

describe('what the adapter is asked to send', () => {
  it.each([
    ['bytes', new TextEncoder().encode('{"a":1}'), '{"a":1}', undefined],
    ['an ArrayBuffer', new TextEncoder().encode('{"a":1}').buffer, '{"a":1}', undefined],
    ['URLSearchParams', new URLSearchParams({ uid: 'cus_1', amount: '100' }), 'uid=cus_1&amount=100', 'application/x-www-form-urlencoded;charset=UTF-8'],
    ['a Blob', new Blob(['{"b":2}'], { type: 'application/json' }), '{"b":2}', 'application/json'],
  ])('reads %s once, into bytes every attempt sends again, with the Content-Type fetch would add', async (_what, body, sent, type) => {
    const { adapter, calls } = scripted(503, 200);
    await transport(adapter).send(request('PUT', undefined, undefined, body as RequestInit['body']));
    expect(calls.map((c) => bytesOf(c.body))).toEqual([sent, sent]);
    expect(calls[0]?.body).toBe(calls[1]?.body);
    expect(calls[0]?.headers['content-type']).toBe(type);
  });

  it('keeps a Content-Type the caller set', async () => {
    const { adapter, calls } = scripted(200);
    const lite = request('POST', undefined, undefined, new URLSearchParams({ a: '1' }));
    lite.headers.set('content-type', 'application/x-www-form-urlencoded');
    await transport(adapter).send(lite);
    expect(calls[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('passes every header on as a plain record, one named __proto__ too', async () => {
    const { adapter, calls } = scripted(200);
    const lite = request('GET');
    lite.headers.set('__proto__', 'a header like any other');
    await transport(adapter).send(lite);
    expect(Object.entries(calls[0]?.headers ?? {})).toContainEqual(['__proto__', 'a header like any other']);
  });

  it('takes a real Request (a middleware swapped one in), reading its body once for every attempt', async () => {
    const { adapter, calls } = scripted(reset('ECONNREFUSED'), 200);
    const real = new Request('https://api.example.test/api/v2/track/sale', { method: 'POST', body: '{"event_id":"in_1"}', headers: { 'x-api-key': 'k' } });
    await transport(adapter).send(real);
    expect(calls.map((c) => [c.method, c.url, bytesOf(c.body), c.headers['x-api-key']])).toEqual(Array(2).fill(['POST', real.url, '{"event_id":"in_1"}', 'k']));
  });
});

describe('the Response openapi-fetch reads', () => {
  it('holds the bytes read, with headers that describe them, and what the loop knows about the call', async () => {
    const { adapter } = scripted({ status: 201, body: '{"id":1}', headers: { 'content-encoding': 'gzip', 'x-request-id': 'r1' } });
    const response = await transport(adapter).send(request('POST'));
    expect([response.status, response.headers.get('content-length'), response.headers.get('content-encoding'), response.headers.get('x-request-id')]).toEqual([201, '8', null, 'r1']);
    expect(await response.json()).toEqual({ id: 1 });
    expect(responseInfo(response)).toEqual({ method: 'POST', path: '/company/promoters/{id}', attempts: 1 });
  });

  it('answers 204 and HEAD with the headers as sent and no body', async () => {
    const noContent = await transport(scripted({ status: 204, headers: { 'x-request-id': 'r2' } }).adapter).send(request('DELETE'));
    expect([noContent.status, noContent.headers.get('x-request-id'), noContent.headers.get('content-length'), noContent.body]).toEqual([204, 'r2', null, null]);
    const head = await transport(scripted({ status: 200, headers: { 'content-length': '1234' } }).adapter).send(request('HEAD'));
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '1234', '']);
  });
});

describe('logger', () => {
  it('reports method, path template, status, attempt and duration, and nothing else', async () => {
    const { adapter } = scripted(503, reset(), 200);
    const { send, events } = transport(adapter);
    await send(request('GET'));
    expect(events.map((e) => [e.type, e.method, e.path, e.attempt, e.status, e.reason])).toEqual([
      ['retry', 'GET', '/company/promoters/{id}', 1, 503, 'status 503'],
      ['retry', 'GET', '/company/promoters/{id}', 2, undefined, 'connection failed: ECONNRESET'],
      ['response', 'GET', '/company/promoters/{id}', 3, 200, undefined],
    ]);
    expect(events.every((e) => typeof e.durationMs === 'number' && e.durationMs >= 0)).toBe(true);
    const printed = JSON.stringify(events);
    for (const secret of ['sk_live_transport_test', 'acct_transport_test', '42', 'auth_token', 'jane@example.com']) expect(printed).not.toContain(secret);
  });

  it('logs the final failure with its reason', async () => {
    const { send, events } = transport(scripted(reset('ECONNRESET')).adapter, { maxRetries: 0 });
    await send(request('POST')).catch(() => undefined);
    expect(events).toMatchObject([{ type: 'failure', method: 'POST', attempt: 1, reason: 'connection failed: ECONNRESET' }]);
  });

  it('hides ids and tokens in the path of a request that has no template', async () => {
    const { send, events } = transport(scripted(404).adapter);
    const response = await send(new Request('https://api.example.test/api/v2/company/promoters/ptok_5d2e8a41?find_by=auth_token'));
    expect(events[0]?.path).toBe('/api/v2/company/promoters/{id}');
    expect(responseInfo(response)?.path).toBe('/api/v2/company/promoters/{id}');
  });

  it('survives a logger that throws, on answers, retries and failures', async () => {
    const throwing = () => { throw new Error('broken logger'); };
    const adapter: TransportAdapter = scripted(503, 200).adapter;
    const send = createTransport({ maxRetries: 1, timeoutMs: 1_000, backoff: { baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 }, logger: throwing }, adapter);
    expect((await send(request('GET'))).status).toBe(200);
    const failing = createTransport({ maxRetries: 0, timeoutMs: 1_000, logger: throwing }, scripted(reset()).adapter);
    await expect(failing(request('GET'))).rejects.toMatchObject({ name: 'ConnectionError' });
  });
});
