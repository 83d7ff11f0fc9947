// Telling FirstPromoter's deliveries from anyone else's. FirstPromoter documents no signature, so the
// checks are the secrets a subscription can carry: its HTTP Basic credentials and its custom headers
// (plus, for legacy webhooks, which send neither, a secret query parameter of the URL). Every secret
// is compared in constant time, and a failure never says which secret was expected or received.
import { ValidationError } from '../core/errors.js';
import { bytesFromBase64 } from '../internal/base64.js';
import { sameDigest, secretDigest, utf8 } from '../internal/secret-compare.js';
import { HEADER_NAME } from '../internal/header-name.js';
import { WebhookError } from './errors.js';

/** The secrets a delivery must carry; every one given is checked, and at least one is required. */
export interface WebhookAuth {
  /** The subscription's `basic_auth_user` and `basic_auth_password`. */
  basic?: { username: string; password: string } | undefined;
  /** A custom header of the subscription (`headers`) that holds a secret, e.g. `X-Webhook-Secret`. */
  header?: { name: string; value: string } | undefined;
  /** A secret query parameter of the endpoint URL: the only option for legacy webhooks. */
  query?: { name: string; value: string } | undefined;
}

/** Checks one request against the configured secrets. */
export type Authenticator = (request: Request) => Promise<void>;


/**
 * Returns a check that throws `WebhookError('unauthorized')` unless `request` carries every secret of
 * `auth`. Throws a ValidationError now when `auth` names none or one is empty.
 */
export function createAuthenticator(auth: WebhookAuth): Authenticator {
  const checks = checksOf(auth);
  return async (request) => {
    // Every check runs, so the time taken does not tell which one failed.
    const results = await Promise.all(checks.map((check) => check(request)));
    if (!results.every(Boolean)) throw new WebhookError('unauthorized', 'The request does not carry the credentials configured for this webhook.');
  };
}

/** One-off form of {@link createAuthenticator}: resolves when `request` carries every secret of `auth`. */
export function authenticateWebhook(request: Request, auth: WebhookAuth): Promise<void> {
  return createAuthenticator(auth)(request);
}

type Check = (request: Request) => Promise<boolean>;

function checksOf(auth: WebhookAuth): Check[] {
  if (typeof auth !== 'object' || auth === null) throw new ValidationError('auth', 'auth is required: give basic, header or query credentials.');
  const { basic, header, query } = auth;
  const checks: Check[] = [];
  if (basic !== undefined) {
    filled(basic.username, 'auth.basic.username');
    filled(basic.password, 'auth.basic.password');
    if (basic.username.includes(':')) throw new ValidationError('auth.basic.username', 'auth.basic.username cannot contain ":" (HTTP Basic credentials split on it).');
    checks.push(matches(`${basic.username}:${basic.password}`, basicCredentials));
  }
  if (header !== undefined) {
    filled(header.name, 'auth.header.name');
    if (!HEADER_NAME.test(header.name)) throw new ValidationError('auth.header.name', 'auth.header.name is not a valid HTTP header name.');
    filled(header.value, 'auth.header.value');
    checks.push(matches(header.value, (request) => request.headers.get(header.name) ?? undefined));
  }
  if (query !== undefined) {
    filled(query.name, 'auth.query.name');
    filled(query.value, 'auth.query.value');
    checks.push(matches(query.value, (request) => new URL(request.url).searchParams.get(query.name) ?? undefined));
  }
  if (checks.length === 0) throw new ValidationError('auth', 'auth needs at least one of basic, header or query: without one, anyone can post events.');
  return checks;
}

function filled(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(field, `${field} must be a non-empty string.`);
}

/** A check comparing what `read` finds in a request with `secret`; a missing value never matches. */
function matches(secret: string, read: (request: Request) => string | Uint8Array<ArrayBuffer> | undefined): Check {
  // Hashed on the first request, not at creation: Workers forbid some crypto work in global scope,
  // where handlers are usually created.
  let expected: Promise<Uint8Array> | undefined;
  return async (request) => {
    expected ??= secretDigest(utf8(secret));
    const found = read(request);
    const received = await secretDigest(typeof found === 'string' ? utf8(found) : (found ?? new Uint8Array()));
    return found !== undefined && sameDigest(received, await expected);
  };
}

/** The decoded `user:password` bytes of an `Authorization: Basic …` header. */
function basicCredentials(request: Request): Uint8Array<ArrayBuffer> | undefined {
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ? bytesFromBase64(match[1]) : undefined;
}
