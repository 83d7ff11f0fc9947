// bulk() on hand-made results (both answer shapes, every status class) and waitForBatch's input checks.
// Polling against a server whose batch moves on is in contract-tests/admin-helpers/batches.test.ts.
import { describe, expect, it, vi } from 'vitest';
import type { TypedApi } from '../../core/list-types.js';
import type { components, paths } from '../../../generated/v2.js';
import { bulk, waitForBatch } from './batches.js';
import { APIError, InternalServerError, PermissionDeniedError, UnprocessableEntityError, ValidationError } from '../../core/errors.js';
import { createFirstPromoter } from './client.js';

const batch = { id: 42, status: 'pending' as const, total: 12, progress: 0, processing_errors: [] };
const answer = (status: number, data: unknown) => ({ data, response: new Response(null, { status }) });

describe('bulk', () => {
  it('calls a 200 completed and hands over the batch', async () => {
    const done = { ...batch, status: 'completed' as const, progress: 100 };
    const result = await bulk(answer(200, done) as { data: components['schemas']['BatchProcess']; response: Response });
    expect(result).toMatchObject({ outcome: 'completed', batch: done, meta: undefined });
  });

  it('calls a 202 queued, from a promise too', async () => {
    const result = await bulk(Promise.resolve(answer(202, batch) as { data: components['schemas']['BatchProcess']; response: Response }));
    expect(result).toMatchObject({ outcome: 'queued', batch: { id: 42, status: 'pending' } });
  });

  it('unwraps the payouts answer {data: batch, meta} and keeps its meta', async () => {
    const meta = { total: 148200, promoters_count: 11, total_incl_tax: 159840, all_promoters_count: 11 };
    const result = await bulk(answer(202, { data: { ...batch, id: 89 }, meta }) as { data: components['schemas']['PayoutBatchResult']; response: Response });
    expect(result).toMatchObject({ outcome: 'queued', batch: { id: 89 }, meta });
  });

  it('keeps a batch whose own `meta` field is set as the batch, not as an envelope', async () => {
    const withMeta = { ...batch, meta: { data: { note: 'free-form' } } };
    const result = await bulk(answer(202, withMeta) as { data: components['schemas']['BatchProcess']; response: Response });
    expect(result.batch).toEqual(withMeta);
    expect(result.meta).toBeUndefined();
  });

  it.each([
    [403, PermissionDeniedError],
    [422, UnprocessableEntityError],
  ])('turns %i into its typed APIError', async (status, ErrorClass) => {
    const refused = { error: { message: 'param is missing', code: 'invalid_params' }, response: new Response(null, { status }) };
    const error = await bulk(refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, body: { code: 'invalid_params' } });
  });

  it('refuses a 2xx that holds no batch process', async () => {
    const error = await bulk(answer(200, { message: 'ok' }) as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toMatch(/Expected a batch process/);
  });
});

describe('waitForBatch input', () => {
  const neverCalled = {
    GET: () => {
      throw new Error('no request expected');
    },
  } as unknown as TypedApi<paths>;

  it.each([
    ['id 0', 0, {}, 'batch'],
    ['a fractional id', { id: 1.5 }, {}, 'batch'],
    ['maxWaitMs 0', 42, { maxWaitMs: 0 }, 'maxWaitMs'],
    ['a per-look timeoutMs of 0', 42, { timeoutMs: 0 }, 'timeoutMs'],
    ['a negative initialDelayMs', 42, { initialDelayMs: -1 }, 'initialDelayMs'],
    ['maxDelayMs above what setTimeout can wait', 42, { maxDelayMs: 2 ** 31 }, 'maxDelayMs'],
    ['an infinite maxDelayMs', 42, { maxDelayMs: Infinity }, 'maxDelayMs'],
  ])('refuses %s before sending anything', async (_, input, options, field) => {
    const error = await waitForBatch(neverCalled, input as number, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
  });
});

describe('per-call settings of a wait', () => {
  // Through the real client and transport: the look at the batch fails with 503 once, then answers.
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const busyOnce = () => vi.fn<typeof fetch>()
    .mockResolvedValueOnce(json(503, { message: 'busy' }))
    .mockResolvedValue(json(200, { id: 42, status: 'completed', progress: 100, processing_errors: [] }));
  const clientWith = (fetch: typeof globalThis.fetch) =>
    createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, maxRetries: 0, backoff: { baseDelayMs: 0, maxDelayMs: 0 } });

  it('applies maxRetries to every look, overriding the client', async () => {
    const fetch = busyOnce();
    await expect(waitForBatch(clientWith(fetch), 42, { maxRetries: 1 })).resolves.toMatchObject({ id: 42, status: 'completed' });
    expect(fetch).toHaveBeenCalledTimes(2);
    await expect(waitForBatch(clientWith(busyOnce()), 42)).rejects.toBeInstanceOf(InternalServerError);
  });
});
