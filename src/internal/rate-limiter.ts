// Optional client-side pacing for FirstPromoter's documented limit of 400 requests per minute per
// account: a sliding window of start times, so bursts up to the limit go out at once and the rest wait.
import { sleep } from './backoff.js';

export interface RateLimiter {
  /** Resolves when one more request may start now. */
  take(signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(requestsPerWindow: number, windowMs = 60_000, now = () => Date.now()): RateLimiter {
  const starts: number[] = [];
  return {
    async take(signal) {
      for (;;) {
        const time = now();
        while (starts.length > 0 && (starts[0] as number) <= time - windowMs) starts.shift();
        if (starts.length < requestsPerWindow) {
          starts.push(time);
          return;
        }
        await sleep((starts[0] as number) + windowMs - time, signal);
      }
    },
  };
}
