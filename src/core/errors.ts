// One error hierarchy for everything the client throws. Every error carries only what is safe to log:
// no request object, no headers we sent, and response bodies and headers pass through redactSecrets
// first (secret fields, and the client's own credentials wherever a server echoed them).
import { brand, isInstance } from '../internal/brand.js';
import { redactSecrets, redactSecretText } from '../internal/redact.js';
import { setOwn } from '../internal/set-own.js';
import { jsonPreview, oneLinePreview } from '../internal/text-preview.js';

/**
 * Base class: `catch (e) { if (e instanceof FirstPromoterError) ... }` catches everything we throw,
 * also when both the ESM and the CommonJS build of the package are loaded (internal/brand.ts).
 */
export class FirstPromoterError extends Error {
  override name = 'FirstPromoterError';
  static { brand(this, 'FirstPromoterError'); }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isInstance(this, value);
  }

  /** `JSON.stringify(error)`: the name, the message and the error's own fields (never a stack). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** Bad input caught before anything was sent. Nothing reached FirstPromoter. */
export class ValidationError extends FirstPromoterError {
  override name = 'ValidationError';
  static { brand(this, 'ValidationError'); }
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
  /** The client's own credentials: scrubbed literally from the body and the headers kept. */
  secrets?: Iterable<string> | undefined;
  /** What to do about a 401, when the client knows better than the generic advice (an expired session token). */
  authHint?: string | undefined;
}

/**
 * FirstPromoter's error bodies: `{ message, code }` on v2 (`code` such as `not_found`), with `errors`
 * per field on validation failures (`{ email: ['has already been taken'] }`), `{ error }` on v1 admin
 * calls, `{ message }` on tracking calls; v1 validation failures put the field lists at the top level.
 * The named fields are set only when they have these types.
 */
export interface ErrorBody {
  readonly message?: string;
  readonly code?: string;
  readonly errors?: Readonly<Record<string, readonly string[]>>;
  readonly error?: string;
  readonly [field: string]: unknown;
}

/** FirstPromoter answered with a status that is an error for this call. */
export class APIError extends FirstPromoterError {
  override name = 'APIError';
  static { brand(this, 'APIError'); }
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** Response headers (lower-case names). */
  readonly headers: Record<string, string>;
  /**
   * Parsed body: a JSON object as FirstPromoter sent it, any other answer as its text (an HTML error
   * page, a v1 `"Bad credentials"`), undefined when empty. Secrets redacted.
   */
  readonly body: ErrorBody | string | undefined;
  /** The request id the server sent (`X-Request-Id`), to quote when asking FirstPromoter about a call. */
  readonly requestId: string | undefined;
  /** How many attempts the transport made before giving up. */
  readonly attempts: number;

  constructor(init: APIErrorInit, advice = '') {
    const secrets = [...(init.secrets ?? [])];
    const body = errorBody(redactSecrets(init.body, secrets));
    const headers = responseHeaders(init.headers, secrets);
    const requestId = headers['x-request-id'] ?? headers['request-id'];
    const answered = `FirstPromoter answered ${init.status} to ${init.method} ${init.path}${describeBody(body)}`;
    super(`${sentence(answered)}${advice ? ` ${advice}` : ''}${requestId ? ` Request id: ${requestId}.` : ''}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.attempts = init.attempts ?? 1;
  }

  /** The body's `code` (v2: `not_found`, `invalid_params`...), if FirstPromoter sent one. */
  get code(): string | undefined {
    return typeof this.body === 'object' ? this.body.code : undefined;
  }

  /** Messages per field from the body's `errors` (v2 validation failures); empty when there are none. */
  get fieldErrors(): Readonly<Record<string, readonly string[]>> {
    return (typeof this.body === 'object' ? this.body.errors : undefined) ?? {};
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

export class BadRequestError extends APIError { override name = 'BadRequestError'; static { brand(this, 'BadRequestError'); } }
export class AuthenticationError extends APIError { override name = 'AuthenticationError'; static { brand(this, 'AuthenticationError'); } }
export class PermissionDeniedError extends APIError { override name = 'PermissionDeniedError'; static { brand(this, 'PermissionDeniedError'); } }
export class NotFoundError extends APIError { override name = 'NotFoundError'; static { brand(this, 'NotFoundError'); } }
export class ConflictError extends APIError { override name = 'ConflictError'; static { brand(this, 'ConflictError'); } }
export class UnprocessableEntityError extends APIError { override name = 'UnprocessableEntityError'; static { brand(this, 'UnprocessableEntityError'); } }
export class RateLimitError extends APIError { override name = 'RateLimitError'; static { brand(this, 'RateLimitError'); } }
export class InternalServerError extends APIError { override name = 'InternalServerError'; static { brand(this, 'InternalServerError'); } }

/** The request may or may not have reached FirstPromoter (reset, refused connection, DNS failure). */
export class ConnectionError extends FirstPromoterError {
  override name = 'ConnectionError';
  static { brand(this, 'ConnectionError'); }
  constructor(readonly method: string, readonly path: string, readonly attempts: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The server answered with a redirect, which the client refuses to follow (following it would send the API key
 * and Account-ID to the host it names). Nothing was processed; retrying will not help: check baseUrl.
 * It keeps no headers, because a Location can carry tokens.
 */
export class RedirectError extends FirstPromoterError {
  override name = 'RedirectError';
  static { brand(this, 'RedirectError'); }
  constructor(readonly method: string, readonly path: string, readonly status: number, message: string) {
    super(message);
  }
}

/** No complete answer within the per-attempt timeout, on every attempt allowed. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  static { brand(this, 'TimeoutError'); }
}

/** The caller's AbortSignal fired. */
export class AbortError extends FirstPromoterError {
  override name = 'AbortError';
  static { brand(this, 'AbortError'); }
}

/**
 * A JSON object stays as it is, except that a named field of the wrong type (a `message` that is no
 * string...) moves under `unexpected`, so the typed fields can be trusted. Other JSON (an array, a
 * number) becomes its text; null is no body.
 */
function errorBody(body: unknown): ErrorBody | string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || Array.isArray(body)) return JSON.stringify(body);
  const fields = body as Record<string, unknown>;
  const typed = { ...fields };
  for (const name of ['message', 'code', 'error'] as const) if (name in typed && typeof typed[name] !== 'string') delete typed[name];
  if ('errors' in typed && !isFieldErrors(typed.errors)) delete typed.errors;
  return Object.keys(typed).length === Object.keys(fields).length ? (body as ErrorBody) : { ...typed, unexpected: pick(fields, typed) };
}

function isFieldErrors(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'));
}

/** The fields of `all` that `kept` left out. */
function pick(all: Record<string, unknown>, kept: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([name]) => !(name in kept)));
}

/**
 * The answer's body was larger than the client's `maxResponseBytes` (counted after decompression):
 * reading stopped at the limit and nothing of the body is kept. The server did answer, so the call may
 * have been processed; it is not retried.
 */
export class ResponseTooLargeError extends FirstPromoterError {
  override name = 'ResponseTooLargeError';
  static { brand(this, 'ResponseTooLargeError'); }
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  /** The limit that was passed, in bytes. */
  readonly maxResponseBytes: number;
  readonly attempts: number;
  constructor(method: string, path: string, status: number | undefined, maxResponseBytes: number, attempts: number, message: string) {
    super(message);
    this.method = method;
    this.path = path;
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
    this.attempts = attempts;
  }
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'string') return `: ${oneLinePreview(body)}`;
  if (typeof body !== 'object') return `: ${oneLinePreview(String(body))}`;
  for (const name of ['message', 'error']) {
    const text = Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
    if (typeof text === 'string') return `: ${oneLinePreview(text)}`;
  }
  return `: ${oneLinePreview(jsonPreview(body))}`;
}

/** Ends `text` with a full stop unless it already ends a sentence (bodies often do: "Not found."). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Lower-case names; no cookies; secret fields and the client's credentials redacted in names and values. */
function responseHeaders(headers: Headers | Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  // Names arrive lower-cased, so a credential echoed in a name is looked for lower-cased too.
  const inNames = [...secrets, ...secrets.map((secret) => secret.toLowerCase())];
  // Duck-typed: on Node, naming the Headers global loads the whole fetch implementation.
  const entries = typeof headers.entries === 'function' && typeof (headers as Headers).get === 'function' ? (headers as Headers).entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (key !== 'set-cookie') setOwn(out, redactSecretText(key, inNames), redactSecretText(String(value), secrets));
  }
  return out;
}
