// The attempt loop: one call = up to 1 + maxRetries attempts through an adapter, each under its own
// timeout that covers the body too. After every attempt it asks the retry policy what to do; it decides
// no retry itself. Around that: the rate limiter, the caller's AbortSignal, the logger and the typed
// errors. It answers with the final answer (any status) and the attempts made; openapi-fetch gets it as
// a Response (./transport.ts), the tracking methods read it as it is. Redirects are refused: following
// one would replay X-API-KEY and Account-ID to whatever host it names.
// Messages and log events are written from our own words, the failure's kind and a checked code only:
// whatever an adapter or a custom fetch threw never reaches them (see WireFailure.thrown()).
import { AbortError, ConnectionError, RedirectError, ResponseTooLargeError, TimeoutError } from '../core/errors.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type LogEvent, type Logger, type ResolvedSettings } from '../core/options.js';
import { checkRequestOptions, type TransportOptions } from '../core/request-options.js';
import { onAbort } from '../internal/abort-fanout.js';
import { DEFAULT_BACKOFF, retryDelay, sleep } from '../internal/backoff.js';
import { deadline } from '../internal/deadlines.js';
import { containsSecret } from '../internal/redact.js';
import { Attempt } from './attempt.js';
import { holdLimiter, takeSlot } from './limiter-calls.js';
import { WireFailure, type TransportAdapter, type WireHeaders, type WireRequest, type WireResponse } from './adapter.js';
import { decideRetry, type AttemptResult, type Resend } from './retry-policy.js';

/** What the transport needs of the client's resolved settings (tests may leave the optional ones out). */
export type TransportSettings = Pick<ResolvedSettings, 'maxRetries' | 'timeoutMs'> &
  Partial<Pick<ResolvedSettings, 'fetch' | 'backoff' | 'rateLimiter' | 'logger' | 'retryNonIdempotent' | 'maxResponseBytes'>> & {
    /** The client's own credentials, scrubbed from whatever is kept of a response. */
    secrets?: ReadonlySet<string>;
  };

/** One call as the loop takes it: the body already text or bytes, so every attempt sends it again. */
export interface Call {
  method: string;
  url: string;
  /** Path template (`/company/promoters/{id}`): what logs and errors name, never the real path. */
  path: string;
  headers: WireHeaders;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  signal?: AbortSignal | null | undefined;
  /** Per-call settings (checked here). */
  options?: TransportOptions | undefined;
  /** The caller's other RequestInit fields, for the fetch adapter. */
  init?: WireRequest['init'];
}

/** The final answer, read whole, and how many attempts it took. */
export interface Answer extends WireResponse {
  attempts: number;
}

export type Caller = (call: Call) => Promise<Answer>;

const TIMEOUT = Symbol('timeout');
const NO_SECRETS: ReadonlySet<string> = new Set();

const ADVICE: Record<Resend, string> = {
  'nothing-sent': 'Nothing reached FirstPromoter: check baseUrl and the network, then retry.',
  safe: 'It may or may not have been processed; sending it again is safe (tracking calls: with the same event_id).',
  'check-first': 'It may or may not have been processed: check before sending it again, or pass idempotent: true if repeating it is harmless.',
};

export function createCaller(settings: TransportSettings, adapter: TransportAdapter): Caller {
  const backoff = settings.backoff ?? DEFAULT_BACKOFF;
  const maxResponseBytes = settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const secrets = settings.secrets ?? NO_SECRETS;
  const log = safeLogger(settings.logger);

  return async function send(request) {
    const call = checkRequestOptions(request.options);
    const { method, path } = request;
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    const what = `${method} ${path}`;
    // One listener on the caller's signal for the whole call (and one per signal, however many calls
    // share it); attempts, backoff waits and the rate limiter listen to this call's own signal.
    const caller = request.signal ?? undefined;
    const stop = caller ? new AbortController() : undefined;
    const unsubscribe = caller && stop ? onAbort(caller, () => stop.abort(caller.reason)) : undefined;
    const signal = stop?.signal;
    const aborted = (attempts: number) => new AbortError(attempts === 0
      ? `${what} was aborted by the caller's AbortSignal before it was sent.`
      : `${what} was aborted by the caller's AbortSignal after ${attempts} attempt(s); one in flight may still have reached FirstPromoter.`,
    { cause: signal?.reason });

    try {
      const wire = { method, url: request.url, headers: request.headers, body: request.body, init: request.init, maxResponseBytes };
      /** How the last attempt ended, for the error of a retry the limiter's store stopped. */
      let previous: string | undefined;

      for (let attempt = 1; ; attempt++) {
        if (signal?.aborted) throw aborted(attempt - 1);
        try {
          // A store that fails (Redis down) is a RateLimitStoreError: this attempt was not sent.
          if (settings.rateLimiter) await takeSlot(settings.rateLimiter, signal, { method, path, attempt, log }, previous);
        } catch (error) {
          if (signal?.aborted) throw aborted(attempt - 1);
          throw error;
        }
        const started = performance.now();
        const durationMs = () => Math.round(performance.now() - started);
        const outcome = await attemptOnce(adapter, wire, timeoutMs, signal);
        const failed = outcome === TIMEOUT || outcome instanceof WireFailure;
        if (failed && signal?.aborted) throw aborted(attempt);
        if (!failed && isRedirect(outcome.status)) {
          log({ type: 'failure', method, path, attempt, status: outcome.status, durationMs: durationMs(), reason: 'redirect refused' });
          throw new RedirectError(method, path, outcome.status,
            `FirstPromoter redirected ${what} (${outcome.status}); the client does not follow redirects, so the API key is never sent to another host. Check baseUrl: it must be FirstPromoter's own API URL.`);
        }
        if (outcome instanceof WireFailure && outcome.kind === 'too-large') {
          log({ type: 'failure', method, path, attempt, status: outcome.status, durationMs: durationMs(), reason: `body over ${maxResponseBytes} bytes` });
          throw new ResponseTooLargeError(method, path, outcome.status, maxResponseBytes, attempt,
            `FirstPromoter answered ${what}${outcome.status === undefined ? '' : ` with ${outcome.status}`} and a body over the client's maxResponseBytes (${maxResponseBytes} bytes); reading stopped there. ` +
            'The call may have been processed (tracking calls can be repeated with the same event_id); raise maxResponseBytes if such answers are expected.');
        }
        const decision = decideRetry(attemptResult(outcome), { method, idempotent: call.idempotent, retryNonIdempotent: settings.retryNonIdempotent, attempt, maxRetries, backoff });
        const status = failed ? undefined : outcome.status;
        // A 429 slows every request of the limiter (and of the processes sharing its store), not just this one.
        if (!failed && status === 429) holdLimiter(settings.rateLimiter, decision.retry ? decision.delayMs : retryDelay(attempt, outcome.headers['retry-after'] ?? null, backoff), { method, path, attempt, log });
        if (!decision.retry) {
          if (!failed) {
            log({ type: 'response', method, path, attempt, status, durationMs: durationMs() });
            return { ...outcome, attempts: attempt };
          }
          const reason = describe(outcome, secrets);
          log({ type: 'failure', method, path, attempt, durationMs: durationMs(), reason });
          const advice = ADVICE[decision.resend];
          if (outcome === TIMEOUT) {
            throw new TimeoutError(method, path, attempt, `${what} got no complete answer within ${timeoutMs} ms on ${attempt} attempt(s). ${advice}`);
          }
          throw new ConnectionError(method, path, attempt, `${what} failed in transit on ${attempt} attempt(s) (${reason}). ${advice}`, { cause: ownCause(outcome, reason, secrets) });
        }
        const reason = failed ? describe(outcome, secrets) : `status ${status}`;
        previous = reason;
        log({ type: 'retry', method, path, attempt, status, durationMs: durationMs(), delayMs: Math.round(decision.delayMs), reason });
        try {
          await sleep(decision.delayMs, signal);
        } catch {
          throw aborted(attempt);
        }
      }
    } finally {
      unsubscribe?.();
    }
  };
}

/** One attempt through the adapter, under one timeout merged with the call's signal. */
async function attemptOnce(adapter: TransportAdapter, wire: Omit<WireRequest, 'signal' | 'onStop'>, timeoutMs: number, signal: AbortSignal | undefined): Promise<WireResponse | WireFailure | typeof TIMEOUT> {
  const stop = new Attempt(wire);
  const cancel = deadline(timeoutMs, () => stop.stop(TIMEOUT));
  const onAbort = () => stop.stop(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await adapter.send(stop);
  } catch (error) {
    if (stop.reason === TIMEOUT) return TIMEOUT;
    return error instanceof WireFailure ? error : new WireFailure('connection', 'the adapter threw', { thrown: error });
  } finally {
    cancel();
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Calls the logger; what it throws, and what an async one rejects with, is dropped. It is never awaited. */
function safeLogger(logger: Logger | undefined): (event: LogEvent) => void {
  if (!logger) return () => undefined;
  return (event) => {
    try {
      const result: unknown = logger(event);
      if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
        Promise.resolve(result).then(undefined, () => undefined);
      }
    } catch {
      // A failing logger must not fail the call it describes.
    }
  };
}

function attemptResult(outcome: WireResponse | WireFailure | typeof TIMEOUT): AttemptResult {
  if (outcome === TIMEOUT) return { failure: 'timeout' };
  if (outcome instanceof WireFailure) return { failure: 'connection', code: outcome.code, neverSent: outcome.neverSent };
  return { status: outcome.status, retryAfter: outcome.headers['retry-after'] ?? null };
}

/** Adapters report the 3xx itself, or 0 for a browser's opaque redirect. */
function isRedirect(status: number): boolean {
  return status === 0 || (status >= 300 && status < 400);
}

/** The adapter's code, unless it is (or holds) one of the client's secrets, in any letter case. */
function safeCode(failure: WireFailure, secrets: ReadonlySet<string>): string | undefined {
  const { code } = failure;
  if (code === undefined) return undefined;
  return containsSecret(code.toLowerCase(), [...secrets].map((secret) => secret.toLowerCase())) ? undefined : code;
}

/** What went wrong, for logs and errors: 'timeout', or our words with the failure's code. */
function describe(failure: WireFailure | typeof TIMEOUT, secrets: ReadonlySet<string>): string {
  if (failure === TIMEOUT) return 'timeout';
  const code = safeCode(failure, secrets);
  return code ? `connection failed: ${code}` : 'connection failed';
}

/** The cause a ConnectionError carries: written here, so no adapter's message is on the chain. */
function ownCause(failure: WireFailure, reason: string, secrets: ReadonlySet<string>): WireFailure {
  return new WireFailure(failure.kind, reason, { code: safeCode(failure, secrets), neverSent: failure.neverSent, thrown: failure.thrown() });
}
