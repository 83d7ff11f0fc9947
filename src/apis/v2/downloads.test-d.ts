// Type tests (vitest typecheck mode, and tsc): the typed client's `data` for v2's download operations,
// the operations under another base URL, and the untyped `request`.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../../generated/v2.js';
import type { RawResponse } from '../raw-request.js';
import type { FirstPromoter } from './client.js';

declare const fp: FirstPromoter;

describe('v2 answer types', () => {
  it('types CSV exports as text, a queued export as its JSON', async () => {
    expectTypeOf((await fp.api.GET('/company/invoices/export')).data).toEqualTypeOf<string | undefined>();
    const report = await fp.api.GET('/company/reports/download', {
      params: { query: { report_type: 'overview', columns: ['clicks_count'], group_by: 'month', start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } },
    });
    expectTypeOf(report.data).toEqualTypeOf<string | components['schemas']['ReportExportQueued'] | undefined>();
  });

  it('types a contract document as its JSON without parseAs, and as a Blob with parseAs blob', async () => {
    const params = { path: { id: 884 }, query: { content_type: 'pdf' as const } };
    expectTypeOf((await fp.api.GET('/company/contract_documents/{id}', { params })).data).toEqualTypeOf<{ data: { content: string } } | undefined>();
    expectTypeOf((await fp.api.GET('/company/contract_documents/{id}', { params, parseAs: 'blob' })).data).toEqualTypeOf<Blob | undefined>();
  });

  it('types the operations under /api/admin/v1 like any other', async () => {
    expectTypeOf((await fp.api.GET('/custom_referral_statuses')).data).toEqualTypeOf<components['schemas']['CustomReferralStatusList'] | undefined>();
  });

  it('leaves the raw call untyped, and takes only the API\'s methods', () => {
    expectTypeOf(fp.request).returns.resolves.toEqualTypeOf<RawResponse>();
    expectTypeOf<RawResponse['data']>().toBeUnknown();
    // @ts-expect-error TRACE is not a method of the API
    void fp.request('TRACE', '/company/things');
  });
});
