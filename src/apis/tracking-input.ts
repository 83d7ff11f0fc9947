// Checks tracking parameters before anything is sent, and turns money values into the integer minor
// units FirstPromoter expects. A mistake here must be a ValidationError, never a request.
import { ValidationError } from '../core/errors.js';
import { currencyCode, MoneyError, normalizeAmount, type Money } from '../core/money.js';

/**
 * Optional keys also take `undefined`, so code compiled with exactOptionalPropertyTypes can pass a
 * value that may be missing (`plan: invoice.plan`) without a conditional spread. The client leaves
 * such keys out of the request.
 */
export type AcceptUndefined<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

/** FirstPromoter finds the customer by email or by the uid given at signup: at least one is needed. */
export type Identified<T extends { email?: string; uid?: string }> = AcceptUndefined<Omit<T, 'email' | 'uid'>> &
  ({ email: string; uid?: string | undefined } | { uid: string; email?: string | undefined });

/** A money field accepts integer minor units (1999) or a decimal amount with its currency. */
export type WithMoney<T, K extends string> = Omit<T, K> & { [P in K]: number | Money };
export type WithOptionalMoney<T, K extends string> = Omit<T, K> & { [P in K]?: number | Money | undefined };

export function requireObject(params: unknown, method: string): asserts params is Record<string, unknown> {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new ValidationError('params', `${method} takes one object of parameters.`);
  }
}

export function requireIdentity(params: Record<string, unknown>, method: string): void {
  for (const name of ['email', 'uid']) requireNonEmpty(params, name, method);
  if (params.email === undefined && params.uid === undefined) {
    throw new ValidationError('email', `${method} needs \`email\` or \`uid\` to find the customer; neither was given.`);
  }
}

export function requireEventId(params: Record<string, unknown>, method: string): void {
  const { event_id } = params;
  if (typeof event_id !== 'string' || event_id.trim() === '') {
    throw new ValidationError(
      'event_id',
      `${method} needs \`event_id\` (e.g. the invoice or charge id): FirstPromoter uses it to record the event once, even when the call is retried.`,
    );
  }
}

/** Signup and subscriber attribute the lead through the visitor's `tid` cookie or a promoter `ref_id`. */
export function requireAttribution(params: Record<string, unknown>, method: string): void {
  for (const name of ['tid', 'ref_id']) requireNonEmpty(params, name, method);
  if (params.tid === undefined && params.ref_id === undefined) {
    throw new ValidationError('tid', `${method} needs \`tid\` (the _fprom_tid cookie) or \`ref_id\` (the promoter's referral id) to credit a promoter; neither was given.`);
  }
}

/** A quantity is a whole number of items, 1 or more: an integer, or (v1 types it so) a string of digits. */
function requireQuantity(params: Record<string, unknown>, method: string): void {
  const { quantity } = params;
  if (quantity === undefined) return;
  const whole = typeof quantity === 'number' ? Number.isSafeInteger(quantity) && quantity >= 1 : typeof quantity === 'string' && /^[1-9][0-9]*$/.test(quantity);
  if (!whole) {
    throw new ValidationError('quantity', `${method}: \`quantity\` must be a whole number of items, 1 or more, got ${JSON.stringify(quantity)}.`);
  }
}

export function requireNonEmpty(params: Record<string, unknown>, name: string, method: string): void {
  const value = params[name];
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw new ValidationError(name, `${method}: \`${name}\` must be a non-empty string when given.`);
  }
}

/**
 * Replaces each money field by its minor units and fills `currency` from a money value. Two fields or
 * an explicit `currency` that disagree are an error rather than a guess.
 */
export function applyMoney(
  params: Record<string, unknown>,
  fields: readonly string[],
  required: readonly string[],
  method: string,
  minorUnits?: Readonly<Record<string, number>>,
): { values: Record<string, number>; currency: string | undefined } {
  const explicit = params.currency;
  if (explicit !== undefined && (typeof explicit !== 'string' || !/^[A-Za-z]{3}$/.test(explicit))) {
    throw new ValidationError('currency', `${method}: \`currency\` must be a three-letter ISO 4217 code such as "USD", got ${JSON.stringify(explicit)}.`);
  }
  // The same rule as for the currency of a Money value: a code the currency table (or minorUnits) knows.
  let currency = explicit === undefined ? undefined : withField('currency', method, () => currencyCode(explicit, minorUnits ? { minorUnits } : undefined));
  const values: Record<string, number> = {};
  for (const name of fields) {
    const value = params[name];
    if (value === undefined) {
      if (required.includes(name)) {
        throw new ValidationError(name, `${method} needs \`${name}\`: integer minor units (1999) or { amount: "19.99", currency: "USD" }.`);
      }
      continue;
    }
    const normalized = withField(name, method, () => normalizeAmount(value as number | Money, minorUnits ? { minorUnits } : undefined));
    if (normalized.currency !== undefined) {
      if (currency !== undefined && currency !== normalized.currency) {
        throw new ValidationError(name, `${method}: \`${name}\` is in ${normalized.currency} but the call's currency is ${currency}; send one currency per call.`);
      }
      currency = normalized.currency;
    }
    values[name] = normalized.amount;
  }
  return { values, currency };
}

/**
 * The checked body of a sale or refund: customer, event_id, and each money field in minor units, with
 * `currency` filled from a money value. v1 then sends the numbers as text.
 */
export function moneyBody(
  params: unknown,
  method: string,
  fields: readonly string[],
  required: readonly string[],
  minorUnits?: Readonly<Record<string, number>>,
): Record<string, unknown> {
  requireObject(params, method);
  requireIdentity(params, method);
  requireEventId(params, method);
  requireQuantity(params, method);
  const { values, currency } = applyMoney(params, fields, required, method, minorUnits);
  return { ...params, ...values, ...(currency === undefined ? {} : { currency }) };
}

/** `body` with the named money fields as strings of digits, the form FirstPromoter types them in (v1, v2 `mrr`). */
export function moneyAsText(body: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  for (const name of fields) if (typeof body[name] === 'number') body[name] = String(body[name]);
  return body;
}

/** Money helpers know amounts, not parameter names: name the field and the call in their errors. */
function withField<T>(name: string, method: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof MoneyError) throw new MoneyError(error.code, `${method}: \`${name}\`: ${error.message}`, name);
    throw error;
  }
}
