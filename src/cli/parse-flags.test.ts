// `--query` pairs become the nested objects the client turns back into FirstPromoter's brackets: the
// round trip through the client's own encoder gives the query string the user wrote.
import { describe, expect, it } from 'vitest';
import { encodeBrackets } from '../internal/brackets.js';
import { UsageError } from './exit-codes.js';
import { queryObject } from './parse-flags.js';

describe('queryObject', () => {
  it('nests brackets, collects lists and repeated names, and keeps values as text', () => {
    expect(queryObject(['filters[state]=accepted', 'filters[created_at][from]=2025-01-01', 'ids[]=1', 'ids[]=2', 'q=jane doe', 'q=again', 'x=a=b'])).toEqual({
      filters: { state: 'accepted', created_at: { from: '2025-01-01' } },
      ids: ['1', '2'],
      q: ['jane doe', 'again'],
      x: 'a=b',
    });
  });

  it('round-trips through the client\'s bracket encoder', () => {
    const pairs = ['filters[state]=accepted', 'filters[joined_at][to]=2025-12-31', 'ids[]=7', 'ids[]=8'];
    expect(decodeURIComponent(encodeBrackets(queryObject(pairs)))).toBe(pairs.join('&'));
  });

  it.each([
    ['novalue', /name=value/],
    ['=x', /name=value/],
    ['a[b=1', /not a name/],
    ['ids[][x]=1', /only be the last part/],
  ])('refuses %s', (pair, message) => {
    expect(() => queryObject([pair])).toThrow(UsageError);
    expect(() => queryObject([pair])).toThrow(message);
  });

  it('refuses one name used both as a value and as an object or list', () => {
    expect(() => queryObject(['a=1', 'a[b]=2'])).toThrow(/both as an object/);
    expect(() => queryObject(['a[b]=1', 'a[]=2'])).toThrow(/both as a list/);
  });
});
