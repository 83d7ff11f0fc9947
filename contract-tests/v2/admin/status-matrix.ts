// Shared by the admin contract suites: the typed error class expected for each documented status, and
// one assertion that a call made with `Prefer: code=NNN` lands in it with its method and path template.
import { expect } from 'vitest';
import {
  AuthenticationError, BadRequestError, NotFoundError, PermissionDeniedError, RateLimitError, UnprocessableEntityError,
  unwrap,
} from '../../../src/index.js';
import { takeViolations, v2Client } from '../../support/clients.js';

export const ERROR_FOR_STATUS = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
} as const;

export type ErrorStatus = keyof typeof ERROR_FOR_STATUS;
export type Client = ReturnType<typeof v2Client>;
/** `'METHOD /path/template'`, as the error reports it. */
export type Route = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`;
/** One typed call of a route through `client.api`. */
export type Call = (client: Client) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

/** `[route, status]` rows for `it.each`, one per documented error status of each route. */
export function statusRows<R extends Route>(documented: Record<R, readonly ErrorStatus[]>): Array<[R, ErrorStatus]> {
  return (Object.entries(documented) as Array<[R, readonly ErrorStatus[]]>)
    .flatMap(([route, statuses]) => statuses.map((status): [R, ErrorStatus] => [route, status]));
}

/** Sends the route's call with `Prefer: code=<status>` and checks the typed error it rejects with. */
export async function expectTypedError(
  route: Route,
  status: ErrorStatus,
  call: Call,
): Promise<void> {
  const error = await unwrap(call(v2Client({ prefer: `code=${status}` }))).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ERROR_FOR_STATUS[status]);
  const [method, path] = route.split(' ');
  expect(error).toMatchObject({ status, method, path });
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
