import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import qs from 'qs';
import { encodeBrackets, UnencodableValue } from './brackets.js';

describe('encodeBrackets', () => {
  it('writes FirstPromoter filters, sorting and id lists in Rails form', () => {
    const query = encodeBrackets({
      filters: { state: 'accepted', created_at: { from: '2025-01-01', to: '2025-01-31' }, campaign_id: [3, 4] },
      sorting: { revenue_amount: 'desc' },
      ids: [1, 2],
      page: 2,
    });
    expect(decodeURIComponent(query)).toBe(
      'filters[state]=accepted&filters[created_at][from]=2025-01-01&filters[created_at][to]=2025-01-31' +
        '&filters[campaign_id][]=3&filters[campaign_id][]=4&sorting[revenue_amount]=desc&ids[]=1&ids[]=2&page=2',
    );
  });

  it('leaves out undefined and null at every depth instead of sending them as text', () => {
    expect(encodeBrackets({ email: undefined, uid: null, custom_fields: { a: undefined, b: 'x' }, tags: [null, 't'] })).toBe(
      'custom_fields[b]=x&tags[]=t',
    );
  });

  it('encodes values, so reserved characters cannot split or inject parameters', () => {
    expect(encodeBrackets({ email: 'a+b@example.com', q: 'x&admin=1', name: 'Zoë Ä' })).toBe(
      'email=a%2Bb%40example.com&q=x%26admin%3D1&name=Zo%C3%AB%20%C3%84',
    );
  });

  it('keeps a `__proto__` key of a parsed value as a parameter, not as the copy\'s prototype', () => {
    expect(decodeURIComponent(encodeBrackets(JSON.parse('{"custom_fields":{"__proto__":{"plan":"pro"}}}')))).toBe('custom_fields[__proto__][plan]=pro');
  });

  it('sends booleans and dates as text FirstPromoter parses', () => {
    expect(encodeBrackets({ skip_email_notification: true, created_at: new Date('2025-01-02T03:04:05Z') })).toBe(
      'skip_email_notification=true&created_at=2025-01-02T03%3A04%3A05.000Z',
    );
  });

  it('rejects numbers that would otherwise be sent as NaN or Infinity', () => {
    expect(() => encodeBrackets({ amount: Number.NaN })).toThrow(UnencodableValue);
    expect(() => encodeBrackets({ filters: { amount: { from: Infinity } } })).toThrow(/filters\[amount\]\[from\] must be a finite number/);
  });

  it('round-trips through qs, the reference Rails-style parser, at any depth', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((k) => !(k in Object.prototype));
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(leaf, { maxLength: 4 }),
        fc.array(fc.dictionary(key, leaf, { minKeys: 1, maxKeys: 3 }), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), (params) => {
        const parsed = qs.parse(encodeBrackets(params), { depth: 50, arrayLimit: 1000, allowEmptyArrays: false });
        expect(parsed).toEqual(expected(params) ?? {});
      }),
      { numRuns: 500 },
    );
  });
});

/** What a Rails/qs parser should see: leaves as strings, absent values and empty containers gone. */
function expected(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(expected).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as object)
      .map(([k, v]) => [k, expected(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return String(value);
}
