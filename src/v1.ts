// `firstpromoter/v1`: the legacy v1 client, with the errors, outcomes and money helpers it uses.
export { createFirstPromoterV1, V1_BASE_URL, type FirstPromoterV1, type FirstPromoterV1Options } from './client/v1.js';
export type { TransportSettings } from './client/options.js';
export type {
  TrackV1SignupParams, TrackV1SaleParams, TrackV1RefundParams, TrackV1CancellationParams, TrackV1SubscriberParams, TrackV1Result,
} from './tracking/v1.js';
export type { TrackOptions } from './tracking/options.js';
export type { TrackOutcome, Tracked, NotReferral, Duplicate } from './core/outcomes.js';
export * from './core/errors.js';
export { unwrap } from './core/unwrap.js';
export * from './core/money.js';
export type { LogEvent, Logger } from './internal/transport.js';
export { callOptions, type CallOptions } from './internal/lite-request.js';
export type { paths, components, operations } from '../generated/v1.js';
export { paginate, pages, toArray, PaginationError, type Page } from './core/pagination.js';
export type { ApiOrClient, ListPath, ListItem, ListOptions } from './core/list-types.js';
