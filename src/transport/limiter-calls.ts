// The attempt loop's two calls to the rate limiter: `take` before every attempt, `backOff` after a 429.
// Both can fail when the limiter's store does (Redis down, a store or limiter of your own throwing).
// Only our words reach the caller and the logger: what was thrown is kept at `error.cause.thrown()`.
import type { LogEvent } from '../core/options.js';
import { RateLimitStoreError, toStoreFailure } from '../core/store-error.js';
import type { RateLimiter } from '../internal/rate-limiter.js';

export interface LimitedCall {
  method: string;
  path: string;
  /** The attempt about to start, or the one that was answered 429; from 1. */
  attempt: number;
  log: (event: LogEvent) => void;
}

const STORE_FAILED = 'rate limit store failed';

/**
 * Waits for the limiter's slot. A failure is a RateLimitStoreError naming the call; the loop decides no
 * retry about it (nothing of this attempt left, so there is no answer to judge) and rethrows it at once.
 * `previous` is how the last attempt ended, when this one is a retry. The caller's abort is not seen
 * here: the loop checks its signal first and throws its AbortError.
 */
export async function takeSlot(limiter: RateLimiter, signal: AbortSignal | undefined, call: LimitedCall, previous: string | undefined): Promise<void> {
  const started = performance.now();
  try {
    await limiter.take(signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const { method, path, attempt } = call;
    call.log({ type: 'failure', method, path, attempt, durationMs: Math.round(performance.now() - started), reason: STORE_FAILED });
    const failure = toStoreFailure(error, "the rate limiter's take failed");
    const sent = attempt - 1;
    const what = `${method} ${path}`;
    throw new RateLimitStoreError(sent === 0
      ? `The rate limit store failed (${failure.message}) before ${what} was sent: nothing was sent for this request. Check the store (for createRedisStore: that Redis is reachable), then send the call again.`
      : `The rate limit store failed (${failure.message}) before ${what} could be retried: the retry was not sent, after ${sent} attempt(s) that were (the last: ${previous ?? 'unknown'}). ` +
        'Sending the call again is safe (tracking calls: with the same event_id) once the store works; check it (for createRedisStore: that Redis is reachable).',
    failure, { method, path, attempts: sent });
  }
}

/**
 * Tells the limiter about a 429 so the other requests of its budget hold back too. Not awaited: the
 * hold is for the others, this call goes on with its own backoff or its answer.
 *
 * A failing backOff is logged and dropped, never thrown, and the 429 stays what the caller sees. The
 * 429 is FirstPromoter's answer to a request that was sent, and it says that request was not
 * processed: that is what the caller must act on (or, when a retry follows, the retry's result).
 * Throwing "the store failed, nothing was sent" instead would be false: something was sent, and
 * answered. Losing the hold costs the other requests at most another 429 of their own. And the failure
 * is not hidden: a store that is really down fails the next take (this call's retry, or the next
 * call) before anything is sent, and that one is reported as a RateLimitStoreError.
 */
export function holdLimiter(limiter: RateLimiter | undefined, pauseMs: number, call: LimitedCall): void {
  if (!limiter?.backOff) return;
  const started = performance.now();
  const { method, path, attempt } = call;
  const logged = () => call.log({
    type: 'failure', method, path, attempt, status: 429, durationMs: Math.round(performance.now() - started), reason: `${STORE_FAILED} to hold the budget after a 429`,
  });
  try {
    Promise.resolve(limiter.backOff(pauseMs)).catch(logged);
  } catch {
    // A limiter whose backOff throws at once.
    logged();
  }
}
