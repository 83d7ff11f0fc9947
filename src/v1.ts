// `firstpromoter/v1`: the legacy v1 client, with the errors, outcomes, admin helpers and money helpers it uses.
export { createFirstPromoterV1, V1_BASE_URL, type FirstPromoterV1, type FirstPromoterV1Options } from './client/v1.js';
export type {
  TrackV1SignupParams, TrackV1SaleParams, TrackV1RefundParams, TrackV1CancellationParams, TrackV1SubscriberParams, TrackV1Result,
} from './tracking/v1.js';
export * from './common-exports.js';
export * from './api-exports.js';
export type { paths, components, operations } from '../generated/v1.js';
