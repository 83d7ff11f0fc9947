// The v2 client: Bearer key plus Account-ID, JSON bodies, bracket query strings (facts from the
// generated table of openapi/v2).
import { API, DOWNLOADS, LISTS, SERVERS } from '../../../generated/v2.operations.js';
import type { paths } from '../../../generated/v2.js';
import type { ClientOptions } from '../../core/options.js';
import { createTrackingClient, type TrackingClient } from '../client.js';
import { createV2Tracking, type V2Tracking } from './tracking.js';

export const V2_BASE_URL = API.baseUrl;

export interface FirstPromoterOptions extends ClientOptions {
  /** v2 API key (Settings → Integrations → Manage API keys). Default: FIRSTPROMOTER_API_KEY. */
  apiKey?: string | undefined;
  /** Account id shown beside the keys. Default: FIRSTPROMOTER_ACCOUNT_ID. */
  accountId?: string | undefined;
}

/** The v2 client: `api` for every operation of openapi/v2 (`api.GET('/company/promoters')`), `track`, and `request` for routes the spec lacks. */
export type FirstPromoter = TrackingClient<paths, V2Tracking>;

export function createFirstPromoter(options: FirstPromoterOptions = {}): FirstPromoter {
  return createTrackingClient({ ...API, lists: LISTS, downloads: DOWNLOADS, servers: SERVERS }, options, createV2Tracking);
}
