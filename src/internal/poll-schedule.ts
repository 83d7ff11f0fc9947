// When to look at a queued batch process again. Bulk actions on many records take seconds to
// minutes; doubling the wait keeps a long wait cheap without making a short one slow.
import { doubling } from './backoff.js';

export interface PollSchedule {
  /** Wait before the second look (the first is immediate). */
  initialDelayMs: number;
  /** Longest wait between two looks. */
  maxDelayMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollSchedule = { initialDelayMs: 1_000, maxDelayMs: 10_000 };

/** The wait after look number `poll` (from 1): initial, twice that, four times... up to the cap. */
export function pollDelay(poll: number, schedule: PollSchedule): number {
  return doubling(poll, schedule.initialDelayMs, schedule.maxDelayMs);
}
