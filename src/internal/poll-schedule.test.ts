import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_SCHEDULE, pollDelay } from './poll-schedule.js';

describe('pollDelay', () => {
  it('starts at 1 s, doubles, and stays at 10 s by default', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((poll) => pollDelay(poll, DEFAULT_POLL_SCHEDULE));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it('follows a custom schedule', () => {
    const schedule = { initialDelayMs: 5, maxDelayMs: 12 };
    expect([1, 2, 3].map((poll) => pollDelay(poll, schedule))).toEqual([5, 10, 12]);
  });

  it('never overflows after a very long wait', () => {
    expect(pollDelay(5_000, DEFAULT_POLL_SCHEDULE)).toBe(10_000);
  });
});
