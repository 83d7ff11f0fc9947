// Checks on every call of a typed client that openapi-fetch would otherwise get wrong before any of
// our code runs: it merges per-call headers into a Headers object (whose TypeError for a bad value
// quotes the value, which may be a secret), calls the path serializer only when `params.path` exists
// (so a missing one sends a literal `{id}`), and upper-cases a raw `request()` method with Unicode
// case mapping. The guarded client rejects such calls with a ValidationError; nothing is sent.
import type { Client } from 'openapi-fetch';
import { ValidationError } from '../core/errors.js';
import { hasPlaceholders } from '../internal/path-params.js';
import { HEADER_NAME } from '../internal/header-name.js';
import { fillPath } from './serializers.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
/** Visible ASCII, space and tab: what every runtime's Headers accepts and every server reads alike. */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

interface CallInit {
  headers?: unknown;
  params?: { path?: unknown; header?: unknown };
}

type Call = (url: string, init?: CallInit) => Promise<unknown>;

/** `api` with every method (and `request`) checking its call first; `use` and `eject` unchanged. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function guardCalls<Paths extends {}>(api: Client<Paths>): Client<Paths> {
  const guarded: Record<string, unknown> = { ...api };
  for (const method of METHODS) {
    const call = api[method] as unknown as Call;
    guarded[method] = (url: string, init?: CallInit) => checked(() => checkCall(url, init), () => call(url, init));
  }
  const request = api.request as unknown as (method: string, url: string, init?: CallInit) => Promise<unknown>;
  guarded.request = (method: string, url: string, init?: CallInit) => checked(() => {
    if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method.replace(/[a-z]+/g, (m) => m.toUpperCase()))) {
      throw new ValidationError('method', `The method must be one of ${METHODS.join(', ')}.`);
    }
    checkCall(url, init);
  }, () => request(method, url, init));
  return guarded as unknown as Client<Paths>;
}

/** Runs `check`, then `call`; a failed check is a rejected promise, like every other error of a call. */
function checked(check: () => void, call: () => Promise<unknown>): Promise<unknown> {
  try {
    check();
  } catch (error) {
    return Promise.reject(error);
  }
  return call();
}

function checkCall(url: unknown, init: CallInit | undefined): void {
  if (typeof url !== 'string') throw new ValidationError('path', 'The path must be a path template such as "/company/promoters/{id}".');
  // With `params.path` present, the client's path serializer checks every value as it fills the template.
  if (hasPlaceholders(url) && (init?.params?.path === undefined || init.params.path === null)) fillPath(url, {});
  checkHeaders('headers', init?.headers);
  checkHeaders('header', init?.params?.header);
}

function checkHeaders(field: string, headers: unknown): void {
  if (headers === undefined || headers === null || typeof headers !== 'object' || headers instanceof Headers) return;
  const entries = Array.isArray(headers) ? (headers as unknown[]) : Object.entries(headers);
  for (const entry of entries) {
    const [name, value] = Array.isArray(entry) ? (entry as unknown[]) : [undefined, entry];
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
      throw new ValidationError(field, `A header name in \`${field}\` is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only).`);
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item))) continue;
      if (typeof item !== 'string' || !HEADER_VALUE.test(item)) {
        // The value is not quoted: per-call headers often carry tokens.
        throw new ValidationError(`${field}.${name}`, `Header \`${name}\` must be text of visible ASCII characters, spaces and tabs (no line breaks, control or non-ASCII characters).`);
      }
    }
  }
}
