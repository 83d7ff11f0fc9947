// Package root: the v2 client (tracking and admin), its errors, outcomes and money helpers.
// The v1 client lives at `firstpromoter/v1`, the money helpers alone at `firstpromoter/money`.
export { createFirstPromoter, V2_BASE_URL, type FirstPromoter, type FirstPromoterOptions } from './client/v2.js';
export type { TransportSettings } from './client/options.js';
export type {
  TrackSignupParams, TrackSaleParams, TrackRefundParams, TrackCancellationParams,
  TrackSignupResult, TrackSaleResult, TrackRefundResult, TrackCancellationResult,
} from './tracking/v2.js';
export type { TrackOptions } from './tracking/options.js';
export type { TrackOutcome, Tracked, NotReferral, Duplicate } from './core/outcomes.js';
export * from './core/errors.js';
export { unwrap } from './core/unwrap.js';
export * from './core/money.js';
export type { LogEvent, Logger } from './internal/transport.js';
export { callOptions, type CallOptions } from './internal/lite-request.js';
export type { paths, components, operations } from '../generated/v2.js';
export { paginate, pages, toArray, PaginationError, type Page } from './core/pagination.js';
export type { ApiOrClient, ListPath, ListItem, ListOptions } from './core/list-types.js';
export { bulk, waitForBatch, BatchTimeoutError, type BulkResult, type BatchProcess, type WaitForBatchOptions } from './core/batches.js';
