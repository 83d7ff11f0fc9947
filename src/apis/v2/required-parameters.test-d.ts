// Type tests (vitest typecheck mode, and tsc): a query parameter the spec marks required is required
// by the typed client too, so a call without it does not compile.
import { describe, it } from 'vitest';
import type { FirstPromoter } from './client.js';

declare const client: FirstPromoter;

describe('required parameters of the spec', () => {
  it('refuses a promoter campaign search without its text, and takes one with it', () => {
    // @ts-expect-error `q` is required by the spec.
    void client.api.GET('/company/promoter_campaigns/search', { params: { query: {} } });
    void client.api.GET('/company/promoter_campaigns/search', { params: { query: { q: 'maria' } } });
  });
});
