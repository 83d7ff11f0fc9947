// The one per-call options type. Tracking methods take it as their second argument, `paginate` and
// `waitForBatch` apply it to every request they make, and raw `client.api` calls spread
// `callOptions(...)` into their init. The transport reads the settings from the init under a symbol.
import { ValidationError } from './errors.js';
import { MAX_TIMER_MS } from '../internal/backoff.js';

/** Per-call transport settings, carried from our methods to the transport inside RequestInit. */
// A registry symbol, so `callOptions` of one copy of the package (the ESM or the CommonJS build, another entry) reaches the transport of another.
export const CALL_OPTIONS = Symbol.for('firstpromoter.callOptions');

export interface RequestOptions {
  /** Aborts the call: the attempt in flight, any backoff wait, and (for helpers) every later request. */
  signal?: AbortSignal | undefined;
  /** Retries after the first attempt (overrides the client's `maxRetries`). */
  maxRetries?: number | undefined;
  /** Timeout of one attempt, response body included, in milliseconds (overrides the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /**
   * Safe to send again even after it may have reached the server. Default: true for GET, PUT, DELETE
   * and tracking calls (event_id dedupes them), false for other POST and PATCH calls.
   */
  idempotent?: boolean | undefined;
}

/** What the transport reads from a request's init. */
export type TransportOptions = Omit<RequestOptions, 'signal'>;

/**
 * Per-call settings for raw `client.api` calls, spread into the call's options:
 * `client.api.POST('/company/promoters', { body, ...callOptions({ idempotent: true, timeoutMs: 5_000 }) })`.
 * Checked here, so a bad value is a ValidationError before anything is sent.
 */
export function callOptions(options: RequestOptions): { signal?: AbortSignal; [CALL_OPTIONS]: TransportOptions } {
  const { signal, ...transport } = checkRequestOptions(options);
  return signal === undefined ? { [CALL_OPTIONS]: transport } : { signal, [CALL_OPTIONS]: transport };
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
export function checkRequestOptions<T extends RequestOptions>(options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object') {
    throw new ValidationError('options', 'Per-call options must be an object such as { maxRetries: 0, timeoutMs: 5000 }.');
  }
  const { signal, maxRetries, timeoutMs, idempotent } = options;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new ValidationError('signal', 'Per-call `signal` must be an AbortSignal.');
  }
  if (maxRetries !== undefined) checkMaxRetries(maxRetries, 'Per-call ');
  if (timeoutMs !== undefined) checkTimeoutMs(timeoutMs, 'Per-call ');
  if (idempotent !== undefined && typeof idempotent !== 'boolean') {
    throw new ValidationError('idempotent', `Per-call \`idempotent\` must be true or false, got ${String(idempotent)}.`);
  }
  return options;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function';
}
