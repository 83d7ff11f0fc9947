// Turns one field's value, as a file or a flag gives it (text from CSV and flags, any JSON value from
// JSON Lines), into what the client takes, by the field's kind. Anything that does not fit is an error
// message, never a guess: "19.99" in a whole-number field is refused, not rounded.
import { MoneyError, toMinorUnits } from '../core/money.js';
import type { FieldKind } from './fields.js';

export interface AmountSettings {
  /** `decimal`: 19.99 with its currency, converted to minor units; `minor`: already 1999. */
  amounts: 'decimal' | 'minor';
  /** The currency of decimal amounts, from the row's `currency` (or --currency). */
  currency: string | undefined;
}

export type Converted = { value: unknown } | { error: string };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function convertValue(kind: FieldKind, value: unknown, money: AmountSettings): Converted {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? { value } : { error: `must be text, got ${describe(value)}` };
    case 'integer':
    case 'digits': {
      const whole = wholeNumber(value);
      if (whole === undefined) return { error: `must be a whole number, got ${describe(value)}` };
      return { value: kind === 'integer' ? whole : String(whole) };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return { value: value.toLowerCase() === 'true' };
      return { error: `must be true or false, got ${describe(value)}` };
    case 'date-time':
      if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return { value };
      return { error: `must be an ISO 8601 date and time such as 2025-04-25T09:39:42Z, got ${describe(value)}` };
    case 'object':
      return objectValue(value);
    case 'money':
      return minorUnits(value, money);
  }
}

function minorUnits(value: unknown, { amounts, currency }: AmountSettings): { value: number } | { error: string } {
  if (amounts === 'minor') {
    const whole = wholeNumber(value);
    return whole === undefined ? { error: `must be whole minor units (1999 for 19.99) with --amounts minor, got ${describe(value)}` } : { value: whole };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return { error: `must be an amount such as 19.99, got ${describe(value)}` };
  if (currency === undefined) return { error: `${String(value)} needs a currency to be converted: add a currency column or pass --currency (or --amounts minor)` };
  try {
    return { value: toMinorUnits(value, currency) };
  } catch (error) {
    if (error instanceof MoneyError) return { error: error.message };
    throw error;
  }
}

function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

function objectValue(value: unknown): Converted {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return { error: 'must be a JSON object such as {"plan":"pro"}' };
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: `must be a JSON object, got ${describe(value)}` };
  return { value: parsed };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}
