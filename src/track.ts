// `firstpromoter/track`: server-side v2 tracking only (signup, sale, refund, cancellation), for
// serverless functions and edge workers that never call the admin API. Same options, validation,
// retries and outcomes as the root client's `track`; bundlers drop the admin helpers (`unwrap`).
import { createV2Api, type FirstPromoterOptions } from './client/v2.js';
import { createV2Tracking, type V2Tracking } from './tracking/v2.js';

export { V2_BASE_URL } from './client/v2.js';
export type { FirstPromoterOptions } from './client/v2.js';
export type {
  TrackSignupParams, TrackSaleParams, TrackRefundParams, TrackCancellationParams,
  TrackSignupResult, TrackSaleResult, TrackRefundResult, TrackCancellationResult,
} from './tracking/v2.js';
export * from './common-exports.js';

export interface FirstPromoterTracking {
  /** Server-side tracking with outcomes for FirstPromoter's special answers. */
  readonly track: V2Tracking;
}

/** A v2 client that can only track: `createTracking({ apiKey, accountId }).track.sale({...})`. */
export function createTracking(options: FirstPromoterOptions = {}): FirstPromoterTracking {
  const { api, settings } = createV2Api(options);
  return Object.freeze({ track: createV2Tracking(api, settings.minorUnits) });
}
