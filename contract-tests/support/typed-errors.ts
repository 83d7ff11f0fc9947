// The error class `unwrap` (and `toOutcome`) must throw for each HTTP status: the client's public
// promise to callers who `instanceof` the case they handle.
import {
  APIError, AuthenticationError, BadRequestError, ConflictError, InternalServerError, NotFoundError,
  PermissionDeniedError, RateLimitError, UnprocessableEntityError,
} from '../../src/index.js';

const BY_STATUS: Readonly<Record<number, typeof APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The exact class for `status`: a subclass for the statuses above and 5xx, APIError itself for the rest. */
export function errorClassFor(status: number): typeof APIError {
  return BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
}
