// The v2 client reads its download operations by their answers' types (the mechanism is tested in
// ../downloads.test.ts): CSV exports as text and a contract document's HTML as JSON with no parseAs, the
// PDF with the parseAs openapi-fetch types.
import { describe, expect, it, vi } from 'vitest';
import { FirstPromoterError } from '../../core/errors.js';
import { createFirstPromoter } from './client.js';

function answering(body: BodyInit, type: string) {
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(body, { headers: { 'content-type': type } }));
  const fp = createFirstPromoter({ apiKey: 'key', accountId: 'acc', fetch, maxRetries: 0 });
  return { api: fp.api, accept: () => fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('accept')) };
}

const documentPdf = { params: { path: { id: 884 }, query: { content_type: 'pdf' as const } } };

describe('v2 download operations', () => {
  it('reads the invoice export as CSV text, asking for CSV (and JSON, for errors)', async () => {
    const { api, accept } = answering('Number,Total\nINV-1,12.50\n', 'text/csv; charset=utf-8');
    expect((await api.GET('/company/invoices/export')).data).toBe('Number,Total\nINV-1,12.50\n');
    expect(accept()).toEqual(['text/csv, application/json']);
  });

  it('reads a contract document as JSON when it comes as JSON, and as bytes with parseAs', async () => {
    const html = answering('{"data":{"content":"<p>x</p>"}}', 'application/json');
    expect((await html.api.GET('/company/contract_documents/{id}', documentPdf)).data).toEqual({ data: { content: '<p>x</p>' } });
    expect(html.accept()).toEqual(['application/pdf, application/json']);

    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    const pdf = await answering(bytes, 'application/pdf').api.GET('/company/contract_documents/{id}', { ...documentPdf, parseAs: 'blob' });
    expect(new Uint8Array(await pdf.data!.arrayBuffer())).toEqual(bytes);
    const unread = await answering(bytes, 'application/pdf').api.GET('/company/contract_documents/{id}', documentPdf).catch((e: unknown) => e);
    expect(unread).toBeInstanceOf(FirstPromoterError);
    expect((unread as Error).message).toMatch(/pass parseAs: 'arrayBuffer', 'blob' or 'stream'/);
  });
});
