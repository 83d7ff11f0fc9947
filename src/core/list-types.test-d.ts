// Type tests (vitest typecheck mode, and tsc): a list with a required query parameter must be given it.
import { describe, it } from 'vitest';
import type { paths } from '../../generated/v2.js';
import type { TypedApi } from './list-types.js';
import { paginate } from './pagination.js';

declare const api: TypedApi<paths>;

describe('lists with a required query parameter', () => {
  it('need their options, query included', () => {
    paginate(api, '/company/payout_methods', { query: { filters: { promoter_id: 1482 } } });
    // @ts-expect-error the payout methods list is always one promoter's: filters[promoter_id] is required
    paginate(api, '/company/payout_methods');
    // @ts-expect-error the same, with other options given
    paginate(api, '/company/payout_methods', { maxRetries: 1 });
    // @ts-expect-error the same, with a query that lacks it
    paginate(api, '/company/payout_methods', { query: { per_page: 50 } });
    // Lists without required parameters still take no options at all.
    paginate(api, '/company/rewards');
    paginate(api, '/company/rewards', { query: { scope: 'referrals' } });
  });
});
