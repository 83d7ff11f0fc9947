// FirstPromoter answers some tracking calls with statuses that are normal business results, not
// failures: "this customer was not referred" (204, or a 404 for an unknown customer or visitor) and
// "this event is already recorded" (409, or 422 for a second signup). Which status means what is
// stated per operation in the spec (`x-outcomes`) and reaches the code through the generated
// operation table.
import { APIError, type APIErrorInit } from './errors.js';
import { redactSecretText } from '../internal/redact.js';

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

/**
 * One operation's outcome rules, as the table states them: status → outcome, optionally only when
 * the error body has the given string fields (`true`: present with any string value).
 */
export type OutcomeRules = Readonly<Record<string, { readonly outcome: 'not_referral' | 'duplicate'; readonly when?: Readonly<Record<string, string | true>> }>>;

/** A tracking call's answer: status, headers and parsed body (undefined when empty), and what the call was. */
export type TrackingAnswer = APIErrorInit & { attempts: number };

export function toOutcome<T>(answer: TrackingAnswer, rules: OutcomeRules): TrackOutcome<T> {
  const { status, attempts, body } = answer;
  const rule = rules[String(status)];
  if (rule && Object.entries(rule.when ?? {}).every(([name, value]) => matches(field(body, name), value))) {
    // The message is kept from the response, so it is redacted like an error body.
    const message = messageOf(body);
    return { outcome: rule.outcome, status, attempts, message: message === undefined ? undefined : redactSecretText(message, answer.secrets) };
  }
  if (status >= 200 && status < 300 && body !== undefined) return { outcome: 'tracked', status, attempts, data: body as T };
  throw APIError.from(answer, 'tracking');
}

function matches(actual: string | undefined, expected: string | true): boolean {
  return expected === true ? actual !== undefined : actual === expected;
}

/** Reads a string field of an error body, whatever its shape. */
function field(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function messageOf(body: unknown): string | undefined {
  return field(body, 'message') ?? field(body, 'transaction_id') ?? field(body, 'error');
}
