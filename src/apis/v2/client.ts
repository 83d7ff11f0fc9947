// The v2 client: Bearer key plus Account-ID, JSON bodies, bracket query strings (facts from the
// generated table of openapi/v2).
import { API, DOWNLOADS, LISTS, SERVERS } from '../../../generated/v2.operations.js';
import type { paths } from '../../../generated/v2.js';
import { createTrackingClient, type TrackingClient } from '../client.js';
import { JSON_BODY } from '../tracking.js';
import type { FirstPromoterOptions } from './options.js';
import { createV2Tracking, type V2Tracking } from './tracking.js';

export { V2_BASE_URL, type FirstPromoterOptions } from './options.js';

/** The v2 client: `api` for every operation of openapi/v2 (`api.GET('/company/promoters')`), `track`, and `request` for routes the spec lacks. */
export type FirstPromoter = TrackingClient<paths, V2Tracking>;

export function createFirstPromoter(options: FirstPromoterOptions = {}): FirstPromoter {
  return createTrackingClient({ ...API, lists: LISTS, downloads: DOWNLOADS, servers: SERVERS }, options, JSON_BODY, createV2Tracking);
}
