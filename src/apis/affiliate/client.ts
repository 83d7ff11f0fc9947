// The Affiliate API client: one promoter's own data, authenticated by the access token of their
// dashboard session plus the Account-ID (facts from the generated table of openapi/affiliate). The
// token is set per request by the session middleware, so it can be a function that the client asks
// for a new token when the session has ended.
import { API, DOWNLOADS, LISTS } from '../../../generated/affiliate.operations.js';
import type { paths } from '../../../generated/affiliate.js';
import type { TypedApi } from '../../core/list-types.js';
import { requireCredential, type ClientOptions } from '../../core/options.js';
import { createApiClient } from '../client.js';
import { sessionAuth, type AccessTokenProvider } from './session.js';

export const AFFILIATE_BASE_URL = API.baseUrl;

export interface FirstPromoterAffiliateOptions extends ClientOptions {
  /**
   * The access token of the promoter's dashboard session, or a function returning it (called before
   * the first request, and once more after FirstPromoter answers 401). Default:
   * FIRSTPROMOTER_AFFILIATE_ACCESS_TOKEN. Never a company API key.
   */
  accessToken?: string | AccessTokenProvider | undefined;
  /** Id of the company account the promoter belongs to. Default: FIRSTPROMOTER_AFFILIATE_ACCOUNT_ID. */
  accountId?: string | undefined;
}

/** The affiliate client: `api` for every operation of openapi/affiliate (`api.GET('/commissions')`). */
export interface FirstPromoterAffiliate {
  /** Typed client (openapi-fetch) for every operation of the Affiliate API. */
  readonly api: TypedApi<paths>;
}

const TOKEN = API.credentials.find((credential) => credential.option === 'accessToken')!;

export function createFirstPromoterAffiliate(options: FirstPromoterAffiliateOptions = {}): FirstPromoterAffiliate {
  const { accessToken, ...rest } = options;
  const source = typeof accessToken === 'function' ? accessToken : requireCredential(TOKEN.option, accessToken, TOKEN.env, TOKEN.label);
  // The other credentials (Account-ID) are fixed headers; the token is the session middleware's.
  const credentials = API.credentials.filter((credential) => credential !== TOKEN);
  const { api, secrets } = createApiClient<paths>({ ...API, credentials, lists: LISTS, downloads: DOWNLOADS }, rest);
  // Every token the session uses, fixed or refreshed, is scrubbed from errors like a fixed credential.
  api.use(sessionAuth(source, TOKEN, (token) => secrets.add(token)));
  return Object.freeze({ api });
}
