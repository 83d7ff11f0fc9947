// `client.request(method, path, options)`: an untyped call for a route no spec has yet, through the
// same client as every typed call, so it gets the same transport (retries, timeouts, rate limit,
// logger), credentials, bracket-encoded query, typed errors and redaction. The answer is read by its
// Content-Type and returned as `unknown`: nothing checks it against a contract.
//   const { data } = await fp.request('GET', '/company/new_thing/{id}', { path: { id: 42 }, query: { filters: { state: 'open' } } });
import type { Client, Middleware } from 'openapi-fetch';
import { ValidationError } from '../core/errors.js';
import { callOptions, type RequestOptions } from '../core/request-options.js';
import { errorFrom, type ApiResult } from '../core/unwrap.js';
import { templateOf } from '../internal/path-template.js';
import type { LiteRequest } from '../transport/lite-request.js';

/** The methods FirstPromoter's APIs use, and so the ones a typed client is wrapped for and a raw call takes. */
export const RAW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RawMethod = (typeof RAW_METHODS)[number];

export interface RawRequestOptions extends RequestOptions {
  /** Query parameters, sent in Rails bracket form (`filters[state]=open`, `ids[]=1`) like every call. */
  query?: Record<string, unknown>;
  /** Values of the `{name}` placeholders in `path`. Use them for ids: logs and errors show the template. */
  path?: Record<string, string | number>;
  /** The request body, encoded as the API's bodies are (JSON on v2, a form on v1). */
  body?: unknown;
  /** Extra request headers, e.g. `{ Accept: 'text/csv' }` (the client asks for JSON by default). */
  headers?: Record<string, string>;
}

export interface RawResponse {
  /** The parsed body: JSON as a value, text (CSV, HTML) as a string, anything else as a Blob; undefined when empty. Untyped. */
  data: unknown;
  response: Response;
}

/** An untyped call; throws the typed APIError of a non-2xx answer, like `unwrap`. */
export type RawRequest = (method: RawMethod, path: string, options?: RawRequestOptions) => Promise<RawResponse>;

const METHODS: ReadonlySet<string> = new Set(RAW_METHODS);
const PLACEHOLDER = /\{([^{}]+)\}/g;

// A path without placeholders may hold ids, emails or tokens: logs and errors get a template of it
// (id-like segments as `{id}`) rather than the path as written.
const literalPath: Middleware = {
  onRequest({ request, schemaPath }) {
    (request as unknown as LiteRequest).schemaPath = templateOf(schemaPath);
  },
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function createRawRequest<Paths extends {}>(api: Client<Paths>): RawRequest {
  const request = api.request as unknown as (method: string, path: string, init: object) => Promise<ApiResult>;
  return async function rawRequest(method, path, options = {}) {
    const { query, path: values, body, headers, ...perCall } = checkOptions(options);
    checkRoute(method, path, values);
    const result = await request(method, path, {
      params: { query, path: values },
      body,
      headers,
      parseAs: 'stream',
      middleware: path.includes('{') ? [] : [literalPath],
      ...callOptions(perCall),
    });
    if (!result.response.ok) throw errorFrom(result);
    return { data: result.data === undefined ? undefined : await readAnswer(result.response), response: result.response };
  };
}

/** The body as its Content-Type says: JSON → value, text (CSV, HTML) → string, anything else → Blob. */
function readAnswer(response: Response): Promise<unknown> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return response.json();
  if (type.startsWith('text/')) return response.text();
  return response.blob();
}

function checkOptions(options: RawRequestOptions): RawRequestOptions {
  if (options === null || typeof options !== 'object') {
    throw new ValidationError('options', 'The options of request() must be an object such as { query, body }.');
  }
  return options;
}

function checkRoute(method: unknown, path: unknown, values: RawRequestOptions['path']): void {
  if (typeof method !== 'string' || !METHODS.has(method)) {
    throw new ValidationError('method', `The method must be one of ${[...METHODS].join(', ')}, got ${JSON.stringify(method)}.`);
  }
  // Relative to the client's base URL only: a full URL or `//host` must never receive the credentials.
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || /[?#\s\\]/.test(path) || /[\u0000-\u001f\u007f]/.test(path)) {
    throw new ValidationError('path', 'The path must start with `/` and be relative to the client\'s base URL, e.g. `/company/things/{id}`; ' +
      'put query parameters in `query`.');
  }
  for (const [, name] of path.matchAll(PLACEHOLDER)) {
    const value = values?.[name!];
    if (!(typeof value === 'string' && value !== '') && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new ValidationError(`path.${name}`, `The path names {${name}}: give its value in \`path: { ${name}: ... }\`.`);
    }
  }
}
