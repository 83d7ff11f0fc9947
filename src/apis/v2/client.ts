// The v2 client: Bearer key plus Account-ID, JSON bodies, bracket query strings.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/v2.js';
import { createV2Tracking, type V2Tracking } from '../tracking/v2.js';
import { createApi } from './api.js';
import { requireCredential, resolveSettings, type ResolvedSettings, type TransportSettings } from './options.js';

export const V2_BASE_URL = 'https://api.firstpromoter.com/api/v2';

export interface FirstPromoterOptions extends TransportSettings {
  /** v2 API key (Settings → Integrations → Manage API keys). Default: FIRSTPROMOTER_API_KEY. */
  apiKey?: string;
  /** Account id shown beside the keys. Default: FIRSTPROMOTER_ACCOUNT_ID. */
  accountId?: string;
}

export interface FirstPromoter {
  /** Typed client for every operation of the v2 spec: `api.GET('/company/promoters', { params })`. */
  readonly api: Client<paths>;
  /** Server-side tracking with outcomes for FirstPromoter's special answers. */
  readonly track: V2Tracking;
}

export function createFirstPromoter(options: FirstPromoterOptions = {}): FirstPromoter {
  const { api, settings } = createV2Api(options);
  return Object.freeze({ api, track: createV2Tracking(api, settings.minorUnits) });
}

/** The checked settings and typed v2 client; shared with the tracking-only entry (`firstpromoter/track`). */
export function createV2Api(options: FirstPromoterOptions): { api: Client<paths>; settings: ResolvedSettings } {
  // Credentials stay in this closure (inside the headers openapi-fetch keeps): never a property.
  const apiKey = requireCredential('apiKey', options.apiKey, 'FIRSTPROMOTER_API_KEY', 'v2 API key');
  const accountId = requireCredential('accountId', options.accountId, 'FIRSTPROMOTER_ACCOUNT_ID', 'Account-ID');
  const settings = resolveSettings(options, V2_BASE_URL);
  const api = createApi<paths>(settings, { Authorization: `Bearer ${apiKey}`, 'Account-ID': accountId, Accept: 'application/json' }, 'json');
  return { api, settings };
}
