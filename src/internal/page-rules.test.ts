import { describe, expect, it } from 'vitest';
import { defaultPerPage, isLastPage, maxPerPage, pageFingerprint, rowsOf } from './page-rules.js';

describe('rowsOf', () => {
  it('takes a bare array as the rows', () => {
    expect(rowsOf([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('unwraps the rows of a {data, meta} envelope', () => {
    expect(rowsOf({ data: [{ id: 7 }], meta: { pending_count: 2 } })).toEqual([{ id: 7 }]);
  });

  it.each([
    ['a single record', { id: 1, status: 'completed' }],
    ['an envelope around an object', { data: { id: 1 }, meta: {} }],
    ['null', null],
    ['a string', 'Bad credentials'],
    ['nothing', undefined],
  ])('answers undefined for %s', (_, body) => {
    expect(rowsOf(body)).toBeUndefined();
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

describe('defaultPerPage', () => {
  it('asks v2 lists for the documented maximum of 100', () => {
    expect(defaultPerPage('/company/promoters')).toBe(100);
    expect(defaultPerPage('/company/webhooks/{webhook_id}/webhook_deliveries')).toBe(100);
  });

  it('asks v1 lists for 20, the smallest page size FirstPromoter integrations are known to use', () => {
    expect(defaultPerPage('/promoters/list')).toBe(20);
    expect(defaultPerPage('/reports/promoters')).toBe(20);
  });
});

describe('maxPerPage', () => {
  it('caps v2 at its documented 100 and leaves v1, which documents no maximum, open', () => {
    expect(maxPerPage('/company/referrals')).toBe(100);
    expect(maxPerPage('/leads/list')).toBe(Number.MAX_SAFE_INTEGER);
  });
});
