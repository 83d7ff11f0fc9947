// The v2 client's options and base URL, apart from the client itself so the tracking-only entry
// (firstpromoter/track) shares them without loading the typed client and openapi-fetch.
import { API } from '../../../generated/v2.operations.js';
import type { ClientOptions } from '../../core/options.js';

export const V2_BASE_URL = API.baseUrl;

export interface FirstPromoterOptions extends ClientOptions {
  /** v2 API key (Settings → Integrations → Manage API keys). Default: FIRSTPROMOTER_API_KEY. */
  apiKey?: string | undefined;
  /** Account id shown beside the keys. Default: FIRSTPROMOTER_ACCOUNT_ID. */
  accountId?: string | undefined;
}
