// What every API's tracking methods share once their input is checked: the call goes out as a POST
// through the typed client, and the answer becomes an outcome by the operation's rules from the
// generated table (`x-outcomes` in the spec), or a typed error.
import { toOutcome, type OutcomeRules, type TrackOutcome } from '../core/outcomes.js';
import { callOptions, type RequestOptions } from '../core/request-options.js';
import type { ApiResult } from '../core/unwrap.js';

/** The one method tracking needs of a typed client; loose, because each API types its own paths. */
export interface TrackingApi {
  POST(path: never, init: never): Promise<ApiResult>;
}

/**
 * Sends one tracking call. Tracking calls are safe to resend unless the caller says otherwise:
 * event_id dedupes sales and refunds, a second signup or subscriber is refused as a duplicate, a
 * repeated cancellation changes nothing.
 */
export async function sendTracking<T>(
  api: TrackingApi,
  path: string,
  body: Record<string, unknown>,
  rules: OutcomeRules,
  options: RequestOptions | undefined,
): Promise<TrackOutcome<T>> {
  const init = { body, ...callOptions({ ...options, idempotent: options?.idempotent ?? true }) };
  const result = await (api.POST as (path: string, init: object) => Promise<ApiResult>)(path, init);
  return toOutcome<T>(result, rules);
}
