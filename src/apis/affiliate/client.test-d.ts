// Type tests of the affiliate client: its credential options follow the registry (the token may be a
// function), its paged lists are the three that take `page`, and download operations are typed as what
// the client reads them into (CSV text or the queued message; the document's JSON, or with parseAs the
// PDF's bytes).
import { describe, expectTypeOf, it } from 'vitest';
import type { API } from '../../../generated/affiliate.operations.js';
import type { paths } from '../../../generated/affiliate.js';
import type { ListItem, ListPath } from '../../core/list-types.js';
import type { FirstPromoterAffiliate, FirstPromoterAffiliateOptions } from './client.js';
import type { AccessTokenProvider } from './session.js';

type CredentialOptions<Facts extends { credentials: ReadonlyArray<{ option: string }> }> = Facts['credentials'][number]['option'];
declare const affiliate: FirstPromoterAffiliate;

describe('affiliate client types', () => {
  it('takes accessToken (a string or a token function) and accountId', () => {
    expectTypeOf<Pick<FirstPromoterAffiliateOptions, CredentialOptions<typeof API>>>()
      .toEqualTypeOf<{ accessToken?: string | AccessTokenProvider; accountId?: string }>();
    expectTypeOf<AccessTokenProvider>().parameter(0).toEqualTypeOf<{ refresh: boolean }>();
  });

  it('pages the commissions, payouts and referrals lists, payouts unwrapped from { data, meta }', () => {
    expectTypeOf<ListPath<paths>>().toEqualTypeOf<'/commissions' | '/payouts' | '/referrals'>();
    expectTypeOf<ListItem<paths, '/payouts'>['total_incl_tax']>().toEqualTypeOf<number | undefined>();
  });

  it('types exports as CSV text or the queued message, a document as its JSON, or bytes with parseAs', async () => {
    const exported = await affiliate.api.GET('/commissions/export');
    expectTypeOf(exported.data).toEqualTypeOf<string | { message: string } | undefined>();
    const params = { path: { id: 1 }, query: { content_type: 'pdf' as const } };
    const document = await affiliate.api.GET('/contract_documents/{id}', { params });
    expectTypeOf(document.data).toEqualTypeOf<{ data: { content: string } } | undefined>();
    const pdf = await affiliate.api.GET('/contract_documents/{id}', { params, parseAs: 'arrayBuffer' });
    expectTypeOf(pdf.data).toEqualTypeOf<ArrayBuffer | undefined>();
    const deleted = await affiliate.api.DELETE('/referrals/{id}', { params: { path: { id: 1 } } });
    expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
  });
});
