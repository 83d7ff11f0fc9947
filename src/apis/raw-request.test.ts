// `client.request`: untyped calls through the same transport, encoding, errors and redaction as typed ones.
import { describe, expect, it, vi } from 'vitest';
import { APIError, NotFoundError, ValidationError } from '../core/errors.js';
import type { LogEvent } from '../core/options.js';
import { createFirstPromoterV1 } from './v1/client.js';
import { createFirstPromoter } from './v2/client.js';

function replying(...answers: Array<[number, string, string]>) {
  const queue = [...answers];
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => {
    const [status, type, body] = queue.length > 1 ? queue.shift()! : queue[0]!;
    return new Response(body, { status, headers: { 'content-type': type } });
  });
}

const v2 = (fetch: ReturnType<typeof replying>, logger?: (event: LogEvent) => void) =>
  createFirstPromoter({ apiKey: 'key', accountId: 'acc', fetch, baseUrl: 'https://mock.test/api/v2', backoff: { baseDelayMs: 1, maxDelayMs: 1 }, ...(logger ? { logger } : {}) });

describe('client.request', () => {
  it('fills path placeholders, encodes the query in brackets, sends a JSON body and reads JSON', async () => {
    const fetch = replying([200, 'application/json', '{"id":42,"state":"open"}']);
    const { data, response } = await v2(fetch).request('PUT', '/company/things/{id}', {
      path: { id: 42 },
      query: { filters: { state: 'open', campaign_id: [3, 4] } },
      body: { note: 'checked' },
    });
    expect(data).toEqual({ id: 42, state: 'open' });
    expect(response.status).toBe(200);
    const [url, init] = fetch.mock.calls[0]!;
    expect(decodeURIComponent(String(url))).toBe('https://mock.test/api/v2/company/things/42?filters[state]=open&filters[campaign_id][]=3&filters[campaign_id][]=4');
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe('{"note":"checked"}');
    const headers = new Headers(init?.headers);
    expect([headers.get('authorization'), headers.get('account-id'), headers.get('content-type')]).toEqual(['Bearer key', 'acc', 'application/json']);
  });

  it('reads text and binary answers by their Content-Type, and an empty one as undefined', async () => {
    const fp = v2(replying([200, 'text/csv', 'a,b\n1,2\n'], [200, 'application/zip', 'PK\u0003\u0004'], [200, 'application/json', '']));
    expect((await fp.request('GET', '/company/things/export', { headers: { Accept: 'text/csv' } })).data).toBe('a,b\n1,2\n');
    const zip = (await fp.request('GET', '/company/things/export_zip')).data;
    expect(zip).toBeInstanceOf(Blob);
    expect((zip as Blob).size).toBe(4);
    expect((await fp.request('DELETE', '/company/things/{id}', { path: { id: 1 } })).data).toBeUndefined();
  });

  it('throws the typed error of a refusal, naming the template and never the ids or emails of a literal path', async () => {
    const events: LogEvent[] = [];
    const fp = v2(replying([404, 'application/json', '{"message":"Record not found","code":"not_found"}']), (event) => events.push(event));
    const error = await fp.request('GET', '/company/things/jane@example.com/notes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as APIError).path).toBe('/company/things/{id}/notes');
    expect((error as APIError).body).toEqual({ message: 'Record not found', code: 'not_found' });
    expect(JSON.stringify(error)).not.toContain('jane');
    expect(events.map((event) => event.path)).toEqual(['/company/things/{id}/notes']);
    const templated = await fp.request('GET', '/company/things/{id}', { path: { id: 'jane@example.com' } }).catch((e: unknown) => e);
    expect((templated as APIError).path).toBe('/company/things/{id}');
  });

  it('retries a GET on 503 like any call, and applies per-call options', async () => {
    const fetch = replying([503, 'application/json', '{}'], [200, 'application/json', '[]']);
    expect((await v2(fetch).request('GET', '/company/things')).data).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(2);
    const once = replying([503, 'application/json', '{"message":"down"}']);
    await expect(v2(once).request('GET', '/company/things', { maxRetries: 0 })).rejects.toBeInstanceOf(APIError);
    expect(once).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['an unknown method', 'TRACE', '/company/things', {}, 'method'],
    ['a lower-case method', 'get', '/company/things', {}, 'method'],
    ['a full URL', 'GET', 'https://evil.example/steal', {}, 'path'],
    ['a protocol-relative URL', 'GET', '//evil.example/steal', {}, 'path'],
    ['a path without its slash', 'GET', 'company/things', {}, 'path'],
    ['a query in the path', 'GET', '/company/things?id=1', {}, 'path'],
    ['a placeholder without its value', 'GET', '/company/things/{id}', {}, 'path.id'],
    ['a placeholder with an empty value', 'GET', '/company/things/{id}', { path: { id: '' } }, 'path.id'],
    ['a bad per-call option', 'GET', '/company/things', { maxRetries: -1 }, 'maxRetries'],
  ])('refuses %s before sending anything', async (_, method, path, options, field) => {
    const fetch = replying([200, 'application/json', '{}']);
    const error = await v2(fetch).request(method as 'GET', path, options as object).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends a v1 body as a form, like the v1 typed calls', async () => {
    const fetch = replying([200, 'application/json', '{"ok":true}']);
    const v1 = createFirstPromoterV1({ apiKey: 'v1-key', fetch, baseUrl: 'https://mock.test/api/v1' });
    await v1.request('POST', '/promoters/new_action', { body: { email: 'a@example.com', tags: ['x', 'y'] } });
    const [, init] = fetch.mock.calls[0]!;
    expect(decodeURIComponent(String(init?.body))).toBe('email=a@example.com&tags[]=x&tags[]=y');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
  });
});
