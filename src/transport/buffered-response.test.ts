// The buffered response must read like the plain Response it replaces: same bytes, same one-read rule,
// same headers, a working stream when asked for one, plus the typed error for a body that is not JSON.
import { describe, expect, it } from 'vitest';
import { APIError } from '../core/errors.js';
import { recordResponseInfo } from '../internal/response-info.js';
import { bufferedResponse } from './buffered-response.js';

const encode = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
/** A buffered response as the transport returns it: with what it knows about the call recorded. */
function received(text: string, init: ResponseInit = { status: 200, headers: { 'content-type': 'application/json' } }): Response {
  const response = bufferedResponse(encode(text), new Response(text, init));
  recordResponseInfo(response, { method: 'POST', path: '/track/sale', attempts: 2 });
  return response;
}

describe('bufferedResponse', () => {
  it('is a Response with the status, text and headers of the one received, describing the body it holds', () => {
    const response = bufferedResponse(encode('{"id":1}'), new Response('ignored', {
      status: 201, statusText: 'Created', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': '99' },
    }));
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok]).toEqual([201, 'Created', true]);
    expect([...response.headers]).toEqual([['content-length', '8'], ['content-type', 'application/json']]);
  });

  it.each([
    ['text', (r: Response) => r.text(), '{"a":1}'],
    ['json', (r: Response) => r.json(), { a: 1 }],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), '{"a":1}'],
    ['blob', async (r: Response) => (await r.blob()).text(), '{"a":1}'],
    ['body stream', (r: Response) => new Response(r.body).text(), '{"a":1}'],
  ])('reads the body once through %s, then refuses a second read like fetch does', async (_name, read, expected) => {
    const response = received('{"a":1}');
    expect(response.bodyUsed).toBe(false);
    expect(await read(response)).toEqual(expected);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('clones into an independent response while unread, and refuses once read', async () => {
    const response = received('{"a":1}');
    const copy = response.clone();
    expect([await copy.json(), await response.json(), copy.status]).toEqual([{ a: 1 }, { a: 1 }, 200]);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('has a null body and empty text when nothing was sent', async () => {
    const response = received('');
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('turns a body that is not JSON into an APIError naming the call, not a SyntaxError', async () => {
    const error = await received('<html>proxy</html>').json().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, method: 'POST', path: '/track/sale', attempts: 2, body: '<html>proxy</html>' });
  });
});
