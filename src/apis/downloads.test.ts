// How download operations read their answers: by the content type each answer comes with, whatever the
// operation's usual media. The affiliate client is the one with downloads (CSV exports, a PDF).
import { describe, expect, it, vi } from 'vitest';
import { createFirstPromoterAffiliate } from './affiliate/client.js';
import { APIError, FirstPromoterError } from '../core/errors.js';
import { unwrap } from '../core/unwrap.js';

function answering(status: number, type: string | undefined, body: BodyInit | null) {
  const fetch = vi.fn(async () => new Response(body, { status, headers: type ? { 'content-type': type } : {} }));
  const client = createFirstPromoterAffiliate({ accessToken: 'tok', accountId: 'acc', fetch, maxRetries: 0 });
  return { api: client.api, fetch };
}

const exportCommissions = (api: ReturnType<typeof answering>['api']) => unwrap(api.GET('/commissions/export'));

describe('download operations', () => {
  it.each([
    ['text/csv; charset=utf-8', 'a,b\n1,2\n', 'a,b\n1,2\n'],
    ['text/html', '<p>hi</p>', '<p>hi</p>'],
    ['application/json; charset=utf-8', '{"message":"queued"}', { message: 'queued' }],
    ['application/vnd.api+json', '{"message":"queued"}', { message: 'queued' }],
  ])('reads %s by its type', async (type, body, expected) => {
    expect(await exportCommissions(answering(200, type, body).api)).toEqual(expected);
  });

  it('reads a binary answer only with an explicit parseAs, which it then leaves to openapi-fetch', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    for (const type of ['application/pdf', undefined]) {
      const error = await exportCommissions(answering(200, type, bytes).api).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FirstPromoterError);
      expect((error as Error).message).toBe(`GET /commissions/export answered ${type ?? 'a body without a content type'}, which is binary: ` +
        "pass parseAs: 'arrayBuffer', 'blob' or 'stream' to read it.");
    }
    const { api } = answering(200, 'application/pdf', bytes);
    const pdf = await unwrap(api.GET('/contract_documents/{id}', { params: { path: { id: 1 }, query: { content_type: 'pdf' } }, parseAs: 'arrayBuffer' }));
    expect(new Uint8Array(pdf)).toEqual(bytes);
  });

  it('resolves an empty answer with no data', async () => {
    expect(await exportCommissions(answering(202, 'application/json', '').api)).toBeUndefined();
  });

  it('turns a body that is not the JSON its type announces into an APIError with the path template', async () => {
    const error = await exportCommissions(answering(200, 'application/json', '<html>proxy</html>').api).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, method: 'GET', path: '/commissions/export', body: '<html>proxy</html>' });
  });

  it('keeps error answers as errors, parsed as usual', async () => {
    const error = await exportCommissions(answering(403, 'application/json', '{"message":"Invalid user type"}').api).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PermissionDeniedError', body: { message: 'Invalid user type' } });
  });

  it("asks for the operation's media types unless the call sets Accept", async () => {
    const { api, fetch } = answering(200, 'text/csv', 'a\n');
    await api.GET('/contract_documents/{id}', { params: { path: { id: 1 }, query: { content_type: 'pdf' } } });
    await api.GET('/contract_documents/{id}', { params: { path: { id: 1 }, query: { content_type: 'pdf' } }, headers: { Accept: 'application/pdf' } });
    const accepts = fetch.mock.calls.map((call) => new Headers((call as unknown as [string, RequestInit])[1].headers).get('accept'));
    expect(accepts).toEqual(['application/json, application/pdf', 'application/pdf']);
  });
});
