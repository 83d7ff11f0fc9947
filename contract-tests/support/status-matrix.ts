// The error-status matrices of the v1 and v2 contract suites. Each documented error of an operation is
// asked of Prism with `Prefer: code=NNN` through the real client, and every suite checks the typed
// error it rejects with in the same way. Also the two readers of Prism's validation messages, for the
// tests that send a deliberately malformed request.
import { expect } from 'vitest';
import {
  APIError, AuthenticationError, BadRequestError, ConflictError, NotFoundError, PermissionDeniedError, RateLimitError,
  UnprocessableEntityError, unwrap,
} from '../../src/index.js';
import { takeViolations, v1Client, v2Client } from './clients.js';

/** The typed error class `unwrap` must throw for each error status the specs document. */
export const ERROR_CLASS = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
} as const;

export type ErrorStatus = keyof typeof ERROR_CLASS;

const CLIENTS = { v1: v1Client, v2: v2Client };
export type Version = keyof typeof CLIENTS;
export type V1 = ReturnType<typeof v1Client>;
export type V2 = ReturnType<typeof v2Client>;
type ClientOf<V extends Version> = V extends 'v1' ? V1 : V2;

/** `'METHOD /path/template'`, as the error reports it. */
export type Route = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;
/** One typed call of a route through `client.api`. */
export type Call<V extends Version = 'v2'> = (client: ClientOf<V>) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

/** v1 answers a missing or unknown key with a bare JSON string, not an object. */
export const V1_BAD_CREDENTIALS = 'Bad credentials';

/** An `it.each` row of a suite that knows the body of each error: the route, the status, the body. */
export type BodyRow<R extends Route> = [route: R, status: ErrorStatus, body: unknown];

/** `[route, status]` rows for `it.each`, one per documented error status of each route. */
export function statusRows<R extends Route>(documented: Record<R, readonly ErrorStatus[]>): Array<[R, ErrorStatus]> {
  return (Object.entries(documented) as Array<[R, readonly ErrorStatus[]]>)
    .flatMap(([route, statuses]) => statuses.map((status): [R, ErrorStatus] => [route, status]));
}

/** `[route, status, body]` rows for `it.each`: every route of `calls` answers `status` with `body`. */
export function onEveryRoute<R extends Route>(calls: Record<R, unknown>, status: ErrorStatus, body: unknown): Array<BodyRow<R>> {
  return (Object.keys(calls) as R[]).map((route): BodyRow<R> => [route, status, body]);
}

/** The v2 admin error bodies: none on a 401, FirstPromoter's `{message}` on every other status. */
export function messageUnless401(status: ErrorStatus): unknown {
  return status === 401 ? undefined : expect.objectContaining({ message: expect.any(String) });
}

/**
 * Sends the route's call with `Prefer: code=<status>` through the `version` client and checks that
 * `unwrap` throws the typed error of that status, with the method and path template of the route.
 * With `expected`, also the parsed body, and a message that names the status, the route and the
 * reason the body gives.
 */
export async function expectTypedError<V extends Version>(
  version: V,
  route: Route,
  status: ErrorStatus,
  call: Call<V>,
  expected?: { body: unknown },
): Promise<void> {
  const client = CLIENTS[version]({ prefer: `code=${status}` }) as ClientOf<V>;
  const error = await unwrap(call(client)).then(
    () => { throw new Error(`${route} with Prefer code=${status} succeeded`); },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ERROR_CLASS[status]);
  const apiError = error as APIError;
  const [method, path] = route.split(' ');
  expect({ status: apiError.status, method: apiError.method, path: apiError.path }).toEqual({ status, method, path });
  if (expected) {
    expect(apiError.body).toEqual(expected.body);
    expect(apiError.message).toContain(`${status} to ${method} ${path}`);
    // The reason the message quotes: a bare string (the v1 401), else the body's message or error.
    const parsed = apiError.body as { error?: unknown; message?: unknown } | undefined;
    const reason = typeof apiError.body === 'string' ? apiError.body : parsed?.message ?? parsed?.error;
    if (typeof reason === 'string') expect(apiError.message).toContain(reason);
  }
}

/** The messages of the violations Prism reported since the last read, consuming them. */
export function violationMessages(): string[] {
  return takeViolations().flatMap((v) => v.violations.map((x) => x.message));
}

/**
 * On a route that documents no 400 or 422, Prism answers a bad request with its own 422 problem body
 * and no sl-violations header; these are the messages of that body.
 */
export function prismBodyMessages(body: unknown): string[] {
  return (body as { validation?: Array<{ message: string }> } | undefined)?.validation?.map((v) => v.message) ?? [];
}
