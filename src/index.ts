// Package root: the v2 client (tracking and admin), its errors, outcomes, admin helpers and money helpers.
// The v1 client lives at `firstpromoter/v1`, tracking alone at `firstpromoter/track`, money at `firstpromoter/money`.
export { createFirstPromoter, V2_BASE_URL, type FirstPromoter, type FirstPromoterOptions } from './client/v2.js';
export type {
  TrackSignupParams, TrackSaleParams, TrackRefundParams, TrackCancellationParams,
  TrackSignupResult, TrackSaleResult, TrackRefundResult, TrackCancellationResult,
} from './tracking/v2.js';
export * from './common-exports.js';
export * from './api-exports.js';
export { bulk, waitForBatch, BatchTimeoutError, type BulkResult, type BatchProcess, type WaitForBatchOptions } from './core/batches.js';
export type { paths, components, operations } from '../generated/v2.js';
