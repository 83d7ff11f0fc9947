// Package root (`firstpromoter`): the v2 client (tracking and admin) with everything its users need.
// The v1 client lives at `firstpromoter/v1`, tracking alone at `firstpromoter/track`, money at
// `firstpromoter/money`. Every public name is listed on purpose (no `export *`): nothing becomes public
// by being exported from a module. Order in every entry: client, errors, outcomes, options, tracking
// types, admin helpers, money, generated types.
export { createFirstPromoter, V2_BASE_URL, type FirstPromoter, type FirstPromoterOptions } from './apis/v2/client.js';
export { FirstPromoterError, ValidationError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ConnectionError, RedirectError, TimeoutError, AbortError, ResponseTooLargeError } from './core/errors.js';
export { RateLimitStoreError } from './core/store-error.js';
export type { TrackOutcome, Tracked, NotReferral, Duplicate } from './core/outcomes.js';
export type { ClientOptions, LogEvent, Logger } from './core/options.js';
export { callOptions, type RequestOptions } from './core/request-options.js';
export { createRateLimiter, type RateLimiter, type RateLimitStore, type RateLimitOptions, type StoreChange } from './core/rate-limit.js';
export type { TrackSignupParams, TrackSaleParams, TrackRefundParams, TrackCancellationParams, TrackSignupResult, TrackSaleResult, TrackRefundResult, TrackCancellationResult } from './apis/v2/tracking.js';
export { unwrap } from './core/unwrap.js';
export { paginate, pages, toArray, PaginationError, type Page } from './core/pagination.js';
export type { ApiOrClient, ListPath, ListItem, ListOptions } from './core/list-types.js';
export { bulk, waitForBatch, BatchTimeoutError, type BulkResult, type BatchProcess, type WaitForBatchOptions } from './apis/v2/batches.js';
export { mintDashboardToken, revokeDashboardTokens, type DashboardPromoter, type DashboardToken } from './apis/v2/embedded-dashboard.js';
export type { RawMethod, RawRequest, RawRequestOptions, RawResponse } from './apis/raw-request.js';
export { toMinorUnits, fromMinorUnits, formatMoney, MINOR_UNIT_DIGITS, MoneyError, type Money, type MoneyErrorCode, type CurrencyCode } from './core/money.js';
export type { paths, components, operations } from '../generated/v2.js';
