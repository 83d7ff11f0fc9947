// The one client options type, shared by every API's client (each adds its credentials), checked once
// at construction so a missing key or a bad setting is a clear ValidationError now rather than a 401
// or a hang later. Explicit options win over the environment; secrets never appear in these messages.
import { ValidationError } from './errors.js';
import { checkMaxRetries, checkTimeoutMs } from './request-options.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../internal/backoff.js';
import { resolveRateLimit, type RateLimitOption } from './rate-limit.js';
import type { RateLimiter } from '../internal/rate-limiter.js';

/** One event per attempt, for the client's `logger`. Never carries headers, bodies, ids or query values. */
export interface LogEvent {
  type: 'response' | 'retry' | 'failure';
  method: string;
  /** Path template, never the real URL: ids and query strings can hold emails or tokens. */
  path: string;
  attempt: number;
  status?: number | undefined;
  durationMs: number;
  /** For `retry`: the wait before the next attempt. */
  delayMs?: number | undefined;
  /** For `retry` and `failure`: what went wrong, without secrets. */
  reason?: string | undefined;
}

/** A sync or async function; its result is ignored (never awaited), so a failing logger never fails a call. */
export type Logger = (event: LogEvent) => void;

/** 32 MiB: hundreds of times FirstPromoter's largest list page, small enough that a hostile body costs little. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** 1 GiB: past that, one buffer per answer is no longer a sensible way to read it. */
const MAX_RESPONSE_BYTES_LIMIT = 1024 * 1024 * 1024;

export interface ClientOptions {
  /** API root, e.g. a mock server's URL. Defaults to FirstPromoter's production host for the API. */
  baseUrl?: string | undefined;
  /**
   * A fetch to send every request with. By default the client uses Node's own http/https modules on
   * Node (faster, and no fetch implementation to load) and the global fetch, read at call time,
   * everywhere else. Pass one (`fetch: globalThis.fetch`) to keep fetch on Node, e.g. for an undici
   * dispatcher or a proxy set with setGlobalDispatcher.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx (default 2). */
  maxRetries?: number | undefined;
  /** Timeout of one attempt, response body included, in milliseconds (default 30 000). */
  timeoutMs?: number | undefined;
  /**
   * Client-side pacing, off by default: `true` for FirstPromoter's 400 requests/minute, a budget
   * (`{ requestsPerMinute, burst?, store?, key? }`), or a limiter from `createRateLimiter` shared with
   * other clients of the account. Requests are spread evenly; a 429 holds every start back.
   */
  rateLimit?: RateLimitOption | undefined;
  /**
   * Called after every attempt with method, path template, status, attempt and duration. Never sees
   * headers or bodies. Whatever it throws or rejects with is ignored, and it is never awaited.
   */
  logger?: Logger | undefined;
  /**
   * Largest response body read, in bytes after decompression (default 32 MiB). A bigger answer stops
   * being read at the limit and fails with ResponseTooLargeError; it is not retried.
   */
  maxResponseBytes?: number | undefined;
  /**
   * Also retry POST and PATCH admin calls after they may have reached FirstPromoter (timeouts, resets,
   * 5xx). Off by default: a create could happen twice. Per call: `callOptions({ idempotent: true })`.
   */
  retryNonIdempotent?: boolean | undefined;
  /** Backoff tuning (mostly for tests): first delay, largest delay, largest Retry-After honoured. */
  backoff?: { [K in keyof BackoffOptions]?: BackoffOptions[K] | undefined } | undefined;
  /** Extra or replacement entries for the currency table (ISO code → digits after the decimal point). */
  minorUnits?: Readonly<Record<string, number>> | undefined;
}

export interface ResolvedSettings {
  baseUrl: string;
  /** The caller's fetch; undefined for the runtime's own transport. */
  fetch: typeof globalThis.fetch | undefined;
  maxRetries: number;
  timeoutMs: number;
  rateLimiter: RateLimiter | undefined;
  logger: Logger | undefined;
  maxResponseBytes: number;
  retryNonIdempotent: boolean;
  backoff: BackoffOptions;
  minorUnits: Readonly<Record<string, number>> | undefined;
}

/** Reads an environment variable where there is an environment (Node, Bun, Deno with --allow-env). */
export function fromEnv(name: string): string | undefined {
  try {
    const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** A credential from the options or the environment; throws without echoing any value. */
export function requireCredential(field: string, explicit: unknown, envName: string, what: string): string {
  const value = explicit ?? fromEnv(envName);
  if (value === undefined) {
    throw new ValidationError(field, `Missing ${what}: pass \`${field}\` or set ${envName}.`);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(field, `\`${field}\` must be a non-empty string (${what}).`);
  }
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    throw new ValidationError(field, `\`${field}\` contains whitespace or control characters; copy the ${what} again without them.`);
  }
  // HTTP headers carry bytes, not text: anything beyond visible ASCII would fail every call later.
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new ValidationError(field, `\`${field}\` contains characters beyond visible ASCII, which no HTTP header can carry; copy the ${what} again.`);
  }
  return value;
}

export function resolveSettings(options: ClientOptions, defaultBaseUrl: string): ResolvedSettings {
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ValidationError('fetch', '`fetch` must be a function compatible with the global fetch.');
  }
  const maxRetries = checkMaxRetries(options.maxRetries ?? 2);
  const timeoutMs = checkTimeoutMs(options.timeoutMs ?? 30_000);
  if (options.retryNonIdempotent !== undefined && typeof options.retryNonIdempotent !== 'boolean') {
    throw new ValidationError('retryNonIdempotent', '`retryNonIdempotent` must be true or false.');
  }
  if (options.logger !== undefined && typeof options.logger !== 'function') {
    throw new ValidationError('logger', '`logger` must be a function receiving one log event.');
  }
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
    throw new ValidationError('maxResponseBytes', `\`maxResponseBytes\` must be a whole number of bytes from 1 to ${MAX_RESPONSE_BYTES_LIMIT}, got ${String(maxResponseBytes)}.`);
  }
  return {
    baseUrl,
    fetch: options.fetch,
    maxRetries,
    timeoutMs,
    rateLimiter: resolveRateLimit(options.rateLimit),
    logger: options.logger,
    maxResponseBytes,
    retryNonIdempotent: options.retryNonIdempotent ?? false,
    backoff: resolveBackoff(options.backoff),
    minorUnits: options.minorUnits,
  };
}

/**
 * The API root without trailing slashes. Messages never quote it: a URL that fails to parse may still
 * hold `user:password@` or a token in its query.
 */
function checkBaseUrl(baseUrl: unknown): string {
  const fail = (why: string): never => {
    throw new ValidationError('baseUrl', `\`baseUrl\` ${why}.`);
  };
  if (typeof baseUrl !== 'string') return fail('must be an absolute http(s) URL given as a string');
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return fail('must be an absolute http(s) URL such as "https://api.firstpromoter.com/api/v2"');
  if (parsed.username || parsed.password) return fail('must not contain credentials; pass the key as `apiKey`');
  // Paths are appended to the text as given: a query or fragment would swallow every one of them, and
  // whitespace or braces would be dropped or filled in by the URL parser instead of sent.
  if (/[?#]/.test(baseUrl)) return fail('must not contain a query (?) or a fragment (#): every path is appended to it');
  if (/[\s\u0000-\u001f\u007f{}]/.test(baseUrl)) return fail('must not contain whitespace, control characters or braces');
  return baseUrl.replace(/\/+$/, '');
}

function resolveBackoff(option: ClientOptions['backoff']): BackoffOptions {
  if (option !== undefined && (option === null || typeof option !== 'object')) {
    throw new ValidationError('backoff', '`backoff` must be an object such as { baseDelayMs: 500, maxDelayMs: 8000 }.');
  }
  // A setting given as undefined keeps its default, as a missing one does.
  const given = Object.fromEntries(Object.entries(option ?? {}).filter(([, value]) => value !== undefined));
  const merged = { ...DEFAULT_BACKOFF, ...given };
  for (const [key, value] of Object.entries(merged)) {
    if (!(key in DEFAULT_BACKOFF)) {
      throw new ValidationError(`backoff.${key}`, `\`backoff.${key}\` is not a backoff setting; use baseDelayMs, maxDelayMs or maxRetryAfterMs.`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ValidationError(`backoff.${key}`, `\`backoff.${key}\` must be a non-negative number of milliseconds.`);
    }
  }
  return merged;
}
