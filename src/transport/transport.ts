// The fetch function handed to openapi-fetch. One call = up to 1 + maxRetries attempts, each with its
// own timeout; the body is read inside the attempt, so a response cut off mid-body is retried like a
// reset. Redirects are refused: fetch would replay X-API-KEY and Account-ID to whatever host they name.
import { AbortError, ConnectionError, RedirectError, TimeoutError } from '../core/errors.js';
import type { LogEvent, ResolvedSettings } from '../core/options.js';
import { CALL_OPTIONS, checkRequestOptions } from '../core/request-options.js';
import { DEFAULT_BACKOFF, retryDelay, sleep } from '../internal/backoff.js';
import { recordResponseInfo } from '../internal/response-info.js';
import { bufferedResponse } from './buffered-response.js';
import { LiteRequest } from './lite-request.js';

/** What the transport needs of the client's resolved settings (tests may leave the optional ones out). */
export type TransportSettings = Pick<ResolvedSettings, 'fetch' | 'maxRetries' | 'timeoutMs'> &
  Partial<Pick<ResolvedSettings, 'backoff' | 'rateLimiter' | 'logger' | 'retryNonIdempotent'>>;

export type Transport = (input: LiteRequest | Request) => Promise<Response>;

const TIMEOUT = Symbol('timeout');
/** Failures where the request cannot have left this machine, so even a POST is safe to resend. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function createTransport(options: TransportSettings): Transport {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const log = (event: LogEvent) => {
    try {
      options.logger?.(event);
    } catch {
      // A failing logger must not fail the call it describes.
    }
  };

  return async function send(input) {
    const request = input instanceof LiteRequest ? input : await fromRequest(input);
    const call = checkRequestOptions(request.init[CALL_OPTIONS]);
    const { method } = request;
    const maxRetries = call.maxRetries ?? options.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    // POST and PATCH may create something; only resend them when the server cannot have acted on them.
    const idempotent = call.idempotent ?? (options.retryNonIdempotent === true || !(method === 'POST' || method === 'PATCH'));
    const path = request.schemaPath ?? guessTemplate(request.url);
    const what = `${method} ${path}`;
    const signal = request.signal;
    const aborted = (attempts: number) => new AbortError(attempts === 0
      ? `${what} was aborted by the caller's AbortSignal before it was sent.`
      : `${what} was aborted by the caller's AbortSignal after ${attempts} attempt(s); one in flight may still have reached FirstPromoter.`,
    { cause: signal?.reason });

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted(attempt - 1);
      try {
        await options.rateLimiter?.take(signal ?? undefined);
      } catch {
        throw aborted(attempt - 1);
      }
      const started = performance.now();
      const durationMs = () => Math.round(performance.now() - started);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await attemptOnce(options.fetch, request, timeoutMs, signal);
      } catch (error) {
        failure = error;
      }
      let delayMs: number;
      let reason: string;
      if (response) {
        if (isRedirect(response)) {
          log({ type: 'failure', method, path, attempt, status: response.status, durationMs: durationMs(), reason: 'redirect refused' });
          throw new RedirectError(method, path, response.status,
            `FirstPromoter redirected ${what} (${response.status}); the client does not follow redirects, so the API key is never sent to another host. Check baseUrl: it must be FirstPromoter's own API URL.`);
        }
        const retryable = response.status === 408 || response.status === 429 || (idempotent && response.status >= 500);
        if (!retryable || attempt > maxRetries) {
          log({ type: 'response', method, path, attempt, status: response.status, durationMs: durationMs() });
          recordResponseInfo(response, { method, path, attempts: attempt });
          return response;
        }
        delayMs = retryDelay(attempt, response.headers.get('retry-after'), backoff);
        reason = `status ${response.status}`;
      } else {
        if (signal?.aborted) throw aborted(attempt);
        const timedOut = failure === TIMEOUT;
        const neverConnected = !timedOut && NEVER_CONNECTED.has(errorCode(failure));
        if (!(idempotent || neverConnected) || attempt > maxRetries) {
          log({ type: 'failure', method, path, attempt, durationMs: durationMs(), reason: timedOut ? 'timeout' : describe(failure) });
          const advice = neverConnected
            ? 'Nothing reached FirstPromoter: check baseUrl and the network, then retry.'
            : idempotent
              ? 'It may or may not have been processed; sending it again is safe (tracking calls: with the same event_id).'
              : 'It may or may not have been processed: check before sending it again, or pass idempotent: true if repeating it is harmless.';
          if (timedOut) {
            throw new TimeoutError(method, path, attempt, `${what} got no complete answer within ${timeoutMs} ms on ${attempt} attempt(s). ${advice}`);
          }
          throw new ConnectionError(method, path, attempt, `${what} failed in transit on ${attempt} attempt(s) (${describe(failure)}). ${advice}`, { cause: failure });
        }
        delayMs = retryDelay(attempt, null, backoff);
        reason = failure === TIMEOUT ? 'timeout' : describe(failure);
      }
      log({ type: 'retry', method, path, attempt, status: response?.status, durationMs: durationMs(), delayMs: Math.round(delayMs), reason });
      try {
        await sleep(delayMs, signal);
      } catch {
        throw aborted(attempt);
      }
    }
  };
}

/** One attempt: fetch and read the whole body under one timeout, merged with the caller's signal. */
async function attemptOnce(fetchFn: typeof fetch, request: LiteRequest, timeoutMs: number, signal: AbortSignal | null): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetchFn(request.url, { ...request.init, headers: request.headers, redirect: 'manual', signal: controller.signal });
    if (isRedirect(response) || response.status === 204 || request.method === 'HEAD') {
      await response.body?.cancel().catch(() => undefined);
      return response;
    }
    return bufferedResponse(await response.arrayBuffer(), response);
  } catch (error) {
    throw controller.signal.reason === TIMEOUT ? TIMEOUT : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Node's fetch hands back the 3xx itself; browsers an opaque redirect with status 0. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

async function fromRequest(request: Request): Promise<LiteRequest> {
  const body = request.body === null ? undefined : await request.text();
  return new LiteRequest(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/** Without openapi-fetch's template (a middleware swapped in a real Request), hide segments that may be ids or tokens. */
function guessTemplate(url: string): string {
  return new URL(url).pathname.replace(/[^/]+/g, (segment) => (/^[a-z_]+\d?$/i.test(segment) ? segment : '{id}'));
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : '';
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message}: ${code}` : message;
}
