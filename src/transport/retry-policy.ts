// What is retried, when, and how long to wait: the one decision the attempt loop asks for after every
// attempt that did not end in the caller's abort. Pure: no I/O and no timers; the clock and the jitter
// are arguments (defaulting to Date.now and Math.random) so tests can pin them.
import { retryDelay, type BackoffOptions } from '../internal/backoff.js';

/** How an attempt ended, in the terms the policy needs. */
export type AttemptResult =
  | { status: number; retryAfter: string | null }
  | { failure: 'timeout' }
  | { failure: 'connection'; code: string | undefined; neverSent?: boolean };

export interface RetryContext {
  method: string;
  /** The call's own `idempotent` option; wins over the method and the client. */
  idempotent?: boolean | undefined;
  /** The client's `retryNonIdempotent`. */
  retryNonIdempotent?: boolean | undefined;
  /** The attempt that just ended, from 1. */
  attempt: number;
  maxRetries: number;
  backoff: BackoffOptions;
  now?: number | undefined;
  random?: (() => number) | undefined;
}

/** On giving up, whether sending the call again later is safe: the advice the loop's error gives. */
export type Resend = 'nothing-sent' | 'safe' | 'check-first';

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; resend: Resend };

/** Failures where the request cannot have left this machine, so even a POST is safe to resend. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function decideRetry(result: AttemptResult, context: RetryContext): RetryDecision {
  const { method, attempt } = context;
  // POST and PATCH may create something: resend them after they may have reached the server only when
  // the call or the client says repeating is harmless (tracking calls say so: event_id dedupes them).
  const idempotent = context.idempotent ?? (context.retryNonIdempotent === true || !(method === 'POST' || method === 'PATCH'));
  let retryable: boolean;
  let neverSent = false;
  if ('status' in result) {
    // 408 and 429: the server says it did not process it. 5xx: it may have. A redirect (3xx, or 0 for
    // a browser's opaque one) is refused by the loop, never retried; every other answer is final.
    retryable = result.status === 408 || result.status === 429 || (idempotent && result.status >= 500);
  } else {
    // A timeout or a reset may come after the server acted; a refused or unresolved connection cannot.
    neverSent = result.failure === 'connection' && (result.neverSent === true || NEVER_CONNECTED.has(result.code ?? ''));
    retryable = idempotent || neverSent;
  }
  if (!retryable || attempt > context.maxRetries) {
    return { retry: false, resend: neverSent ? 'nothing-sent' : idempotent ? 'safe' : 'check-first' };
  }
  // The server's Retry-After when it sent a usable one (capped), else exponential backoff with jitter.
  const retryAfter = 'status' in result ? result.retryAfter : null;
  return { retry: true, delayMs: retryDelay(attempt, retryAfter, context.backoff, context.now, context.random) };
}
