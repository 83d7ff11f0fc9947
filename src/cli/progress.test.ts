// The plain progress line written when stderr is not a terminal: counts, percentage, rate and ETA.
import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.js';

describe('progressLine', () => {
  it('reports done/total, rate, time left and failures', () => {
    expect(progressLine({ done: 120, failed: 3 }, 1_000, 390)).toBe('progress: 120/1000 rows (12%), 390/min, eta 2m16s, failed 3');
    expect(progressLine({ done: 0, failed: 0 }, 100_000, 0)).toBe('progress: 0/100000 rows (0%), 0/min, eta unknown, failed 0');
    expect(progressLine({ done: 5, failed: 0 }, 100_000, 390)).toMatch(/eta 4h16m/);
    expect(progressLine({ done: 7, failed: 0 }, 7, 400)).toBe('progress: 7/7 rows (100%), 400/min, eta 0s, failed 0');
  });
});
