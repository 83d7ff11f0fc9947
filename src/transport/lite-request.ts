// openapi-fetch builds a WHATWG Request for every call; on Node 20 that object alone costs ~85 µs
// (see bench/). This stand-in keeps what the transport needs (url, method, init) and is handed to
// openapi-fetch through its `Request` option. Its body stays a string, so a retry can send it again.
import { ValidationError } from '../core/errors.js';
import { MAX_TIMER_MS } from './backoff.js';
import { REDACTED } from './redact.js';

/** Per-call transport settings, carried from our methods to the transport inside RequestInit. */
export const CALL_OPTIONS = Symbol('firstpromoter.callOptions');

export interface CallOptions {
  /** Retries after the first attempt for this call (overrides the client's `maxRetries`). */
  maxRetries?: number | undefined;
  /** Per-attempt timeout in milliseconds (overrides the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /**
   * Safe to send again even after it may have reached the server. Default: true for GET, PUT, DELETE
   * and tracking calls (event_id dedupes them), false for other POST and PATCH calls.
   */
  idempotent?: boolean | undefined;
}

/**
 * Per-call settings for raw `client.api` calls, spread into the call's options:
 * `client.api.POST('/company/promoters', { body, ...callOptions({ idempotent: true, timeoutMs: 5_000 }) })`.
 * Checked here, so a bad value is a ValidationError before anything is sent.
 */
export function callOptions(options: CallOptions): { [CALL_OPTIONS]: CallOptions } {
  return { [CALL_OPTIONS]: checkCallOptions(options) };
}

/** Retries after the first attempt: 0 to 10, per client or per call (`prefix` says which). */
export function checkMaxRetries(value: unknown, prefix = ''): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10) return value;
  throw new ValidationError('maxRetries', `${prefix}\`maxRetries\` must be an integer from 0 to 10, got ${String(value)}.`);
}

/** Per-attempt timeout: above 0 and within what a timer can hold. */
export function checkTimeoutMs(value: unknown, prefix = ''): number {
  if (typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS) return value;
  throw new ValidationError('timeoutMs', `${prefix}\`timeoutMs\` must be a positive number of milliseconds up to ${MAX_TIMER_MS}, got ${String(value)}.`);
}

/** Throws a ValidationError for a per-call setting the transport could not honour. */
export function checkCallOptions(options: CallOptions): CallOptions {
  if (options === null || typeof options !== 'object') {
    throw new ValidationError('options', 'Per-call options must be an object such as { maxRetries: 0, timeoutMs: 5000 }.');
  }
  const { maxRetries, timeoutMs, idempotent } = options;
  if (maxRetries !== undefined) checkMaxRetries(maxRetries, 'Per-call ');
  if (timeoutMs !== undefined) checkTimeoutMs(timeoutMs, 'Per-call ');
  if (idempotent !== undefined && typeof idempotent !== 'boolean') {
    throw new ValidationError('idempotent', `Per-call \`idempotent\` must be true or false, got ${String(idempotent)}.`);
  }
  return options;
}

export type LiteRequestInit = RequestInit & { [CALL_OPTIONS]?: CallOptions };

export class LiteRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly init: LiteRequestInit;
  /** Path template (`/company/promoters/{id}`), set by the client's middleware: safe to log. */
  schemaPath: string | undefined;

  constructor(input: string | URL, init: LiteRequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.init = init;
  }

  get body(): RequestInit['body'] {
    return this.init.body;
  }

  get signal(): AbortSignal | null {
    return this.init.signal ?? null;
  }

  // Headers hold the API key, the query and real path can hold ids and tokens, the body customer data:
  // printing or serialising a request shows the method and path template only.
  toJSON(): object {
    return { method: this.method, path: this.schemaPath ?? REDACTED, headers: REDACTED, body: REDACTED };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `LiteRequest { ${this.method} ${this.schemaPath ?? REDACTED} headers: ${REDACTED} body: ${REDACTED} }`;
  }
}
