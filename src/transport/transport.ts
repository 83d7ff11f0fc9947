// The fetch function handed to openapi-fetch: the attempt loop. One call = up to 1 + maxRetries
// attempts through an adapter, each under its own timeout that covers the body too. After every attempt
// it asks the retry policy what to do; it decides no retry itself. Around that: the rate limiter, the
// caller's AbortSignal, the logger, the typed errors, and the Response openapi-fetch reads. Redirects
// are refused: following one would replay X-API-KEY and Account-ID to whatever host it names.
import { AbortError, ConnectionError, RedirectError, TimeoutError } from '../core/errors.js';
import type { LogEvent, ResolvedSettings } from '../core/options.js';
import { CALL_OPTIONS, checkRequestOptions } from '../core/request-options.js';
import { DEFAULT_BACKOFF, retryDelay, sleep } from '../internal/backoff.js';
import { templateOf } from '../internal/path-template.js';
import { recordResponseInfo } from '../internal/response-info.js';
import { WireFailure, type TransportAdapter, type WireRequest, type WireResponse } from './adapter.js';
import { createFetchAdapter } from './adapters/fetch.js';
import { bufferedResponse } from './buffered-response.js';
import { LiteRequest, toLiteRequest, wireBody } from './lite-request.js';
import { decideRetry, type AttemptResult, type Resend } from './retry-policy.js';

/** What the transport needs of the client's resolved settings (tests may leave the optional ones out). */
export type TransportSettings = Pick<ResolvedSettings, 'maxRetries' | 'timeoutMs'> &
  Partial<Pick<ResolvedSettings, 'fetch' | 'backoff' | 'rateLimiter' | 'logger' | 'retryNonIdempotent'>>;

export type Transport = (input: LiteRequest | Request) => Promise<Response>;

const TIMEOUT = Symbol('timeout');

const ADVICE: Record<Resend, string> = {
  'nothing-sent': 'Nothing reached FirstPromoter: check baseUrl and the network, then retry.',
  safe: 'It may or may not have been processed; sending it again is safe (tracking calls: with the same event_id).',
  'check-first': 'It may or may not have been processed: check before sending it again, or pass idempotent: true if repeating it is harmless.',
};

export function createTransport(settings: TransportSettings, adapter: TransportAdapter = createFetchAdapter(settings.fetch)): Transport {
  const backoff = settings.backoff ?? DEFAULT_BACKOFF;
  const log = (event: LogEvent) => {
    try {
      settings.logger?.(event);
    } catch {
      // A failing logger must not fail the call it describes.
    }
  };

  return async function send(input) {
    const request = input instanceof LiteRequest ? input : await toLiteRequest(input);
    const call = checkRequestOptions(request.init[CALL_OPTIONS]);
    const { method, signal } = request;
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    const path = request.schemaPath ?? guessTemplate(request.url);
    const what = `${method} ${path}`;
    const aborted = (attempts: number) => new AbortError(attempts === 0
      ? `${what} was aborted by the caller's AbortSignal before it was sent.`
      : `${what} was aborted by the caller's AbortSignal after ${attempts} attempt(s); one in flight may still have reached FirstPromoter.`,
    { cause: signal?.reason });
    const rawBody = request.body;
    const body = typeof rawBody === 'string' || rawBody == null ? rawBody ?? undefined : await wireBody(rawBody, request.headers);
    const wire = { method, url: request.url, headers: request.headers, body, init: request.init };

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted(attempt - 1);
      try {
        await settings.rateLimiter?.take(signal ?? undefined);
      } catch (error) {
        // A shared store that fails (Redis down) is its own error: nothing was sent.
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
      const decision = decideRetry(attemptResult(outcome), { method, idempotent: call.idempotent, retryNonIdempotent: settings.retryNonIdempotent, attempt, maxRetries, backoff });
      const status = failed ? undefined : outcome.status;
      // A 429 slows every request of the limiter (and of the processes sharing its store), not just this one.
      if (!failed && status === 429) holdLimiter(settings, decision.retry ? decision.delayMs : retryDelay(attempt, outcome.headers.get('retry-after'), backoff));
      if (!decision.retry) {
        if (!failed) {
          log({ type: 'response', method, path, attempt, status, durationMs: durationMs() });
          const response = toResponse(outcome, method);
          recordResponseInfo(response, { method, path, attempts: attempt });
          return response;
        }
        const reason = describe(outcome);
        log({ type: 'failure', method, path, attempt, durationMs: durationMs(), reason });
        const advice = ADVICE[decision.resend];
        if (outcome === TIMEOUT) {
          throw new TimeoutError(method, path, attempt, `${what} got no complete answer within ${timeoutMs} ms on ${attempt} attempt(s). ${advice}`);
        }
        throw new ConnectionError(method, path, attempt, `${what} failed in transit on ${attempt} attempt(s) (${reason}). ${advice}`, { cause: outcome.cause ?? outcome });
      }
      const reason = failed ? describe(outcome) : `status ${status}`;
      log({ type: 'retry', method, path, attempt, status, durationMs: durationMs(), delayMs: Math.round(decision.delayMs), reason });
      try {
        await sleep(decision.delayMs, signal);
      } catch {
        throw aborted(attempt);
      }
    }
  };
}

/** Tells the limiter about a 429; a failing shared store only costs pacing here, the next take reports it. */
function holdLimiter(settings: TransportSettings, pauseMs: number): void {
  try {
    Promise.resolve(settings.rateLimiter?.backOff?.(pauseMs)).catch(() => undefined);
  } catch {
    // Same for a limiter whose backOff throws at once.
  }
}

/** One attempt through the adapter, under one timeout merged with the caller's signal. */
async function attemptOnce(adapter: TransportAdapter, wire: Omit<WireRequest, 'signal'>, timeoutMs: number, signal: AbortSignal | null): Promise<WireResponse | WireFailure | typeof TIMEOUT> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await adapter.send({ ...wire, signal: controller.signal });
  } catch (error) {
    if (controller.signal.reason === TIMEOUT) return TIMEOUT;
    return error instanceof WireFailure ? error : new WireFailure('connection', error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function attemptResult(outcome: WireResponse | WireFailure | typeof TIMEOUT): AttemptResult {
  if (outcome === TIMEOUT) return { failure: 'timeout' };
  if (outcome instanceof WireFailure) return { failure: 'connection', code: outcome.code, neverSent: outcome.neverSent };
  return { status: outcome.status, retryAfter: outcome.headers.get('retry-after') };
}

/** Adapters report the 3xx itself, or 0 for a browser's opaque redirect. */
function isRedirect(status: number): boolean {
  return status === 0 || (status >= 300 && status < 400);
}

/** What openapi-fetch reads: a Response holding the bytes read, or, with no body to hold, the headers as sent. */
function toResponse(wire: WireResponse, method: string): Response {
  if (wire.status === 204 || method === 'HEAD') return new Response(null, { status: wire.status, statusText: wire.statusText, headers: wire.headers });
  return bufferedResponse(wire.body, wire);
}

/** Without openapi-fetch's template (a middleware swapped in a real Request), hide segments that may be ids or tokens. */
function guessTemplate(url: string): string {
  return templateOf(new URL(url).pathname);
}

/** What went wrong, for logs and errors: 'timeout', or the adapter's message with its code. */
function describe(failure: WireFailure | typeof TIMEOUT): string {
  if (failure === TIMEOUT) return 'timeout';
  return failure.code ? `${failure.message}: ${failure.code}` : failure.message;
}
