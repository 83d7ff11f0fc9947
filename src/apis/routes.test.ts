// The operation routes of a full entry's client: each call reaches the base URL its operation lives
// under and reads its answer as its Content-Type says, and the caller's own choices win.
import { describe, expect, it, vi } from 'vitest';
import { createFirstPromoter } from './v2/client.js';
import { operationBase } from './routes.js';

const API = 'https://api.firstpromoter.com/api/v2';
const ADMIN = 'https://api.firstpromoter.com/api/admin/v1';
const EMBED = 'https://v2.firstpromoter.com/api/v2';

function answering(body: BodyInit | null, type: string, status = 200) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(body, { status, headers: { 'content-type': type } }));
}

function client(fetch: ReturnType<typeof answering>, baseUrl?: string) {
  return createFirstPromoter({ apiKey: 'key', accountId: 'acc', fetch, maxRetries: 0, ...(baseUrl ? { baseUrl } : {}) });
}

const sentUrl = (fetch: ReturnType<typeof answering>) => fetch.mock.calls.map(([url]) => String(url));
const sentAccept = (fetch: ReturnType<typeof answering>) => fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('accept'));

describe('operationBase', () => {
  it.each([
    ['the default base: the server as the spec states it', API, ADMIN, ADMIN],
    ['the default host spelled out: the same', API, EMBED, EMBED],
    ['a proxy ending in /api/v2: its path swapped, on its host', 'https://proxy.example/fp/api/v2', ADMIN, 'https://proxy.example/fp/api/admin/v1'],
    ['a proxy ending in /api/v2, for the embed host: the proxy itself', 'https://proxy.example/fp/api/v2', EMBED, 'https://proxy.example/fp/api/v2'],
    ['the older v2 host: admin/v1 on that host', 'https://v2.firstpromoter.com/api/v2', ADMIN, 'https://v2.firstpromoter.com/api/admin/v1'],
    ['a mock at its root: as is', 'http://127.0.0.1:4010', ADMIN, 'http://127.0.0.1:4010'],
  ])('%s', (_, configured, server, expected) => {
    expect(operationBase(server, API, configured)).toBe(expected);
  });
});

describe('routed operations', () => {
  it('sends custom referral statuses to /api/admin/v1 and the embed sign-in to v2.firstpromoter.com', async () => {
    const fetch = answering('[]', 'application/json');
    const fp = client(fetch);
    await fp.api.GET('/custom_referral_statuses');
    await fp.api.PUT('/custom_referral_statuses/update', { body: { custom_referral_statuses: [{ name: 'Called', order: 1 }] } });
    await fp.api.POST('/promoters/iframe_login', { params: { query: { promoter_id: 7 } } });
    await fp.api.GET('/company/campaigns');
    expect(sentUrl(fetch)).toEqual([
      `${ADMIN}/custom_referral_statuses`,
      `${ADMIN}/custom_referral_statuses/update`,
      `${EMBED}/promoters/iframe_login?promoter_id=7`,
      `${API}/company/campaigns`,
    ]);
  });

  it('follows a proxy baseUrl by the documented rule, and a per-call baseUrl wins', async () => {
    const fetch = answering('[]', 'application/json');
    const fp = client(fetch, 'https://proxy.example/fp/api/v2/');
    await fp.api.GET('/custom_referral_statuses');
    await fp.api.GET('/custom_referral_statuses', { baseUrl: 'https://elsewhere.example/x' });
    await fp.request('GET', '/custom_referral_statuses');
    expect(sentUrl(fetch)).toEqual([
      'https://proxy.example/fp/api/admin/v1/custom_referral_statuses',
      'https://elsewhere.example/x/custom_referral_statuses',
      'https://proxy.example/fp/api/admin/v1/custom_referral_statuses',
    ]);
  });

  it('reads a CSV export as text, with an Accept that lists CSV, without parseAs', async () => {
    const fetch = answering('Number,Total\nINV-1,12.50\n', 'text/csv; charset=utf-8');
    const { data } = await client(fetch).api.GET('/company/invoices/export', { params: { query: { filters: { promoter_id: 3 } } } });
    expect(data).toBe('Number,Total\nINV-1,12.50\n');
    expect(sentAccept(fetch)).toEqual(['text/csv, application/json']);
  });

  it('reads a PDF as a Blob of the bytes sent, and the same operation\'s JSON answer as JSON', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    const pdf = await client(answering(bytes, 'application/pdf')).api.GET('/company/contract_documents/{id}', {
      params: { path: { id: 884 }, query: { content_type: 'pdf' } },
    });
    expect(pdf.data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (pdf.data as Blob).arrayBuffer())).toEqual(bytes);
    const html = await client(answering('{"data":{"content":"<p>x</p>"}}', 'application/json')).api.GET('/company/contract_documents/{id}', {
      params: { path: { id: 884 }, query: { content_type: 'html' } },
    });
    expect(html.data).toEqual({ data: { content: '<p>x</p>' } });
  });

  it('leaves the caller\'s Accept and parseAs alone', async () => {
    const fetch = answering('a,b\n', 'text/csv');
    const fp = client(fetch);
    const asBuffer = await fp.api.GET('/company/invoices/export', { headers: { accept: 'text/csv' }, parseAs: 'arrayBuffer' });
    expect(asBuffer.data).toBeInstanceOf(ArrayBuffer);
    await fp.api.GET('/company/invoices/export', { headers: new Headers({ Accept: 'text/plain' }) });
    expect(sentAccept(fetch)).toEqual(['text/csv', 'text/plain']);
  });

  it('parses the JSON error of a download operation into its typed error, unchanged', async () => {
    const fetch = answering('{"message":"You don\'t have enough rights","code":"forbidden"}', 'application/json', 403);
    const { error, response } = await client(fetch).api.GET('/company/invoices/export');
    expect(response.status).toBe(403);
    expect(error).toEqual({ message: "You don't have enough rights", code: 'forbidden' });
  });

  it('keeps every other operation on the default JSON path', async () => {
    const fetch = answering('[{"id":1,"name":"Partner program"}]', 'application/json');
    const { data } = await client(fetch).api.GET('/company/campaigns');
    expect(data).toEqual([{ id: 1, name: 'Partner program' }]);
    expect(sentAccept(fetch)).toEqual(['application/json']);
  });
});
