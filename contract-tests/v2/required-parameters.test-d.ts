// Type test, checked by `npm run typecheck` (tsc), never run: a parameter the spec marks required is
// required by the typed client too.
import type { FirstPromoter } from '../../src/index.js';

export function searchWithoutText(client: FirstPromoter) {
  // @ts-expect-error `q` is required by the spec, so the typed client refuses a search without it.
  return client.api.GET('/company/promoter_campaigns/search', { params: { query: {} } });
}

export function searchWithText(client: FirstPromoter) {
  return client.api.GET('/company/promoter_campaigns/search', { params: { query: { q: 'maria' } } });
}
