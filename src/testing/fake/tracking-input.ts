// Reads a tracking call's fields the way FirstPromoter checks them: `email` or `uid` must be there,
// money is whole minor units (a JSON integer on v2, a string of digits in v1's forms), and the answers
// for what it refuses are FirstPromoter's own 400s. The special answers (not a referral, already
// recorded) come from the operation table's `x-outcomes`, in each API's status and body.
import { AMOUNT_INVALID, IDENTITY_BLANK, trackingError, type Answer } from './answers.js';
import type { FakeApi, Operation } from './apis.js';

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export interface Identity {
  email: string | undefined;
  uid: string | undefined;
}

export function readIdentity(input: Record<string, unknown>): Identity | Answer {
  const identity = { email: text(input.email), uid: text(input.uid) };
  return identity.email === undefined && identity.uid === undefined ? trackingError(400, IDENTITY_BLANK) : identity;
}

/** Whole minor units: an integer ≥ 0 in JSON, digits in a form; anything else is refused. */
function readCents(api: FakeApi, value: unknown): number | undefined {
  if (api.encoding === 'json') return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export interface Money {
  event_id: string;
  amount: number;
  currency: string | null;
  quantity: number | null;
}

/** The event id and money of a sale or refund, or FirstPromoter's 400. */
export function readMoney(api: FakeApi, input: Record<string, unknown>): Money | Answer {
  const amount = readCents(api, input.amount);
  if (amount === undefined) return trackingError(400, AMOUNT_INVALID);
  const event_id = text(input.event_id);
  // FirstPromoter documents no message for a missing event_id (the client never sends one): this one is the fake's.
  if (event_id === undefined) return trackingError(400, 'Error. Event id can not be blank!');
  const quantity = input.quantity === undefined ? null : readCents(api, input.quantity);
  if (quantity === undefined || quantity === 0) return trackingError(400, 'Error. Quantity invalid.');
  const currency = input.currency === undefined ? null : text(input.currency);
  if (currency === undefined || (currency !== null && !/^[A-Za-z]{3}$/.test(currency))) return trackingError(400, 'Error. Currency invalid.');
  return { event_id, amount, currency: currency?.toUpperCase() ?? null, quantity };
}

/**
 * The answer an operation gives for an outcome, from its `x-outcomes`: the status, and a body that
 * satisfies the rule's `when` (`code: not_found`, or the message under `transaction_id`). 204 has none.
 */
export function outcomeAnswer(api: FakeApi, operation: Operation, outcome: 'not_referral' | 'duplicate', message: string): Answer {
  const rules = api.outcomes[`${operation.method} ${operation.path}`] ?? {};
  const found = Object.entries(rules).find(([, rule]) => rule.outcome === outcome);
  if (!found) throw new Error(`fake FirstPromoter: ${operation.id} documents no ${outcome} answer`);
  const [status, rule] = found;
  if (status === '204') return { status: 204 };
  const keyed = Object.entries(rule.when ?? {}).filter(([, value]) => value === true).map(([name]) => name);
  if (keyed.length > 0) return { status: Number(status), body: Object.fromEntries(keyed.map((name) => [name, message])) };
  return { status: Number(status), body: { message, ...rule.when } };
}

export const isAnswer = (value: unknown): value is Answer => value !== null && typeof value === 'object' && 'status' in value && typeof (value as Answer).status === 'number';
