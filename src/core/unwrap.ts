// openapi-fetch never throws on an HTTP status: it returns `{ data, error, response }`. `unwrap` turns
// that into the usual SDK contract for admin calls: the parsed data, or a typed APIError.
import { APIError, type APIErrorInit } from './errors.js';
import { authHintOf } from '../internal/auth-hint.js';
import { templateOf } from '../internal/path-template.js';
import { responseInfo } from '../internal/response-info.js';

export interface ApiResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful call (undefined for a bodiless 2xx); a typed APIError otherwise. */
export async function unwrap<R extends ApiResult>(call: Promise<R> | R): Promise<R extends { data: infer D } ? D : never> {
  const result = await call;
  if (result.response.ok) return result.data as R extends { data: infer D } ? D : never;
  throw errorFrom(result);
}

/** The typed APIError for a failed result, with the method and path template the transport recorded. */
export function errorFrom(result: ApiResult, call: 'admin' | 'tracking' = 'admin'): APIError {
  return APIError.from(errorInit(result), call);
}

/** What an APIError about `result` carries; `body` defaults to the parsed error body. */
export function errorInit(result: ApiResult, body: unknown = result.error): APIErrorInit {
  const info = responseInfo(result.response);
  return {
    status: result.response.status,
    method: info?.method ?? 'GET',
    // A response the transport did not record (another openapi-fetch client's): its real path can hold ids or tokens.
    path: info?.path ?? templateOf(new URL(result.response.url || 'http://unknown/').pathname),
    headers: result.response.headers,
    body,
    attempts: info?.attempts ?? 1,
    secrets: info?.secrets,
    authHint: authHintOf(result.response),
  };
}
