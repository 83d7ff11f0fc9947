// Shared by the v1 resource suites: the status matrices call each documented error of an operation
// through the real client and check it the same way everywhere.
import { expect } from 'vitest';
import {
  APIError, AuthenticationError, NotFoundError, UnprocessableEntityError, unwrap,
} from '../../src/v1.js';
import { v1Client } from '../support/clients.js';

export type V1 = ReturnType<typeof v1Client>;
/** One operation called through the typed client; the key is `METHOD /path/template`. */
export type Calls = Record<string, (client: V1) => Promise<{ response: Response; data?: unknown; error?: unknown }>>;

type ErrorClass = abstract new (...args: never[]) => APIError;

/** v1 answers a missing or unknown key with a bare JSON string, not an object. */
export const BAD_CREDENTIALS = 'Bad credentials';

export const ERROR_CLASS: Record<number, ErrorClass> = {
  401: AuthenticationError,
  404: NotFoundError,
  422: UnprocessableEntityError,
};

/**
 * Asks Prism for the documented `status` answer of `operation` and checks that `unwrap` throws the
 * matching typed error, with method, path template and parsed body, and a message naming all three.
 */
export async function expectDocumentedError(calls: Calls, operation: string, status: number, body: unknown): Promise<APIError> {
  const [method, path] = operation.split(' ');
  const call = calls[operation];
  if (!call) throw new Error(`no call for ${operation}`);
  const error = await unwrap(call(v1Client({ prefer: `code=${status}` }))).then(
    () => { throw new Error(`${operation} with Prefer code=${status} succeeded`); },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ERROR_CLASS[status]);
  const apiError = error as APIError;
  expect({ status: apiError.status, method: apiError.method, path: apiError.path }).toEqual({ status, method, path });
  expect(apiError.body).toEqual(body);
  expect(apiError.message).toContain(`${status} to ${method} ${path}`);
  // The reason the message quotes: the 401 string, `{error}` for resources, `{message}` for reports.
  const parsed = apiError.body as { error?: unknown; message?: unknown };
  const reason = typeof apiError.body === 'string' ? apiError.body : parsed.message ?? parsed.error;
  if (typeof reason === 'string') expect(apiError.message).toContain(reason);
  return apiError;
}

/** The messages of the violations Prism reported, for the deliberately malformed requests. */
export function violationMessages(violations: Array<{ violations: Array<{ message: string }> }>): string[] {
  return violations.flatMap((v) => v.violations.map((x) => x.message));
}
