// Money conversion for FirstPromoter tracking amounts (`amount`, `mrr`). FirstPromoter wants integers in the
// currency's minor unit: cents for USD/EUR (×100), whole units for zero-decimal currencies such as JPY.
// Everything here works on the decimal *string* and never multiplies floats, so "19.99" and 19.99 both
// become 1999 (a float multiplication gives 1998.9999999999998, which truncates to 1998).
import { ValidationError } from './errors.js';
import { brand } from '../internal/brand.js';

/** Upper-case ISO 4217 code, e.g. "USD". */
export type CurrencyCode = string;

/** A decimal amount in major units ("19.99" or 19.99) together with its currency. */
export interface Money {
  amount: string | number;
  currency: string;
}

export interface MoneyOptions {
  /** Adds to or replaces entries of {@link MINOR_UNIT_DIGITS}; keys match case-insensitively. */
  minorUnits?: Readonly<Record<string, number>> | undefined;
}

export type MoneyErrorCode =
  | 'invalid_amount'
  | 'negative_amount'
  | 'too_many_decimals'
  | 'unknown_currency'
  | 'out_of_range';

/** An amount or currency that cannot be converted. Messages include the value and the currency. */
/** A money value that cannot be converted exactly; a ValidationError, so nothing is sent. */
export class MoneyError extends ValidationError {
  override name = 'MoneyError';
  static { brand(this, 'MoneyError'); }
  readonly code: MoneyErrorCode;
  constructor(code: MoneyErrorCode, message: string, field = 'amount') {
    super(field, message);
    this.code = code;
  }
}

const CODES_BY_DIGITS: Array<[number, string]> = [
  [0, 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'],
  [3, 'BHD IQD JOD KWD LYD OMR TND'],
  [4, 'CLF UYW'],
  [
    2,
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
      'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
      'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
      'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
      'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC ' +
      'SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
  ],
];

let table: Readonly<Record<string, number>> | undefined;

/**
 * Minor-unit (fraction) digits per currency, from ISO 4217. THIS TABLE DECIDES HOW AMOUNTS ARE SCALED:
 * 2 means ×100, 0 means whole units, 3 means ×1000. FirstPromoter itself documents only JPY as
 * zero-decimal. Listed: active currency and fund codes. Left out on purpose: withdrawn codes (HRK, CUC,
 * SLL, ZWL…) and units without a minor unit (XAU, XDR…). Extend or override per call with
 * `{ minorUnits: { CODE: digits } }`.
 */
export const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = /* @__PURE__ */ minorUnitTable();

/**
 * The table, built on first use (about 0.4 ms on a cold start): the entries that export it build it
 * at import, the tracking entry only when an amount first comes with a currency.
 */
function minorUnitTable(): Readonly<Record<string, number>> {
  if (!table) {
    const built: Record<string, number> = {};
    for (const [digits, codes] of CODES_BY_DIGITS) for (const code of codes.split(' ')) built[code] = digits;
    table = Object.freeze(built);
  }
  return table;
}

const MAX_DIGITS = 20; // Intl.NumberFormat's long-standing limit for fraction digits

function fail(code: MoneyErrorCode, message: string): never {
  throw new MoneyError(code, message);
}

/** Renders an offending value for a message; strings are quoted so stray spaces show. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return value !== null && (typeof value === 'object' || typeof value === 'function')
    ? `a value of type ${typeof value}`
    : String(value);
}

/**
 * Upper case for ASCII letters only. String#toUpperCase maps by Unicode rules, under which "uſd" (long s)
 * and "ınr" (dotless i) become USD and INR: a look-alike must stay unknown, not be read as a real code.
 */
function asciiUpperCase(text: string): string {
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

function resolveCurrency(currency: unknown, options?: MoneyOptions): { code: string; digits: number } {
  const code = typeof currency === 'string' ? asciiUpperCase(currency) : '';
  const known = minorUnitTable();
  let digits = code !== '' && Object.hasOwn(known, code) ? known[code] : undefined;
  for (const [key, value] of Object.entries(options?.minorUnits ?? {})) {
    if (asciiUpperCase(key) !== code) continue;
    if (!Number.isInteger(value) || value < 0 || value > MAX_DIGITS) {
      fail('unknown_currency', `Invalid minorUnits override ${show(value)} for ${show(key)}: ` +
        `give a whole number of decimal places from 0 to ${MAX_DIGITS}.`);
    }
    digits = value;
  }
  if (digits === undefined) {
    fail('unknown_currency', `Unknown currency ${show(currency)}: use an ISO 4217 code such as "USD", ` +
      `or declare its decimal places with { minorUnits: { ${code || 'XYZ'}: 2 } }.`);
  }
  return { code, digits };
}

/** Rewrites String(n) output such as "1e-7" or "1.5e+21" as plain decimal digits, exactly. */
function expandExponent(text: string): string {
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[1]! + (m[2] ?? '');
  const point = 1 + Number(m[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Decimal amount in major units → integer minor units, exactly ("19.99" and 19.99 USD → 1999).
 *
 * Strings must be plain decimals: digits, optionally "." plus digits ("19.99", "19.990", "20", "0.5").
 * invalid_amount: "", surrounding whitespace (no silent trimming), "+5", "1e3", "1,99", "0x10", ".5", "5.".
 * A leading "-" gives negative_amount, unless the value is zero ("-0" → 0, like the number -0).
 * Numbers use their shortest round-trip form, String(n); exponent forms are expanded exactly, so 1e-7
 * fails as too_many_decimals and 1e21 as out_of_range. A non-integer number with more than 15
 * significant digits is refused (out_of_range): a double cannot be trusted to carry it, pass a string.
 */
export function toMinorUnits(amount: string | number, currency: string, options?: MoneyOptions): number {
  const { code, digits } = resolveCurrency(currency, options);
  const what = `${show(amount)} ${code}`;
  if (typeof amount === 'number' && !Number.isFinite(amount)) {
    fail('invalid_amount', `Invalid amount ${what}: use a finite number or a decimal string such as "19.99".`);
  }
  const text = typeof amount === 'number' ? expandExponent(String(amount)) : amount;
  const m = typeof text === 'string' ? /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(text) : null;
  if (!m) {
    return fail('invalid_amount', `Invalid amount ${what}: write a plain decimal such as "19.99" (digits, ` +
      'optionally "." and more digits; no spaces, signs, thousands separators or exponents).');
  }
  const [, sign, whole = '', fraction = ''] = m;
  const kept = fraction.replace(/0+$/, ''); // trailing zeros never matter: "19.990" USD is 1999
  if (sign === '-' && /[1-9]/.test(whole + kept)) {
    fail('negative_amount', `Negative amount ${what}: amounts must be zero or more; ` +
      'report refunds as a positive amount through the refund call.');
  }
  if (kept.length > digits) {
    fail('too_many_decimals', digits === 0
      ? `Amount ${what} has decimals, but ${code} has no minor unit: pass a whole number of ${code}.`
      : `Amount ${what} has ${kept.length} decimal places, but ${code} has ${digits}: ` +
        `round it to ${digits} decimal places first.`);
  }
  const minor = Number(whole + kept.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) {
    fail('out_of_range', `Amount ${what} is too large: in minor units it exceeds ${Number.MAX_SAFE_INTEGER}.`);
  }
  if (typeof amount === 'number' && !Number.isInteger(amount) && (whole + kept).replace(/^0+/, '').length > 15) {
    fail('out_of_range', `Amount ${what} has more than 15 significant digits, more than a JavaScript number ` +
      `holds exactly: pass it as a string, e.g. { amount: "${text}", currency: "${code}" }.`);
  }
  return minor;
}

/** Checks minor units: a non-negative safe integer; returns it with -0 folded into 0. Without a
 * currency (normalizeAmount) the message suggests passing a Money value instead. */
function checkMinor(minor: unknown, code?: string): number {
  const what = code ? `${show(minor)} ${code}` : show(minor);
  if (typeof minor !== 'number' || !Number.isInteger(minor)) {
    const shown = typeof minor === 'string' || Number.isFinite(minor) ? String(minor) : '19.99';
    fail('invalid_amount', `Invalid minor-unit amount ${what}: expected a whole number of minor units (1999 ` +
      (code ? 'for 19.99 USD).' : `for 19.99 USD); for a decimal pass { amount: "${shown}", currency: "USD" }.`));
  }
  if (minor < 0) {
    fail('negative_amount', `Negative amount ${what}: amounts must be zero or more; ` +
      'report refunds as a positive amount through the refund call.');
  }
  if (!Number.isSafeInteger(minor)) {
    fail('out_of_range', `Amount ${what} is too large: minor units must not exceed ${Number.MAX_SAFE_INTEGER}.`);
  }
  return minor === 0 ? 0 : minor;
}

/**
 * Inverse of {@link toMinorUnits}: minor units → decimal string with exactly the currency's number of
 * fraction digits (1999 USD → "19.99", 100 JPY → "100", 5 BHD → "0.005"). Negative values are refused,
 * as in toMinorUnits, so the two stay symmetric (FirstPromoter takes refunds as positive amounts).
 */
export function fromMinorUnits(minor: number, currency: string, options?: MoneyOptions): string {
  const { code, digits } = resolveCurrency(currency, options);
  const text = String(checkMinor(minor, code));
  if (digits === 0) return text;
  const padded = text.padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * Minor units → display string via Intl.NumberFormat. Fraction digits come from the table, not from
 * ICU (which disagrees with ISO 4217 for HUF, IQD and others). A malformed locale throws Intl's RangeError.
 */
export function formatMoney(minor: number, currency: string, locale?: string, options?: MoneyOptions): string {
  const { code, digits } = resolveCurrency(currency, options);
  if (!/^[A-Z]{3}$/.test(code)) {
    fail('unknown_currency', `Cannot format currency ${show(currency)}: Intl needs a three-letter code.`);
  }
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl formats decimal strings exactly (ECMA-402 NumberFormat v3, Node >= 19); the ES2022 lib
  // typings only declare number | bigint.
  return format.format(fromMinorUnits(minor, code, options) as unknown as number);
}

/**
 * The upper-cased code of a currency the table (or `minorUnits`) knows, or a MoneyError
 * (unknown_currency): the one rule for every currency the client sends, with a Money amount or without.
 */
export function currencyCode(currency: unknown, options?: MoneyOptions): string {
  return resolveCurrency(currency, options).code;
}

/**
 * What the tracking methods use. A plain number must already be minor units (non-negative safe
 * integer); a {@link Money} value goes through toMinorUnits and its currency comes back upper-cased.
 */
export function normalizeAmount(value: number | Money, options?: MoneyOptions): { amount: number; currency?: string } {
  if (typeof value === 'object' && value !== null) {
    const amount = toMinorUnits(value.amount, value.currency, options);
    return { amount, currency: resolveCurrency(value.currency, options).code };
  }
  return { amount: checkMinor(value) };
}
