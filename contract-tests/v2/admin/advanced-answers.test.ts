// Answers that are not JSON: the CSV exports read as text and the queued exports' 202 as JSON with no
// `parseAs` or Accept header; a contract document as PDF bytes with the parseAs that types them. Errors
// of these operations stay JSON and typed.
import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import { violationMessages } from '../../support/prism-messages.js';

const window = { group_by: 'month', start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-30T23:59:59Z' } as const;

describe('non-JSON answers', () => {
  it('reads the invoice export as CSV text', async () => {
    const { data, response } = await v2Client().api.GET('/company/invoices/export', { params: { query: { filters: { promoter_id: 1482 } } } });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (data ?? '').trim().split('\n');
    expect(header?.split(',')).toContain('Number');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.split(',').length === header?.split(',').length)).toBe(true);
  });

  it('reads the report export as CSV text, and its queued answer (202) as JSON, from the same call', async () => {
    const query = { ...window, report_type: 'overview' as const, columns: ['clicks_count' as const, 'revenue_amount' as const] };
    const file = await v2Client().api.GET('/company/reports/download', { params: { query } });
    expect(file.response.status).toBe(200);
    expect(typeof file.data === 'string' && file.data.startsWith('Period,')).toBe(true);
    const queued = await v2Client({ prefer: 'code=202' }).api.GET('/company/reports/download', { params: { query } });
    expect(queued.response.status).toBe(202);
    expect(queued.data).toEqual({ message: expect.any(String) });
  });

  it('reads a contract document as PDF bytes, with the parseAs that types them', async () => {
    const { data, response } = await v2Client().api.GET('/company/contract_documents/{id}', {
      params: { path: { id: 884 }, query: { content_type: 'pdf' } },
      parseAs: 'arrayBuffer',
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/pdf/);
    const bytes = new Uint8Array(data!);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('reads the HTML form of a contract document as JSON', async () => {
    // FirstPromoter picks the format from content_type; Prism picks it from Accept, hence the header here.
    const { data } = await v2Client().api.GET('/company/contract_documents/{id}', {
      params: { path: { id: 884 }, query: { content_type: 'html' } },
      headers: { Accept: 'application/json' },
    });
    expect(data && 'data' in data ? data.data.content : undefined).toMatch(/^<h2>/);
  });

  it('answers the ZIP export with 202 and a message, not a file', async () => {
    const { data, response } = await v2Client().api.GET('/company/invoices/export_zip');
    expect(response.status).toBe(202);
    expect(data).toEqual({ message: expect.any(String) });
  });

  it('keeps the errors of a download operation JSON and typed', async () => {
    const error = await unwrap(v2Client({ prefer: 'code=403' }).api.GET('/company/invoices/export')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).body).toEqual({ message: expect.any(String), code: 'forbidden' });
    expect((error as PermissionDeniedError).path).toBe('/company/invoices/export');
  });
});

describe('non-JSON contract checks can fail', () => {
  it('Prism rejects a contract document without a content_type, and one in a format it does not have', async () => {
    const api = v2Client().api;
    const missing = await api.GET('/company/contract_documents/{id}', { params: { path: { id: 884 } } } as never);
    const docx = await api.GET('/company/contract_documents/{id}', { params: { path: { id: 884 }, query: { content_type: 'docx' } } } as never);
    expect([missing.response.status, docx.response.status]).toEqual([422, 422]);
    expect([missing.error as unknown, docx.error as unknown].flatMap((body) => (body as { validation: Array<{ message: string }> }).validation.map((x) => x.message))).toEqual([
      expect.stringMatching(/must have required property 'content_type'/),
      expect.stringMatching(/content_type must be equal to one of the allowed values/),
    ]);
    expect(violationMessages()).toHaveLength(2);
  });
});
