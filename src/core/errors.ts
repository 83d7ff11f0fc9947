// One error hierarchy for everything the client throws. Every error carries only what is safe to log:
// no request object, no headers we sent, and response bodies pass through redactSecrets first.
import { redactSecrets } from '../internal/redact.js';

/** Base class: `catch (e) { if (e instanceof FirstPromoterError) ... }` catches everything we throw. */
export class FirstPromoterError extends Error {
  override name = 'FirstPromoterError';
}

/** Bad input caught before anything was sent. Nothing reached FirstPromoter. */
export class ValidationError extends FirstPromoterError {
  override name = 'ValidationError';
  /** The option or parameter at fault, e.g. `amount` or `apiKey`. */
  readonly field: string;
  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.field = field;
  }
}

export interface APIErrorInit {
  status: number;
  method: string;
  /** Path template (`/company/promoters/{id}`): ids in real paths can be secrets (find_by=auth_token). */
  path: string;
  headers: Headers | Record<string, string>;
  body: unknown;
  attempts?: number;
  /** What to do about a 401, when the client knows better than the generic advice (an expired session token). */
  authHint?: string;
}

/** FirstPromoter answered with a status that is an error for this call. */
export class APIError extends FirstPromoterError {
  override name = 'APIError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** Response headers (lower-case names). */
  readonly headers: Record<string, string>;
  /** Parsed body: JSON when it was JSON, the text otherwise, undefined when empty. Secrets redacted. */
  readonly body: unknown;
  /** How many attempts the transport made before giving up. */
  readonly attempts: number;

  constructor(init: APIErrorInit, advice = '') {
    const body = redactSecrets(init.body);
    super(`${sentence(`FirstPromoter answered ${init.status} to ${init.method} ${init.path}${describeBody(body)}`)}${advice ? ` ${advice}` : ''}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.headers = responseHeaders(init.headers);
    this.body = body;
    this.attempts = init.attempts ?? 1;
  }

  /**
   * The subclass matching the status, so callers can `instanceof` the case they handle. `call` picks
   * the advice: a tracking call's own "not found" answers are outcomes, so a 404 that reaches here
   * from one is not about an id.
   */
  static from(init: APIErrorInit, call: 'admin' | 'tracking' = 'admin'): APIError {
    const { status } = init;
    if (status === 404 && call === 'tracking') {
      return new NotFoundError(init, "This is not FirstPromoter's answer for an unknown customer or visitor (that one is the `not_referral` outcome): check baseUrl.");
    }
    if (status === 400) return new BadRequestError(init, 'The request was rejected: check the parameters named in the body.');
    if (status === 401) return new AuthenticationError(init, init.authHint ?? 'Check the API key (and, for v2, the Account-ID).');
    if (status === 403) return new PermissionDeniedError(init, 'The key is valid but lacks the rights for this call.');
    if (status === 404) return new NotFoundError(init, 'No record matches: check the id or the find_by value.');
    if (status === 409) return new ConflictError(init, 'The record or event already exists.');
    if (status === 422) return new UnprocessableEntityError(init, 'A parameter is missing or unusable: see the body.');
    if (status === 429) return new RateLimitError(init, 'Over 400 requests per minute: slow down or enable the client rate limiter.');
    if (status >= 500) return new InternalServerError(init, 'FirstPromoter failed on its side; retry later (tracking calls: with the same event_id, so the event is recorded once).');
    if (status < 300) return new APIError(init, 'The answer had no usable body; the call was probably processed: tracking calls can be repeated with the same event_id to confirm.');
    if (status === 408) return new APIError(init, 'FirstPromoter timed out waiting for the request; retry it.');
    return new APIError(init, 'See the body for details.');
  }
}

export class BadRequestError extends APIError { override name = 'BadRequestError'; }
export class AuthenticationError extends APIError { override name = 'AuthenticationError'; }
export class PermissionDeniedError extends APIError { override name = 'PermissionDeniedError'; }
export class NotFoundError extends APIError { override name = 'NotFoundError'; }
export class ConflictError extends APIError { override name = 'ConflictError'; }
export class UnprocessableEntityError extends APIError { override name = 'UnprocessableEntityError'; }
export class RateLimitError extends APIError { override name = 'RateLimitError'; }
export class InternalServerError extends APIError { override name = 'InternalServerError'; }

/** The request may or may not have reached FirstPromoter (reset, refused connection, DNS failure). */
export class ConnectionError extends FirstPromoterError {
  override name = 'ConnectionError';
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  constructor(method: string, path: string, attempts: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.method = method;
    this.path = path;
    this.attempts = attempts;
  }
}

/**
 * The server answered with a redirect, which the client refuses to follow (fetch would send the API key
 * and Account-ID to the host it names). Nothing was processed; retrying will not help: check baseUrl.
 * It keeps no headers, because a Location can carry tokens.
 */
export class RedirectError extends FirstPromoterError {
  override name = 'RedirectError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  constructor(method: string, path: string, status: number, message: string) {
    super(message);
    this.method = method;
    this.path = path;
    this.status = status;
  }
}

/** No complete answer within the per-attempt timeout, on every attempt allowed. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** The caller's AbortSignal fired. */
export class AbortError extends FirstPromoterError {
  override name = 'AbortError';
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'string') return `: ${truncate(body)}`;
  if (typeof body === 'object' && 'message' in body && typeof body.message === 'string') return `: ${truncate(body.message)}`;
  if (typeof body === 'object' && 'error' in body && typeof body.error === 'string') return `: ${truncate(body.error)}`;
  return `: ${truncate(JSON.stringify(body))}`;
}

/** Ends `text` with a full stop unless it already ends a sentence (bodies often do: "Not found."). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}

function responseHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (key !== 'set-cookie') out[key] = value;
  }
  return out;
}
