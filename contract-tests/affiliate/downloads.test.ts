// The affiliate exports and contract documents against Prism's mock of openapi/affiliate: the client
// asks for the media types the spec lists and reads each answer by its content type: a CSV file is a
// string, the 202 "queued" answer and the HTML document are parsed JSON; the PDF is read with the call's
// own `parseAs`. Deliberately bad requests show Prism would catch a wrong one.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/affiliate.js';
import { capturingFetch } from '../support/clients.js';
import { violationMessages } from '../support/prism-messages.js';
import { affiliateClient } from './clients.js';

const window = { group_by: 'month', start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-30T23:59:59Z' } as const;

describe('affiliate exports and documents', () => {
  it('reads a small export as the CSV text, having asked for CSV (and JSON for errors)', async () => {
    const { fetch, sent } = capturingFetch();
    const csv = await unwrap(affiliateClient({ fetch }).api.GET('/commissions/export', { params: { query: { filters: { status: 'approved', paid: 'no' } } } }));
    expect(typeof csv).toBe('string');
    expect((csv as string).split('\n')[0]).toBe('Date,Campaign,Customer,Sale amount,Commission,Status,Paid');
    expect(sent[0]?.headers.get('accept')).toBe('text/csv, application/json');
    expect(sent[0]?.url).toMatch(/\/commissions\/export\?filters\[status\]=approved&filters\[paid\]=no$/);
  });

  it.each(['/commissions/export', '/payouts/export', '/referrals/export'] as const)('reads the 202 of a queued export (%s) as its JSON message', async (path) => {
    const queued = await unwrap(affiliateClient({ prefer: 'code=202' }).api.GET(path, {}));
    expect(queued).toEqual({ message: expect.stringMatching(/emailed to you/) });
  });

  it('exports payouts, referrals and a report as CSV text', async () => {
    const api = affiliateClient().api;
    const payouts = await unwrap(api.GET('/payouts/export', { params: { query: { q: 'partner', filters: { status: 'pending', due_period: 'next' } } } }));
    const referrals = await unwrap(api.GET('/referrals/export', { params: { query: { filters: { type: 'customer', state: 'active' } } } }));
    const report = await unwrap(api.GET('/reports/download', {
      params: { query: { ...window, report_type: 'sub_ids', totals: true, columns: ['clicks_count', 'promoter_earnings_amount'] } },
    }));
    expect([payouts, referrals, report].map((file) => (file as string).split('\n')[0])).toEqual([
      'Period start,Period end,Campaign,Amount,Tax,Total,Status,Paid at',
      'Email,UID,State,Campaign,Created at,Customer since',
      'Period,Clicks,Referrals,Earnings',
    ]);
  });

  it('gives a contract document as JSON holding its HTML, or as the PDF bytes with parseAs', async () => {
    const api = affiliateClient().api;
    const html = await unwrap(api.GET('/contract_documents/{id}', { params: { path: { id: 611 }, query: { content_type: 'html' } } }));
    expect(html).toEqual({ data: { content: expect.stringContaining('<h1>Partner agreement</h1>') } });
    // Prism picks the answer by Accept; FirstPromoter by content_type.
    const pdfRequest = { params: { path: { id: 611 }, query: { content_type: 'pdf' as const } }, headers: { Accept: 'application/pdf' } };
    const pdf = await unwrap(api.GET('/contract_documents/{id}', { ...pdfRequest, parseAs: 'arrayBuffer' }));
    expect(new TextDecoder().decode(pdf).startsWith('%PDF-1.4')).toBe(true);
    await expect(api.GET('/contract_documents/{id}', pdfRequest)).rejects.toThrow("answered application/pdf, which is binary: pass parseAs: 'arrayBuffer'");
  });

  it("leaves a call's own parseAs alone", async () => {
    const blob = await unwrap(affiliateClient().api.GET('/commissions/export', { parseAs: 'blob' }));
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toMatch(/^text\/csv/);
  });

  it('does not touch operations that answer JSON only', async () => {
    const { fetch, sent } = capturingFetch();
    const stats = await unwrap(affiliateClient({ fetch }).api.GET('/payouts/due_stats'));
    expect(stats.data?.next?.total_incl_tax).toBeTypeOf('number');
    expect(sent[0]?.headers.get('accept')).toBe('application/json');
  });

  it('can fail: Prism rejects a document without content_type and a report without columns', async () => {
    const api = affiliateClient().api;
    await api.GET('/contract_documents/{id}', { params: { path: { id: 611 }, query: {} as { content_type: 'html' } } });
    expect(violationMessages()).toContain("Request query must have required property 'content_type'");
    await api.GET('/reports/download', { params: { query: { ...window, report_type: 'overview', columns: [] } } }).catch(() => undefined);
    expect(violationMessages().join(' ')).toMatch(/columns/);
  });
});
