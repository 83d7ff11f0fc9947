// Type tests (vitest typecheck mode): what bulk() infers from the operation it is given.
import type { TypedApi } from '../../core/list-types.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../../../generated/v2.js';
import { bulk, type BulkResult } from './batches.js';

const api = {} as TypedApi<paths>;
type Approved = BulkResult<components['schemas']['BatchProcess']>;

describe('bulk', () => {
  it('types the batch and meta from the operation it is given', () => {
    expectTypeOf(bulk(api.POST('/company/commissions/approve', { body: { ids: [1] } }))).resolves.toEqualTypeOf<Approved>();
    type MarkedPaid = Awaited<ReturnType<typeof bulk<Awaited<ReturnType<typeof markPaid>>>>>;
    const markPaid = () => api.POST('/company/payouts/mark_as_paid', { body: { ids: [1] } });
    expectTypeOf<Approved['batch']>().toEqualTypeOf<components['schemas']['BatchProcess']>();
    expectTypeOf<Approved['meta']>().toEqualTypeOf<undefined>();
    expectTypeOf<MarkedPaid['batch']>().toEqualTypeOf<components['schemas']['PayoutBatchProcess']>();
    expectTypeOf<MarkedPaid['meta']>().toEqualTypeOf<components['schemas']['PayoutBatchResult']['meta'] | undefined>();
    expectTypeOf<Approved['outcome']>().toEqualTypeOf<'completed' | 'queued'>();
  });

  it('refuses a call that does not answer a batch', () => {
    // @ts-expect-error one promoter is not the answer of a bulk action
    void bulk(api.GET('/company/promoters/{id}', { params: { path: { id: '1' } } }));
  });
});
