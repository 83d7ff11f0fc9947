// Backoff arithmetic with the jitter and the clock pinned: exact values where they are defined, bounds
// where randomness is the point.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, MAX_TIMER_MS, parseRetryAfter, retryDelay, sleep } from './backoff.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('retryDelay without Retry-After', () => {
  it('starts at 0.5 s and doubles up to the 8 s cap (no jitter drawn)', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((retry) => retryDelay(retry, null, DEFAULT_BACKOFF, NOW, () => 0));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('takes off at most a quarter as jitter', () => {
    expect(retryDelay(1, null, DEFAULT_BACKOFF, NOW, () => 0.999_999)).toBeCloseTo(375, 0);
    expect(retryDelay(5, null, DEFAULT_BACKOFF, NOW, () => 0.5)).toBe(7_000);
  });

  it('stays within 75–100 % of the step with the real random source, and spreads', () => {
    for (const retry of [1, 2, 3, 4, 5, 6]) {
      const ceiling = Math.min(500 * 2 ** (retry - 1), 8_000);
      const samples = Array.from({ length: 200 }, () => retryDelay(retry, null, DEFAULT_BACKOFF));
      for (const delay of samples) {
        expect(delay).toBeGreaterThanOrEqual(ceiling * 0.75);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
      expect(new Set(samples).size).toBeGreaterThan(100);
    }
  });

  it('never exceeds what a timer can wait', () => {
    const huge = { baseDelayMs: 1e12, maxDelayMs: 1e13, maxRetryAfterMs: 1e13 };
    expect(retryDelay(3, null, huge, NOW, () => 0)).toBe(MAX_TIMER_MS);
    expect(retryDelay(1, '99999999999', huge, NOW)).toBe(MAX_TIMER_MS);
  });
});

describe('Retry-After', () => {
  it('reads seconds, including fractions and zero', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3_000);
    expect(parseRetryAfter(' 1.5 ', NOW)).toBe(1_500);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an HTTP date relative to now, a past date as no wait', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 01-Mar-26 12:00:10 GMT', NOW)).toBe(10_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is neither', () => {
    for (const value of [null, '', 'soon', '-5', '1e3', '10 seconds', '12:00']) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeUndefined();
    }
  });

  it('wins over backoff, capped at maxRetryAfterMs', () => {
    const options = { ...DEFAULT_BACKOFF, maxRetryAfterMs: 20_000 };
    expect(retryDelay(1, '7', options, NOW, () => 0.9)).toBe(7_000);
    expect(retryDelay(1, '3600', options, NOW)).toBe(20_000);
    expect(retryDelay(1, 'Sun, 01 Mar 2026 13:00:00 GMT', options, NOW)).toBe(20_000);
    expect(retryDelay(4, 'garbage', options, NOW, () => 0)).toBe(4_000);
  });
});

describe('sleep', () => {
  it('waits, and rejects at once with the reason when aborted', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    await expect(sleep(1, AbortSignal.abort('already'))).rejects.toBe('already');
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort('later');
    await expect(pending).rejects.toBe('later');
  });
});
