// The account rate limit switch: FirstPromoter allows 400 requests a minute per account and answers
// 429 above that. Off until a test turns it on; `{ requests: 0 }` answers 429 to everything.
import type { Answer } from './answers.js';

export interface RateLimit {
  /** Requests allowed in each window (0: every request is refused). */
  requests: number;
  /** Length of the window in ms (default 60 000, FirstPromoter's minute). */
  perMs?: number | undefined;
  /** Send `Retry-After: <seconds>` with the 429 (FirstPromoter documents none, so none by default). */
  retryAfterSeconds?: number | undefined;
}

export function createRateLimiter() {
  let limit: RateLimit | undefined;
  let times: number[] = [];
  return {
    set(next: RateLimit | false): void {
      if (next !== false && !(Number.isInteger(next.requests) && next.requests >= 0)) throw new RangeError('rateLimit: requests must be an integer ≥ 0');
      limit = next === false ? undefined : next;
      times = [];
    },
    /** Counts one request; the 429 to answer when it is over the limit. */
    take(): Answer | undefined {
      if (!limit) return undefined;
      const at = Date.now();
      times = times.filter((t) => at - t < (limit!.perMs ?? 60_000));
      if (times.length >= limit.requests) {
        const headers: Record<string, string> = limit.retryAfterSeconds === undefined ? {} : { 'retry-after': String(limit.retryAfterSeconds) };
        return { status: 429, body: { message: 'Too many requests' }, headers };
      }
      times.push(at);
      return undefined;
    },
  };
}
