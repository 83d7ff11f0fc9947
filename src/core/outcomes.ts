// FirstPromoter answers some tracking calls with statuses that are normal business results, not
// failures: "this customer was not referred" (204, or 404 not_found on v2 sales) and "this event is
// already recorded" (409, or 422 for a second signup). Tracking methods return them as outcomes.
import { APIError } from './errors.js';
import { responseInfo } from '../internal/transport.js';

interface OutcomeBase {
  /** HTTP status FirstPromoter answered. */
  status: number;
  /** Attempts the transport made; above 1 means earlier attempts failed in transit. */
  attempts: number;
}

/** The event was recorded now; `data` is FirstPromoter's parsed answer. */
export interface Tracked<T> extends OutcomeBase {
  outcome: 'tracked';
  data: T;
}

/** The customer is not a referral (or the promoter is banned): nothing to record, nothing went wrong. */
export interface NotReferral extends OutcomeBase {
  outcome: 'not_referral';
  message: string | undefined;
}

/**
 * The event was already recorded, by an earlier call or by an earlier attempt of this one (a 409 after
 * a retry means the first attempt landed). Either way it is recorded exactly once.
 */
export interface Duplicate extends OutcomeBase {
  outcome: 'duplicate';
  message: string | undefined;
}

export type TrackOutcome<T> = Tracked<T> | NotReferral | Duplicate;

/** Which answers of one tracking operation are outcomes rather than errors. */
export interface OutcomeRules {
  notReferral?: (status: number, body: unknown) => boolean;
  duplicate?: (status: number, body: unknown) => boolean;
}

export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export function toOutcome<T>(result: FetchResult, rules: OutcomeRules, method: string, path: string): TrackOutcome<T> {
  const { status } = result.response;
  const attempts = responseInfo(result.response)?.attempts ?? 1;
  const body = result.response.ok ? result.data : result.error;
  if (rules.notReferral?.(status, body)) return { outcome: 'not_referral', status, attempts, message: messageOf(body) };
  if (rules.duplicate?.(status, body)) return { outcome: 'duplicate', status, attempts, message: messageOf(body) };
  if (result.response.ok && body !== undefined) return { outcome: 'tracked', status, attempts, data: body as T };
  throw APIError.from({ status, method, path, headers: result.response.headers, body, attempts });
}

/** Reads a string field of an error body, whatever its shape. */
export function field(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function messageOf(body: unknown): string | undefined {
  return field(body, 'message') ?? field(body, 'transaction_id') ?? field(body, 'error');
}
