// Type tests (checked by `npm run typecheck`): without `parseAs`, the typed client's `data` is what the
// routes read at run time: text for CSV, a Blob for a PDF, JSON otherwise; `request` is untyped.
import { expectTypeOf } from 'vitest';
import type { components } from '../../generated/v2.js';
import type { RawResponse } from './raw-request.js';
import type { FirstPromoter } from './v2/client.js';

declare const fp: FirstPromoter;

const csv = await fp.api.GET('/company/invoices/export');
expectTypeOf(csv.data).toEqualTypeOf<string | undefined>();

const report = await fp.api.GET('/company/reports/download', {
  params: { query: { report_type: 'overview', columns: ['clicks_count'], group_by: 'month', start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } },
});
expectTypeOf(report.data).toEqualTypeOf<string | components['schemas']['ReportExportQueued'] | undefined>();

const document = await fp.api.GET('/company/contract_documents/{id}', { params: { path: { id: 884 }, query: { content_type: 'pdf' } } });
// openapi-fetch maps answer types through `Readable<>`, which keeps a Blob's fields but not its
// methods; `instanceof Blob` (true at run time) gives the Blob back, `'data' in` the JSON answer.
const answer = document.data;
expectTypeOf(answer).not.toBeAny();
if (answer instanceof Blob) expectTypeOf(answer.arrayBuffer()).toEqualTypeOf<Promise<ArrayBuffer>>();
else if (answer && 'data' in answer) expectTypeOf(answer.data.content).toEqualTypeOf<string>();

const statuses = await fp.api.GET('/custom_referral_statuses');
expectTypeOf(statuses.data).toEqualTypeOf<components['schemas']['CustomReferralStatusList'] | undefined>();

expectTypeOf(fp.request).returns.resolves.toEqualTypeOf<RawResponse>();
expectTypeOf<RawResponse['data']>().toBeUnknown();
// @ts-expect-error: the raw call takes the API's methods only
void fp.request('TRACE', '/company/things');
