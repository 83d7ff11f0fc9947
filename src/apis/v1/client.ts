// The v1 (legacy) client: X-API-KEY, form bodies, bracket query strings (facts from the generated
// table of openapi/v1).
import { API, LISTS } from '../../../generated/v1.operations.js';
import type { paths } from '../../../generated/v1.js';
import type { ClientOptions } from '../../core/options.js';
import { createTrackingClient, type TrackingClient } from '../client.js';
import { FORM_BODY } from '../tracking.js';
import { createV1Tracking, type V1Tracking } from './tracking.js';

export const V1_BASE_URL = API.baseUrl;

export interface FirstPromoterV1Options extends ClientOptions {
  /** v1 (legacy) API key, a different key from v2's. Default: FIRSTPROMOTER_V1_API_KEY. */
  apiKey?: string | undefined;
}

/** The v1 client: `api` for every operation of openapi/v1 (`api.GET('/promoters/show')`), `track`, and `request` for routes the spec lacks. */
export type FirstPromoterV1 = TrackingClient<paths, V1Tracking>;

export function createFirstPromoterV1(options: FirstPromoterV1Options = {}): FirstPromoterV1 {
  return createTrackingClient({ ...API, lists: LISTS }, options, FORM_BODY, createV1Tracking);
}
