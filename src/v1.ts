// `firstpromoter/v1`: the legacy v1 client, with the errors, outcomes, admin helpers and money helpers
// its users need. Every public name is listed on purpose, in the order of the root entry (index.ts).
export { createFirstPromoterV1, V1_BASE_URL, type FirstPromoterV1, type FirstPromoterV1Options } from './apis/v1/client.js';
export { FirstPromoterError, ValidationError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ConnectionError, RedirectError, TimeoutError, AbortError, ResponseTooLargeError } from './core/errors.js';
export { RateLimitStoreError } from './core/store-error.js';
export type { TrackOutcome, Tracked, NotReferral, Duplicate } from './core/outcomes.js';
export type { ClientOptions, LogEvent, Logger } from './core/options.js';
export { callOptions, type RequestOptions } from './core/request-options.js';
export { createRateLimiter, type RateLimiter, type RateLimitStore, type RateLimitOptions, type StoreChange } from './core/rate-limit.js';
export type { TrackV1SignupParams, TrackV1SaleParams, TrackV1RefundParams, TrackV1CancellationParams, TrackV1SubscriberParams, TrackV1Result } from './apis/v1/tracking.js';
export { unwrap } from './core/unwrap.js';
export { paginate, pages, toArray, PaginationError, type Page } from './core/pagination.js';
export type { ApiOrClient, ListPath, ListItem, ListOptions } from './core/list-types.js';
export type { RawMethod, RawRequest, RawRequestOptions, RawResponse } from './apis/raw-request.js';
export { toMinorUnits, fromMinorUnits, formatMoney, MINOR_UNIT_DIGITS, MoneyError, type Money, type MoneyErrorCode, type CurrencyCode } from './core/money.js';
export type { paths, components, operations } from '../generated/v1.js';
