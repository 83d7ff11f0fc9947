// `firstpromoter/track`: server-side v2 tracking only (signup, sale, refund, cancellation), for
// serverless functions and edge workers that never call the admin API. Same options, validation,
// retries and outcomes as the root client's `track`, sent the same way (through the attempt loop, not
// openapi-fetch, which this entry does not load); bundlers drop the admin helpers and the list table.
import { API } from '../generated/v2.operations.js';
import { connect } from './apis/connection.js';
import { createTrackingSender, JSON_BODY } from './apis/tracking.js';
import type { FirstPromoterOptions } from './apis/v2/options.js';
import { createV2Tracking, type V2Tracking } from './apis/v2/tracking.js';

export { V2_BASE_URL, type FirstPromoterOptions } from './apis/v2/options.js';
export { FirstPromoterError, ValidationError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ConnectionError, RedirectError, TimeoutError, AbortError, ResponseTooLargeError } from './core/errors.js';
export { RateLimitStoreError } from './core/store-error.js';
export type { TrackOutcome, Tracked, NotReferral, Duplicate } from './core/outcomes.js';
export type { ClientOptions, LogEvent, Logger } from './core/options.js';
export type { RequestOptions } from './core/request-options.js';
export { createRateLimiter, type RateLimiter, type RateLimitStore, type RateLimitOptions, type StoreChange } from './core/rate-limit.js';
export type { TrackSignupParams, TrackSaleParams, TrackRefundParams, TrackCancellationParams, TrackSignupResult, TrackSaleResult, TrackRefundResult, TrackCancellationResult } from './apis/v2/tracking.js';
export { MoneyError, type Money, type MoneyErrorCode, type CurrencyCode } from './core/money.js';

export interface FirstPromoterTracking {
  /** Server-side tracking with outcomes for FirstPromoter's special answers. */
  readonly track: V2Tracking;
}

/** A v2 client that can only track: `createTracking({ apiKey, accountId }).track.sale({...})`. */
export function createTracking(options: FirstPromoterOptions = {}): FirstPromoterTracking {
  const connection = connect(API, options);
  return Object.freeze({ track: createV2Tracking(createTrackingSender(connection, JSON_BODY), connection.settings.minorUnits) });
}
