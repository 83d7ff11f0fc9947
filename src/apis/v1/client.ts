// The v1 (legacy) client: X-API-KEY, form bodies, bracket query strings.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/v1.js';
import { createV1Tracking, type V1Tracking } from '../tracking/v1.js';
import { createApi } from './api.js';
import { requireCredential, resolveSettings, type TransportSettings } from './options.js';

export const V1_BASE_URL = 'https://firstpromoter.com/api/v1';

export interface FirstPromoterV1Options extends TransportSettings {
  /** v1 (legacy) API key, a different key from v2's. Default: FIRSTPROMOTER_V1_API_KEY. */
  apiKey?: string;
}

export interface FirstPromoterV1 {
  /** Typed client for every operation of the v1 spec: `api.GET('/promoters/show', { params })`. */
  readonly api: Client<paths>;
  /** Server-side tracking with outcomes for FirstPromoter's special answers. */
  readonly track: V1Tracking;
}

export function createFirstPromoterV1(options: FirstPromoterV1Options = {}): FirstPromoterV1 {
  const apiKey = requireCredential('apiKey', options.apiKey, 'FIRSTPROMOTER_V1_API_KEY', 'v1 API key');
  const settings = resolveSettings(options, V1_BASE_URL);
  const api = createApi<paths>(settings, { 'X-API-KEY': apiKey, Accept: 'application/json' }, 'form');
  return Object.freeze({ api, track: createV1Tracking(api, settings.minorUnits) });
}
