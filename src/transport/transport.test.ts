// The attempt loop over a scripted adapter (no HTTP): it follows the retry policy attempt by attempt,
// applies the per-attempt timeout, the caller's signal, the rate limiter and per-call options, throws
// the typed errors with their advice, logs without secrets, and hands openapi-fetch a readable Response.
// The policy's every branch is in retry-policy.test.ts; wire behaviour in adapters/conformance.ts.
import { describe, expect, it } from 'vitest';
import { ConnectionError, RedirectError, TimeoutError, ValidationError } from '../core/errors.js';
import { callOptions, type RequestOptions } from '../core/request-options.js';
import { responseInfo } from '../internal/response-info.js';
import type { WireFailure } from './adapter.js';
import { rejection, request, reset, scripted, transport } from './scripted-adapter.js';

describe('retries, as the policy decides', () => {
  // attempts made with maxRetries 2: GET (idempotent), POST (not), POST marked idempotent per call
  it.each([
    [408, 3, 3, 3], [429, 3, 3, 3], [500, 3, 1, 3], [502, 3, 1, 3], [503, 3, 1, 3], [504, 3, 1, 3],
    [400, 1, 1, 1], [401, 1, 1, 1], [403, 1, 1, 1], [404, 1, 1, 1], [409, 1, 1, 1], [422, 1, 1, 1], [200, 1, 1, 1], [201, 1, 1, 1],
  ])('status %i: GET %i attempts, POST %i, idempotent POST %i', async (status, get, post, idempotentPost) => {
    for (const [method, call, expected] of [['GET', undefined, get], ['POST', undefined, post], ['POST', { idempotent: true }, idempotentPost]] as const) {
      const { adapter, calls } = scripted(status);
      const response = await transport(adapter).send(request(method, call));
      expect(response.status).toBe(status);
      expect(calls, `${method} ${JSON.stringify(call)}`).toHaveLength(expected);
      expect(responseInfo(response)).toEqual({ method, path: '/company/promoters/{id}', attempts: expected });
    }
  });

  it('treats PATCH like POST, and PUT and DELETE like GET', async () => {
    for (const [method, expected] of [['PATCH', 1], ['PUT', 3], ['DELETE', 3]] as const) {
      const { adapter, calls } = scripted(503);
      await transport(adapter).send(request(method));
      expect(calls, method).toHaveLength(expected);
    }
  });

  it('stops at the first answer that is not retryable and sends the same request every time, each with its own signal', async () => {
    const { adapter, calls } = scripted(503, reset(), 200);
    const lite = request('POST', { idempotent: true });
    const response = await transport(adapter).send(lite);
    expect(response.status).toBe(200);
    expect(responseInfo(response)?.attempts).toBe(3);
    const headers = { authorization: 'Bearer sk_live_transport_test', 'account-id': 'acct_transport_test' };
    expect(calls.map((c) => [c.method, c.url, c.body, c.headers, c.init])).toEqual(Array(3).fill(['POST', lite.url, '{"email":"jane@example.com"}', headers, lite.init]));
    expect(calls[1]?.headers).toBe(calls[0]?.headers);
    expect(new Set(calls.map((c) => c.signal)).size).toBe(3);
  });

  it('retries connection failures of idempotent calls, then throws a ConnectionError that says what to do', async () => {
    const { adapter, calls } = scripted(reset());
    const error = await rejection(transport(adapter).send(request('GET')));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: 'GET', path: '/company/promoters/{id}', attempts: 3 });
    expect((error as Error).message).toMatch(/GET \/company\/promoters\/\{id\} failed in transit on 3 attempt\(s\) \(connection failed: ECONNRESET\)\. .*sending it again is safe/);
    expect(calls).toHaveLength(3);
  });

  it('does not resend a POST that may have reached the server, unless the call or the client opts in', async () => {
    const once = scripted(reset());
    const error = await rejection(transport(once.adapter).send(request('POST')));
    expect((error as Error).message).toMatch(/check before sending it again, or pass idempotent: true/);
    expect(once.calls).toHaveLength(1);
    const perClient = scripted(reset(), 500, 201);
    expect((await transport(perClient.adapter, { retryNonIdempotent: true }).send(request('POST'))).status).toBe(201);
    expect(perClient.calls).toHaveLength(3);
    const optedOut = scripted(500);
    await transport(optedOut.adapter, { retryNonIdempotent: true }).send(request('POST', { idempotent: false }));
    expect(optedOut.calls).toHaveLength(1);
  });

  it('resends even a POST when the connection was never made, by code or by the adapter\'s word', async () => {
    const { adapter, calls } = scripted(reset('ECONNREFUSED'), reset('ECONNRESET', true), 201);
    expect((await transport(adapter).send(request('POST'))).status).toBe(201);
    expect(calls).toHaveLength(3);
    const error = await rejection(transport(scripted(reset('ENOTFOUND')).adapter).send(request('POST')));
    expect(error).toMatchObject({ attempts: 3 });
    expect((error as Error).message).toMatch(/\(connection failed: ENOTFOUND\)\. Nothing reached FirstPromoter: check baseUrl/);
  });

  it('takes whatever else an adapter throws as a connection failure without a code', async () => {
    const bug = new RangeError('adapter bug');
    const { adapter, calls } = scripted(bug);
    const error = await rejection(transport(adapter).send(request('POST')));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ message: expect.stringContaining('(connection failed). It may or may not have been processed: check') });
    expect((error as Error).message).not.toContain('adapter bug');
    expect((error as ConnectionError).cause).toMatchObject({ name: 'WireFailure', kind: 'connection', code: undefined });
    expect(((error as ConnectionError).cause as WireFailure).thrown()).toBe(bug);
    expect(calls).toHaveLength(1);
  });

  it.each([[302], [307], [0]])('refuses a redirect (%i) at once with a RedirectError, never retried', async (status) => {
    const { adapter, calls } = scripted({ status, headers: { location: 'https://elsewhere.example/steal' } });
    const { send, events } = transport(adapter);
    const error = await rejection(send(request('GET')));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ method: 'GET', path: '/company/promoters/{id}', status });
    expect((error as Error).message).toContain(`redirected GET /company/promoters/{id} (${status}); the client does not follow redirects, so the API key is never sent to another host. Check baseUrl`);
    expect(calls).toHaveLength(1);
    expect(events).toMatchObject([{ type: 'failure', status, reason: 'redirect refused' }]);
  });
});

describe('per-call options', () => {
  it('takes maxRetries and timeoutMs from the call over the client', async () => {
    const none = scripted(503);
    await transport(none.adapter).send(request('GET', { maxRetries: 0 }));
    expect(none.calls).toHaveLength(1);
    const more = scripted(503);
    await transport(more.adapter).send(request('GET', { maxRetries: 5 }));
    expect(more.calls).toHaveLength(6);
    const error = await rejection(transport(scripted('hang').adapter, { timeoutMs: 60_000 }).send(request('GET', { maxRetries: 0, timeoutMs: 20 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('within 20 ms');
  });

  it('lets a GET be marked not idempotent', async () => {
    const { adapter, calls } = scripted(503);
    await transport(adapter).send(request('GET', { idempotent: false }));
    expect(calls).toHaveLength(1);
  });

  it.each([
    [{ maxRetries: -1 }, 'maxRetries'], [{ maxRetries: 1.5 }, 'maxRetries'], [{ maxRetries: Number.NaN }, 'maxRetries'], [{ maxRetries: 11 }, 'maxRetries'],
    [{ timeoutMs: 0 }, 'timeoutMs'], [{ timeoutMs: Number.NaN }, 'timeoutMs'], [{ timeoutMs: 2 ** 31 }, 'timeoutMs'], [{ idempotent: 'yes' }, 'idempotent'],
  ])('refuses %j with a ValidationError before sending', async (call, field) => {
    const { adapter, calls } = scripted(200);
    const error = await rejection(transport(adapter).send(request('GET', call as RequestOptions)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(calls).toHaveLength(0);
    expect(() => callOptions(call as RequestOptions)).toThrow(ValidationError);
  });
});
