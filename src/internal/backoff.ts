// How long to wait before the next attempt: FirstPromoter's Retry-After when it sends one (seconds or
// an HTTP date, capped), otherwise exponential backoff with jitter.

export interface BackoffOptions {
  /** First delay before jitter (default 500 ms); doubles on every retry. */
  baseDelayMs: number;
  /** Largest backoff delay (default 8 s). */
  maxDelayMs: number;
  /** Largest Retry-After honoured (default 60 s); a longer one is cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** setTimeout fires at once for anything above 2^31 − 1 ms; no wait of ours may exceed it. */
export const MAX_TIMER_MS = 2_147_483_647;

/** `initial`, then twice that at every step (`step` from 1), never above `cap` or a timer's limit. */
export function doubling(step: number, initial: number, cap: number): number {
  return Math.min(initial * 2 ** (step - 1), cap, MAX_TIMER_MS);
}

/** `retry` counts from 1 (the first retry). `random` is injectable so tests can pin the jitter. */
export function retryDelay(
  retry: number,
  retryAfter: string | null,
  options: BackoffOptions,
  now = Date.now(),
  random = Math.random,
): number {
  const serverDelay = parseRetryAfter(retryAfter, now);
  if (serverDelay !== undefined) return Math.min(serverDelay, options.maxRetryAfterMs, MAX_TIMER_MS);
  const exponential = doubling(retry, options.baseDelayMs, options.maxDelayMs);
  // Jitter spreads clients that failed together; keep 75–100 % of the delay.
  return exponential * (1 - random() * 0.25);
}

/** Milliseconds to wait, or undefined when the header is absent or unusable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  // Every HTTP date form names a day or month; without a letter, Date.parse would read "-5" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
