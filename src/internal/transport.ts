// The fetch function handed to openapi-fetch. One call = up to 1 + maxRetries attempts, each with its
// own timeout; the body is read inside the attempt, so a response cut off mid-body is retried like a
// reset. Redirects are refused: fetch would replay X-API-KEY and Account-ID to whatever host they name.
import { AbortError, ConnectionError, TimeoutError } from '../core/errors.js';
import { DEFAULT_BACKOFF, retryDelay, sleep, type BackoffOptions } from './backoff.js';
import { CALL_OPTIONS, LiteRequest } from './lite-request.js';
import type { RateLimiter } from './rate-limiter.js';

export interface LogEvent {
  type: 'response' | 'retry' | 'failure';
  method: string;
  /** Path template, never the real URL: ids and query strings can hold emails or tokens. */
  path: string;
  attempt: number;
  status?: number;
  durationMs: number;
  /** For `retry`: the wait before the next attempt. */
  delayMs?: number;
  /** For `retry` and `failure`: what went wrong, without secrets. */
  reason?: string;
}

export type Logger = (event: LogEvent) => void;

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  maxRetries: number;
  timeoutMs: number;
  backoff?: BackoffOptions;
  rateLimiter?: RateLimiter | undefined;
  logger?: Logger | undefined;
}

export type Transport = (input: LiteRequest | Request) => Promise<Response>;

/** What the transport knows about a response it returned: safe to put in errors. */
export interface ResponseInfo {
  method: string;
  /** Path template, e.g. `/company/promoters/{id}`. */
  path: string;
  /** Attempts made; above 1 when earlier attempts failed in transit. */
  attempts: number;
}

const INFO = new WeakMap<Response, ResponseInfo>();

export function responseInfo(response: Response): ResponseInfo | undefined {
  return INFO.get(response);
}

const TIMEOUT = Symbol('timeout');
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export function createTransport(options: TransportOptions): Transport {
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
    const call = request.init[CALL_OPTIONS] ?? {};
    const maxRetries = call.maxRetries ?? options.maxRetries;
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    // POST and PATCH may create something; only resend them when the server cannot have acted on them.
    const idempotent = call.idempotent ?? !(request.method === 'POST' || request.method === 'PATCH');
    const path = request.schemaPath ?? new URL(request.url).pathname;
    const signal = request.signal;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new AbortError(`${request.method} ${path} was aborted by the caller.`, { cause: signal.reason });
      await options.rateLimiter?.take(signal ?? undefined);
      const started = performance.now();
      const durationMs = () => Math.round(performance.now() - started);
      let delayMs: number;
      let reason: string;
      try {
        const response = await attemptOnce(options.fetch, request, timeoutMs, signal);
        if (response.status >= 300 && response.status < 400) {
          throw new ConnectionError(request.method, path, attempt,
            `FirstPromoter redirected ${request.method} ${path} (${response.status}); the client does not follow redirects, so the API key is never sent to another host. Check baseUrl.`);
        }
        const retryable = response.status === 408 || response.status === 429 || (idempotent && response.status >= 500);
        if (!retryable || attempt > maxRetries) {
          log({ type: 'response', method: request.method, path, attempt, status: response.status, durationMs: durationMs() });
          INFO.set(response, { method: request.method, path, attempts: attempt });
          return response;
        }
        delayMs = retryDelay(attempt, response.headers.get('retry-after'), backoff);
        reason = `status ${response.status}`;
      } catch (error) {
        if (error instanceof ConnectionError) throw error;
        if (signal?.aborted) throw new AbortError(`${request.method} ${path} was aborted by the caller.`, { cause: signal.reason });
        const timedOut = error === TIMEOUT;
        const failure = timedOut
          ? new TimeoutError(request.method, path, attempt, `${request.method} ${path} got no complete answer within ${timeoutMs} ms on ${attempt} attempt(s). It may or may not have been processed: retry it with the same event_id.`)
          : new ConnectionError(request.method, path, attempt, `${request.method} ${path} failed to reach FirstPromoter on ${attempt} attempt(s) (${describe(error)}). It may or may not have been processed: retry it with the same event_id.`, { cause: error });
        const retryable = idempotent || (!timedOut && NEVER_CONNECTED.has(errorCode(error)));
        if (!retryable || attempt > maxRetries) {
          log({ type: 'failure', method: request.method, path, attempt, durationMs: durationMs(), reason: failure.name });
          throw failure;
        }
        delayMs = retryDelay(attempt, null, backoff);
        reason = timedOut ? 'timeout' : describe(error);
      }
      log({ type: 'retry', method: request.method, path, attempt, durationMs: durationMs(), delayMs: Math.round(delayMs), reason });
      try {
        await sleep(delayMs, signal);
      } catch (cause) {
        throw new AbortError(`${request.method} ${path} was aborted by the caller.`, { cause });
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
    const response = await fetchFn(request.url, {
      ...request.init,
      headers: request.headers,
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.status === 204 || response.status === 304 || request.method === 'HEAD') return response;
    const body = await response.arrayBuffer();
    return new Response(body.byteLength > 0 ? body : null, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    throw controller.signal.reason === TIMEOUT ? TIMEOUT : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function fromRequest(request: Request): Promise<LiteRequest> {
  const body = request.body === null ? undefined : await request.text();
  return new LiteRequest(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
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
