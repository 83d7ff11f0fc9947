import { describe, expect, it } from 'vitest';
import { isLastPage, pageFingerprint, rowsOf } from './page-rules.js';

describe('rowsOf', () => {
  it('takes a bare array as the rows of an array list', () => {
    expect(rowsOf([{ id: 1 }, { id: 2 }], 'array')).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('unwraps the rows of a {data, meta} list', () => {
    expect(rowsOf({ data: [{ id: 7 }], meta: { pending_count: 2 } }, 'envelope')).toEqual([{ id: 7 }]);
  });

  it('refuses the other shape: the table says which one the list answers', () => {
    expect(rowsOf({ data: [{ id: 7 }] }, 'array')).toBeUndefined();
    expect(rowsOf([{ id: 1 }], 'envelope')).toBeUndefined();
  });

  it.each([
    ['a single record', { id: 1, status: 'completed' }],
    ['an envelope around an object', { data: { id: 1 }, meta: {} }],
    ['null', null],
    ['a string', 'Bad credentials'],
    ['nothing', undefined],
  ])('answers undefined for %s', (_, body) => {
    expect(rowsOf(body, 'array')).toBeUndefined();
    expect(rowsOf(body, 'envelope')).toBeUndefined();
  });
});

describe('isLastPage', () => {
  it('ends on a short or empty page and goes on after a full one', () => {
    expect(isLastPage([1, 2], 3)).toBe(true);
    expect(isLastPage([], 3)).toBe(true);
    expect(isLastPage([1, 2, 3], 3)).toBe(false);
  });

  it('goes on when the server sent more rows than asked for', () => {
    expect(isLastPage([1, 2, 3, 4], 3)).toBe(false);
  });
});

describe('pageFingerprint', () => {
  it('matches two pages with the same ids even if other fields changed between requests', () => {
    expect(pageFingerprint([{ id: 1, clicks: 3 }, { id: 2 }])).toBe(pageFingerprint([{ id: 1, clicks: 4 }, { id: 2 }]));
  });

  it('tells apart pages with different ids, or the same ids in another order', () => {
    expect(pageFingerprint([{ id: 1 }, { id: 2 }])).not.toBe(pageFingerprint([{ id: 2 }, { id: 3 }]));
    expect(pageFingerprint([{ id: 1 }, { id: 2 }])).not.toBe(pageFingerprint([{ id: 2 }, { id: 1 }]));
  });

  it('does not confuse a numeric id with the same id as a string', () => {
    expect(pageFingerprint([{ id: 1 }])).not.toBe(pageFingerprint([{ id: '1' }]));
  });

  it('compares whole rows when they have no id (report rows, payout groups)', () => {
    const row = { promoter_id: 3920164, revenue_amount: '2818.59' };
    expect(pageFingerprint([row])).toBe(pageFingerprint([{ ...row }]));
    expect(pageFingerprint([row])).not.toBe(pageFingerprint([{ ...row, promoter_id: 3920188 }]));
  });
});
