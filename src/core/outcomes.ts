// FirstPromoter answers some tracking calls with statuses that are normal business results, not
// failures: "this customer was not referred" (204, or 404 not_found on v2 sales) and "this event is
// already recorded" (409, or 422 for a second signup). Tracking methods return them as outcomes.
import { errorFrom, type ApiResult } from './unwrap.js';
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

/** The answers FirstPromoter's tracking endpoints share: 204 and 409, and 422 for a second signup. */
export const answeredWith = (code: number) => (status: number): boolean => status === code;
export const secondSignup = (status: number, body: unknown): boolean => status === 422 && field(body, 'transaction_id') !== undefined;

export function toOutcome<T>(result: ApiResult, rules: OutcomeRules): TrackOutcome<T> {
  const { status } = result.response;
  const attempts = responseInfo(result.response)?.attempts ?? 1;
  const body = result.response.ok ? result.data : result.error;
  if (rules.notReferral?.(status, body)) return { outcome: 'not_referral', status, attempts, message: messageOf(body) };
  if (rules.duplicate?.(status, body)) return { outcome: 'duplicate', status, attempts, message: messageOf(body) };
  if (result.response.ok && body !== undefined) return { outcome: 'tracked', status, attempts, data: body as T };
  throw errorFrom(result);
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
