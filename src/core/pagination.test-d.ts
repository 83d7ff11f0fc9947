// Type tests (vitest typecheck mode): what paginate and pages infer from the generated paths.
import { describe, expectTypeOf, it } from 'vitest';
import type { LISTS as V1_LISTS } from '../../generated/v1.operations.js';
import type { paths as V1Paths } from '../../generated/v1.js';
import type { LISTS } from '../../generated/v2.operations.js';
import type { components, paths } from '../../generated/v2.js';
import type { ListPath, TypedApi } from './list-types.js';
import { paginate, pages, type Page } from './pagination.js';

const api = {} as TypedApi<paths>;

describe('types inferred from the generated paths', () => {
  it('types as lists exactly the paths the operation table lists, for v2 and v1', () => {
    expectTypeOf<ListPath<paths>>().toEqualTypeOf<keyof typeof LISTS>();
    expectTypeOf<ListPath<V1Paths>>().toEqualTypeOf<keyof typeof V1_LISTS>();
  });

  it('yields the row type, unwrapped from the promoters envelope', () => {
    expectTypeOf(paginate(api, '/company/promoters')).toEqualTypeOf<AsyncGenerator<components['schemas']['Promoter'], void, undefined>>();
    expectTypeOf(pages(api, '/company/promoters')).toEqualTypeOf<
      AsyncGenerator<Page<components['schemas']['Promoter'], components['schemas']['PromoterListPage']>, void, undefined>
    >();
    expectTypeOf(paginate(api, '/company/commissions')).toEqualTypeOf<AsyncGenerator<components['schemas']['Commission'], void, undefined>>();
  });

  it('types the query from the spec and requires path parameters', () => {
    expectTypeOf(paginate<paths, '/company/promoters'>).toBeCallableWith(api, '/company/promoters', {
      query: { filters: { state: 'accepted' }, sorting: { revenue_amount: 'desc' } },
    });
    // @ts-expect-error `pending_ish` is not a promoter state
    paginate(api, '/company/promoters', { query: { filters: { state: 'pending_ish' } } });
    // @ts-expect-error the deliveries list needs its webhook_id
    paginate(api, '/company/webhooks/{webhook_id}/webhook_deliveries');
    expectTypeOf(paginate<paths, '/company/webhooks/{webhook_id}/webhook_deliveries'>).toBeCallableWith(
      api, '/company/webhooks/{webhook_id}/webhook_deliveries', { path: { webhook_id: 7 } },
    );
    // @ts-expect-error one promoter is not a list
    paginate(api, '/company/promoters/{id}');
  });
});
