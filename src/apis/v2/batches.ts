// v2 bulk actions (approve, deny, accept, mark_as_paid...) answer 200 when they ran at once (five ids
// or fewer) and 202 when they were queued as a batch process. `bulk()` turns either answer into a
// typed outcome; `waitForBatch()` polls a queued batch until it has finished.
//   const result = await bulk(client.api.POST('/company/commissions/approve', { body: { ids } }));
//   const batch = result.outcome === 'queued' ? await waitForBatch(client, result) : result.batch;
import type { paths } from '../../../generated/v2.js';
import { AbortError, APIError, FirstPromoterError, ValidationError } from '../../core/errors.js';
import { apiOf, type TypedApiOrClient } from '../../core/list-types.js';
import { callOptions, type RequestOptions } from '../../core/request-options.js';
import { errorFrom, errorInit } from '../../core/unwrap.js';
import { MAX_TIMER_MS, sleep } from '../../internal/backoff.js';
import { DEFAULT_POLL_SCHEDULE, pollDelay } from '../../internal/poll-schedule.js';
import { brand } from '../../internal/brand.js';
import { isRecord } from '../../internal/is-record.js';

/** A batch process as `GET /company/batch_processes/{id}` returns it. */
export type BatchProcess = paths['/company/batch_processes/{id}']['get']['responses'][200]['content']['application/json'];

interface BatchLike { id: number; status: string }

/** What a bulk call resolves to: a batch, or (payouts) `{ data: batch, meta }`; or an error. */
export type BulkApiResult =
  | { data: BatchLike | { data: BatchLike }; response: Response }
  | { data?: never; error?: unknown; response: Response };

type SuccessData<R> = R extends { data: infer D } ? D : never;
type BatchOf<D> = D extends { data: infer B } ? B : D;
type MetaOf<D> = D extends { data: unknown; meta?: infer M } ? M | undefined : undefined;

interface BulkFields<D> {
  /** The batch process (unwrapped from `data` for the payouts actions). */
  batch: BatchOf<D>;
  /** The payouts actions' totals of the selection; undefined for the other actions. */
  meta: MetaOf<D>;
  response: Response;
}

/** `completed`: 200, the action ran at once. `queued`: 202, pass it to `waitForBatch`. */
export type BulkResult<D> = ({ outcome: 'completed' } & BulkFields<D>) | ({ outcome: 'queued' } & BulkFields<D>);

/** The outcome of a bulk action call; a typed APIError when FirstPromoter refused it. */
export async function bulk<R extends BulkApiResult>(call: Promise<R> | R): Promise<BulkResult<SuccessData<R>>> {
  const result = await call;
  if (!result.response.ok) throw errorFrom(result);
  const body: unknown = result.data;
  // A batch has its own `id` (and its own `meta` field), the payouts envelope has none.
  const wrapped = isRecord(body) && !('id' in body) && isRecord(body.data);
  const batch = wrapped ? body.data : body;
  if (!isRecord(batch) || typeof batch.id !== 'number' || typeof batch.status !== 'string') {
    throw new APIError(errorInit(result, body), 'Expected a batch process in the answer of a bulk action.');
  }
  const fields = { batch, meta: wrapped ? body.meta : undefined, response: result.response } as BulkFields<SuccessData<R>>;
  return result.response.status === 202 ? { outcome: 'queued', ...fields } : { outcome: 'completed', ...fields };
}

/**
 * The per-call options (`signal`, `maxRetries`, `timeoutMs`) apply to every look at the batch; a
 * signal stops the wait with an AbortError (the batch itself goes on).
 */
export interface WaitForBatchOptions extends RequestOptions {
  /** Longest total wait in ms before a BatchTimeoutError (default 5 minutes; Infinity waits forever). */
  maxWaitMs?: number | undefined;
  /** Wait before the second look (default 1 s); it doubles after every look. */
  initialDelayMs?: number | undefined;
  /** Longest wait between two looks (default 10 s). */
  maxDelayMs?: number | undefined;
}

const FINISHED = new Set(['completed', 'failed', 'stopped']);
const DEFAULT_MAX_WAIT_MS = 5 * 60_000;

/** The batch was not finished when the wait ran out. It may still finish: look again later. */
export class BatchTimeoutError extends FirstPromoterError {
  override name = 'BatchTimeoutError';
  static { brand(this, 'BatchTimeoutError'); }
  readonly batchId: number;
  /** Status at the last look; undefined when no look completed. */
  readonly lastStatus: string | undefined;
  readonly maxWaitMs: number;
  constructor(batchId: number, maxWaitMs: number, last: BatchProcess | undefined) {
    const seen = last ? `still ${last.status}${last.progress === undefined ? '' : ` (${last.progress}%)`}` : 'not seen yet';
    super(`Batch process ${batchId} was ${seen} after ${maxWaitMs} ms of waiting. It may still finish: ` +
      `check GET /company/batch_processes/${batchId} later, or call waitForBatch again.`);
    this.batchId = batchId;
    this.lastStatus = last?.status;
    this.maxWaitMs = maxWaitMs;
  }
}

/**
 * Polls `GET /company/batch_processes/{id}` until the batch is completed, failed or stopped, and
 * returns it, `processing_errors` included. Looks at once, then after 1 s, 2 s, 4 s... (10 s at most).
 */
export async function waitForBatch(
  client: TypedApiOrClient<paths>,
  batch: number | { id: number } | { batch: { id: number } },
  options: WaitForBatchOptions = {},
): Promise<BatchProcess> {
  const id = typeof batch === 'number' ? batch : 'batch' in batch ? batch.batch.id : batch.id;
  if (!Number.isSafeInteger(id) || id < 1) throw new ValidationError('batch', `The batch id must be a positive whole number, got ${String(id)}.`);
  const { signal: caller, maxWaitMs: maxWait, initialDelayMs, maxDelayMs, ...perLook } = options;
  // Checked now, so a bad value is a ValidationError before the first look.
  const lookOptions = callOptions(perLook);
  const maxWaitMs = duration('maxWaitMs', maxWait ?? DEFAULT_MAX_WAIT_MS, true);
  const schedule = {
    initialDelayMs: duration('initialDelayMs', initialDelayMs ?? DEFAULT_POLL_SCHEDULE.initialDelayMs),
    maxDelayMs: duration('maxDelayMs', maxDelayMs ?? DEFAULT_POLL_SCHEDULE.maxDelayMs),
  };
  const api = apiOf(client);
  const deadline = new AbortController();
  const timer = Number.isFinite(maxWaitMs) ? setTimeout(() => deadline.abort(), maxWaitMs) : undefined;
  const signal = caller ? AbortSignal.any([caller, deadline.signal]) : deadline.signal;
  let last: BatchProcess | undefined;
  try {
    for (let poll = 1; ; poll++) {
      const result = await api.GET('/company/batch_processes/{id}', { params: { path: { id } }, ...lookOptions, signal });
      // A 2xx without a body would be a broken answer: reported like a refusal, with its status.
      if (!result.response.ok || !result.data) throw errorFrom(result);
      last = result.data;
      if (FINISHED.has(last.status)) return last;
      await sleep(pollDelay(poll, schedule), signal);
    }
  } catch (error) {
    if (caller?.aborted) {
      throw error instanceof AbortError ? error : new AbortError(`Waiting for batch process ${id} was aborted by the caller.`, { cause: caller.reason });
    }
    if (deadline.signal.aborted) throw new BatchTimeoutError(id, maxWaitMs, last);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function duration(field: string, value: number, infinite = false): number {
  if (typeof value === 'number' && value > 0 && (value <= MAX_TIMER_MS || (infinite && value === Infinity))) return value;
  throw new ValidationError(field, `${field} must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}${infinite ? ' (or Infinity)' : ''}, got ${String(value)}.`);
}
