import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MINOR_UNIT_DIGITS,
  MoneyError,
  type MoneyErrorCode,
  formatMoney,
  fromMinorUnits,
  normalizeAmount,
  toMinorUnits,
} from './money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const codes = Object.keys(MINOR_UNIT_DIGITS);
const digitsOf = (code: string): number => MINOR_UNIT_DIGITS[code] ?? Number.NaN;

/** Runs fn, insists it throws a MoneyError, and hands the error back for inspection. */
function moneyError(fn: () => unknown): MoneyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MoneyError);
    return error as MoneyError;
  }
  throw new Error('expected a MoneyError, but nothing was thrown');
}

describe('MINOR_UNIT_DIGITS', () => {
  it('holds the ISO 4217 exponents we rely on', () => {
    expect(MINOR_UNIT_DIGITS).toMatchObject({ USD: 2, EUR: 2, GBP: 2, CAD: 2, HUF: 2, JPY: 0, CLF: 4, UYW: 4 });
    for (const code of 'JPY KRW VND CLP ISK UGX XAF XOF XPF PYG RWF KMF GNF DJF BIF VUV'.split(' ')) {
      expect([code, MINOR_UNIT_DIGITS[code]]).toEqual([code, 0]);
    }
    for (const code of 'BHD IQD JOD KWD LYD OMR TND'.split(' ')) {
      expect([code, MINOR_UNIT_DIGITS[code]]).toEqual([code, 3]);
    }
  });

  it('is frozen, keyed by upper-case three-letter codes, and leaves out withdrawn codes', () => {
    expect(Object.isFrozen(MINOR_UNIT_DIGITS)).toBe(true);
    expect(codes.length).toBeGreaterThan(150);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(MINOR_UNIT_DIGITS[code]);
    }
    expect(MINOR_UNIT_DIGITS).not.toHaveProperty('HRK');
  });

  it('contains no typos: every code is one ICU knows, apart from fund codes and the newest bolivar', () => {
    const known = new Set(Intl.supportedValuesOf('currency'));
    const notInIcu = new Set(['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED']);
    expect(codes.filter((code) => !known.has(code) && !notInIcu.has(code))).toEqual([]);
  });
});

describe('toMinorUnits', () => {
  it.each<[string | number, string, number]>([
    ['19.99', 'USD', 1999],
    [19.99, 'USD', 1999],
    ['19.9', 'USD', 1990],
    ['20', 'USD', 2000],
    [20, 'USD', 2000],
    ['0.5', 'USD', 50],
    [0.5, 'USD', 50],
    ['0', 'USD', 0],
    ['007.50', 'USD', 750],
    [0.3, 'USD', 30],
    [0.1, 'USD', 10],
    [1.15, 'USD', 115], // 1.15 * 100 === 114.99999999999999
    [4.35, 'USD', 435], // 4.35 * 100 === 434.99999999999994
    [8.2, 'EUR', 820], // 8.2 * 100 === 819.9999999999999
    ['19.990', 'USD', 1999],
    ['19.99000000', 'USD', 1999],
    ['5', 'usd', 500],
    ['12.34', 'eUr', 1234],
    ['100', 'JPY', 100],
    [100, 'jpy', 100],
    ['100.00', 'JPY', 100],
    ['2500', 'KRW', 2500],
    ['1.234', 'BHD', 1234],
    ['0.005', 'BHD', 5],
    [0.005, 'BHD', 5],
    ['1.5', 'KWD', 1500],
    ['0.0001', 'CLF', 1],
    ['90071992547409.91', 'USD', MAX],
    ['9007199254740991', 'JPY', MAX],
    [MAX, 'JPY', MAX],
  ])('%j %s → %d', (amount, currency, expected) => {
    expect(toMinorUnits(amount, currency)).toBe(expected);
  });

  it('shows the float bug it avoids: 19.99 * 100 truncates to 1998', () => {
    expect(Math.trunc(19.99 * 100)).toBe(1998);
    expect(toMinorUnits(19.99, 'USD')).toBe(1999);
  });

  it('treats negative zero as zero and never returns -0', () => {
    for (const amount of [-0, '-0', '-0.00'] as const) {
      expect(Object.is(toMinorUnits(amount, 'USD'), 0)).toBe(true);
    }
  });

  it('expands exponent notation exactly instead of rejecting it outright', () => {
    expect(toMinorUnits(1e-7, 'XYZ', { minorUnits: { XYZ: 7 } })).toBe(1);
    expect(toMinorUnits(1.5e-7, 'XYZ', { minorUnits: { XYZ: 8 } })).toBe(15);
    expect(moneyError(() => toMinorUnits(1e-7, 'USD')).code).toBe('too_many_decimals');
    expect(moneyError(() => toMinorUnits(1e21, 'JPY')).code).toBe('out_of_range');
  });

  const errorCases: Array<[MoneyErrorCode, string | number, string, RegExp]> = [
    ['invalid_amount', '', 'USD', /such as "19\.99"/],
    ['invalid_amount', 'abc', 'USD', /such as "19\.99"/],
    ['invalid_amount', '1,99', 'EUR', /thousands separators/],
    ['invalid_amount', '+5', 'USD', /signs/],
    ['invalid_amount', '1e3', 'USD', /exponents/],
    ['invalid_amount', '0x10', 'USD', /plain decimal/],
    ['invalid_amount', ' 19.99', 'USD', /spaces/],
    ['invalid_amount', '19.99 ', 'USD', /spaces/],
    ['invalid_amount', '\t5', 'USD', /spaces/],
    ['invalid_amount', '.5', 'USD', /plain decimal/],
    ['invalid_amount', '5.', 'USD', /plain decimal/],
    ['invalid_amount', '1.2.3', 'USD', /plain decimal/],
    ['invalid_amount', '١٢', 'USD', /plain decimal/],
    ['invalid_amount', 'Infinity', 'USD', /plain decimal/],
    ['invalid_amount', Number.NaN, 'USD', /finite/],
    ['invalid_amount', Number.POSITIVE_INFINITY, 'USD', /finite/],
    ['invalid_amount', Number.NEGATIVE_INFINITY, 'USD', /finite/],
    ['negative_amount', '-1', 'USD', /positive amount/],
    ['negative_amount', '-19.99', 'USD', /positive amount/],
    ['negative_amount', -1, 'USD', /positive amount/],
    ['negative_amount', -0.01, 'USD', /positive amount/],
    ['too_many_decimals', '19.999', 'USD', /3 decimal places.*round it to 2/],
    ['too_many_decimals', '0.001', 'USD', /round it to 2/],
    ['too_many_decimals', 1.005, 'USD', /3 decimal places/],
    ['too_many_decimals', 0.1 + 0.2, 'USD', /17 decimal places/],
    ['too_many_decimals', '100.5', 'JPY', /whole number of JPY/],
    ['too_many_decimals', '1.0001', 'BHD', /round it to 3/],
    ['too_many_decimals', 1e-7, 'USD', /7 decimal places/],
    ['out_of_range', 1e21, 'USD', /9007199254740991/],
    ['out_of_range', '90071992547409.92', 'USD', /9007199254740991/],
    ['out_of_range', '9007199254740992', 'JPY', /9007199254740991/],
    ['out_of_range', 2 ** 53, 'JPY', /9007199254740991/],
    ['out_of_range', `1${'0'.repeat(400)}`, 'USD', /too large/],
    ['out_of_range', 12345678901234.56, 'USD', /as a string/],
  ];

  it.each(errorCases)('%s: %j %s', (code, amount, currency, advice) => {
    const error = moneyError(() => toMinorUnits(amount, currency));
    expect(error.code).toBe(code);
    expect(error.name).toBe('MoneyError');
    expect(error).toBeInstanceOf(Error);
    // The offending value is in the message; strings are quoted so stray whitespace is visible.
    expect(error.message).toContain(typeof amount === 'string' ? `"${amount.replace(/\t/g, '\\t')}"` : String(amount));
    expect(error.message).toContain(currency);
    expect(error.message).toMatch(advice);
  });

  it.each(['XYZ', 'US', 'USDX', ' USD', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'unknown_currency for %j, with advice to declare it',
    (currency) => {
      const error = moneyError(() => toMinorUnits('1', currency));
      expect(error.code).toBe('unknown_currency');
      expect(error.message).toContain(`"${currency}"`);
      expect(error.message).toMatch(/minorUnits/);
    },
  );

  it('checks the currency before the amount', () => {
    expect(moneyError(() => toMinorUnits('abc', 'XYZ')).code).toBe('unknown_currency');
  });

  it('rejects malformed overrides, naming them', () => {
    for (const bad of [-1, 1.5, 21, Number.NaN]) {
      const error = moneyError(() => toMinorUnits('1', 'USD', { minorUnits: { usd: bad } }));
      expect(error.code).toBe('unknown_currency');
      expect(error.message).toContain(String(bad));
      expect(error.message).toContain('usd');
    }
  });
});

describe('fromMinorUnits', () => {
  it.each<[number, string, string]>([
    [1999, 'USD', '19.99'],
    [1999, 'usd', '19.99'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [-0, 'USD', '0.00'],
    [100, 'JPY', '100'],
    [0, 'JPY', '0'],
    [5, 'BHD', '0.005'],
    [1234, 'KWD', '1.234'],
    [1, 'CLF', '0.0001'],
    [MAX, 'USD', '90071992547409.91'],
    [MAX, 'JPY', '9007199254740991'],
  ])('%d %s → %s', (minor, currency, expected) => {
    expect(fromMinorUnits(minor, currency)).toBe(expected);
  });

  it.each<[number, MoneyErrorCode]>([
    [-1, 'negative_amount'],
    [1.5, 'invalid_amount'],
    [Number.NaN, 'invalid_amount'],
    [Number.POSITIVE_INFINITY, 'invalid_amount'],
    [2 ** 53, 'out_of_range'],
  ])('%d → %s', (minor, code) => {
    const error = moneyError(() => fromMinorUnits(minor, 'USD'));
    expect(error.code).toBe(code);
    expect(error.message).toContain(String(minor));
    expect(error.message).toContain('USD');
  });

  it('refuses unknown currencies', () => {
    expect(moneyError(() => fromMinorUnits(1, 'XYZ')).code).toBe('unknown_currency');
  });
});

describe('formatMoney', () => {
  const plain = (s: string): string => s.replace(/\s/g, ' '); // ICU uses non-breaking spaces

  it('formats with the currency symbol for the locale', () => {
    expect(formatMoney(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatMoney(100, 'JPY', 'en-US')).toBe('¥100');
    expect(formatMoney(199999, 'usd', 'en-US')).toBe('$1,999.99');
    expect(plain(formatMoney(1999, 'EUR', 'de-DE'))).toBe('19,99 €');
  });

  it('takes fraction digits from the table, not from ICU', () => {
    expect(plain(formatMoney(5, 'BHD', 'en-US'))).toBe('BHD 0.005');
    expect(plain(formatMoney(12345, 'HUF', 'en-US'))).toBe('HUF 123.45'); // ICU alone says 0 digits
    expect(plain(formatMoney(1500, 'IQD', 'en-US'))).toBe('IQD 1.500'); // ICU alone says 0 digits
    expect(formatMoney(1999, 'USD', 'en-US', { minorUnits: { USD: 0 } })).toBe('$1,999');
    expect(formatMoney(100, 'JPY', 'en-US', { minorUnits: { JPY: 2 } })).toBe('¥1.00');
  });

  it('is exact for the largest safe amount', () => {
    expect(formatMoney(MAX, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('throws MoneyError for bad amounts and currencies Intl cannot format', () => {
    expect(moneyError(() => formatMoney(-1, 'USD', 'en-US')).code).toBe('negative_amount');
    expect(moneyError(() => formatMoney(1, 'XYZ', 'en-US')).code).toBe('unknown_currency');
    const error = moneyError(() => formatMoney(1, 'points', 'en-US', { minorUnits: { POINTS: 0 } }));
    expect(error.code).toBe('unknown_currency');
    expect(error.message).toContain('"points"');
  });
});

describe('normalizeAmount', () => {
  it('passes minor units through and converts Money values', () => {
    expect(normalizeAmount(1999)).toStrictEqual({ amount: 1999 });
    expect(normalizeAmount(0)).toStrictEqual({ amount: 0 });
    expect(Object.is(normalizeAmount(-0).amount, 0)).toBe(true);
    expect(normalizeAmount({ amount: '19.99', currency: 'usd' })).toStrictEqual({ amount: 1999, currency: 'USD' });
    expect(normalizeAmount({ amount: 19.99, currency: 'EUR' })).toStrictEqual({ amount: 1999, currency: 'EUR' });
    expect(normalizeAmount({ amount: 100, currency: 'jpy' })).toStrictEqual({ amount: 100, currency: 'JPY' });
    expect(normalizeAmount({ amount: '1.5', currency: 'xyz' }, { minorUnits: { XYZ: 2 } })).toStrictEqual({
      amount: 150,
      currency: 'XYZ',
    });
  });

  it('refuses a decimal number and suggests { amount, currency }', () => {
    const error = moneyError(() => normalizeAmount(19.99));
    expect(error.code).toBe('invalid_amount');
    expect(error.message).toContain('19.99');
    expect(error.message).toMatch(/\{ amount: "19\.99", currency: /);
  });

  it.each<[number, MoneyErrorCode]>([
    [Number.NaN, 'invalid_amount'],
    [Number.POSITIVE_INFINITY, 'invalid_amount'],
    [-5, 'negative_amount'],
    [2 ** 53, 'out_of_range'],
  ])('%d → %s', (value, code) => {
    const error = moneyError(() => normalizeAmount(value));
    expect(error.code).toBe(code);
    expect(error.message).toContain(String(value));
  });

  it('reports Money conversion errors from toMinorUnits', () => {
    expect(moneyError(() => normalizeAmount({ amount: '1.999', currency: 'USD' })).code).toBe('too_many_decimals');
    expect(moneyError(() => normalizeAmount({ amount: '1', currency: 'XYZ' })).code).toBe('unknown_currency');
  });
});

describe('properties', () => {
  const anyCode = fc.constantFrom(...codes);
  const twoDigitCodes = codes.filter((code) => MINOR_UNIT_DIGITS[code] === 2);

  it('round-trips: toMinorUnits(fromMinorUnits(m, c), c) === m for every currency', () => {
    fc.assert(
      fc.property(anyCode, fc.maxSafeNat(), (code, minor) => {
        const decimal = fromMinorUnits(minor, code);
        const digits = digitsOf(code);
        expect(decimal).toMatch(digits === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${digits}}$`));
        expect(toMinorUnits(decimal, code)).toBe(minor);
        expect(toMinorUnits(decimal, code.toLowerCase())).toBe(minor);
      }),
      { numRuns: 1000 },
    );
  });

  it('has no float drift: n / 100 as a number gives back n cents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...twoDigitCodes), fc.integer({ min: 0, max: 1e12 }), (code, cents) => {
        const amount = cents / 100;
        const text = String(amount);
        fc.pre(!text.includes('e') && (text.split('.')[1]?.length ?? 0) <= 2);
        expect(toMinorUnits(amount, code)).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it('has no float drift for 0-, 3- and 4-digit currencies either', () => {
    fc.assert(
      fc.property(anyCode, fc.integer({ min: 0, max: 1e12 }), (code, minor) => {
        const amount = minor / 10 ** digitsOf(code);
        expect(toMinorUnits(amount, code)).toBe(minor);
      }),
      { numRuns: 1000 },
    );
  });

  it('never changes the value of a number it accepts', () => {
    const amounts = fc.oneof(
      fc.double({ min: 0, max: 1e16, noNaN: true }),
      fc.integer({ min: 0, max: 1e15 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 1e7 }).map((n) => n / 1000),
    );
    fc.assert(
      fc.property(amounts, (amount) => {
        let minor: number;
        try {
          minor = toMinorUnits(amount, 'USD');
        } catch (error) {
          expect(error).toBeInstanceOf(MoneyError);
          expect(['too_many_decimals', 'out_of_range']).toContain((error as MoneyError).code);
          return;
        }
        expect(Number(fromMinorUnits(minor, 'USD'))).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts exactly the currency's decimals and rejects one more non-zero digit", () => {
    const digitList = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(anyCode, fc.nat(1e6), digitList, fc.integer({ min: 1, max: 9 }), (code, whole, list, extra) => {
        const digits = digitsOf(code);
        const fraction = list.slice(0, digits).join('');
        const text = digits === 0 ? String(whole) : `${whole}.${fraction}`;
        const expected = whole * 10 ** digits + (digits === 0 ? 0 : Number(fraction));
        expect(toMinorUnits(text, code)).toBe(expected);
        expect(toMinorUnits(`${whole}.${fraction}0`, code)).toBe(expected);
        const error = moneyError(() => toMinorUnits(`${whole}.${fraction}${extra}`, code));
        expect(error.code).toBe('too_many_decimals');
      }),
      { numRuns: 1000 },
    );
  });

  it('lets overrides declare new codes and rescale existing ones without touching the table', () => {
    expect(MINOR_UNIT_DIGITS).not.toHaveProperty('XYZ');
    expect(toMinorUnits('12.34', 'XYZ', { minorUnits: { XYZ: 2 } })).toBe(1234);
    expect(toMinorUnits('1.5', 'USD', { minorUnits: { USD: 3 } })).toBe(1500);
    expect(toMinorUnits('1.5', 'JPY', { minorUnits: { jpy: 1 } })).toBe(15);
    fc.assert(
      fc.property(fc.constantFrom('XYZ', ...codes), fc.integer({ min: 0, max: 8 }), fc.nat(1e6), (code, k, whole) => {
        const options = { minorUnits: { [code.toLowerCase()]: k } };
        expect(toMinorUnits(String(whole), code, options)).toBe(whole * 10 ** k);
        const decimal = fromMinorUnits(whole * 10 ** k, code, options);
        expect(decimal).toBe(k === 0 ? String(whole) : `${whole}.${'0'.repeat(k)}`);
      }),
      { numRuns: 500 },
    );
    expect(MINOR_UNIT_DIGITS.USD).toBe(2);
    expect(toMinorUnits('1.5', 'USD')).toBe(150);
  });
});
