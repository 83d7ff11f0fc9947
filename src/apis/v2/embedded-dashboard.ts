// Sign-in for the promoter dashboard embedded in your app: your backend mints a short-lived token for
// one promoter and the iframe opens `https://<your custom domain>/iframe?tk=<token>`. FirstPromoter
// serves both calls on v2.firstpromoter.com; the client's routes send them there.
//   const { access_token } = await mintDashboardToken(fp, { cust_id: user.id });
import type { paths } from '../../../generated/v2.js';
import { ValidationError } from '../../core/errors.js';
import { apiOf, type TypedApiOrClient } from '../../core/list-types.js';
import { callOptions, type RequestOptions } from '../../core/request-options.js';
import { unwrap } from '../../core/unwrap.js';

/** The sign-in's query as the spec types it: both ids optional, since OpenAPI 3.0 cannot require one of two. */
type PromoterIds = Required<NonNullable<paths['/promoters/iframe_login']['post']['parameters']['query']>>;

/** The promoter whose dashboard it is: by FirstPromoter id, or by your own customer id. */
export type DashboardPromoter = (Pick<PromoterIds, 'promoter_id'> & { cust_id?: never }) | (Pick<PromoterIds, 'cust_id'> & { promoter_id?: never });

/** `access_token` (a credential: give it to that promoter's browser only, never log it) and its lifetime in seconds. */
export type DashboardToken = paths['/promoters/iframe_login']['post']['responses'][200]['content']['application/json'];

/**
 * Mints a token that signs `promoter` into the embedded dashboard. Resending it is harmless (another
 * token is minted; both expire), so it is retried like a GET unless `idempotent: false` is passed.
 */
export async function mintDashboardToken(client: TypedApiOrClient<paths>, promoter: DashboardPromoter, options: RequestOptions = {}): Promise<DashboardToken> {
  return unwrap(apiOf(client).POST('/promoters/iframe_login', { params: { query: promoterQuery(promoter) }, ...callOptions({ idempotent: true, ...options }) }));
}

/** Revokes every embedded-dashboard token of `promoter`; a NotFoundError when no promoter matches. */
export async function revokeDashboardTokens(client: TypedApiOrClient<paths>, promoter: DashboardPromoter, options: RequestOptions = {}): Promise<void> {
  await unwrap(apiOf(client).POST('/promoters/iframe_logout', { params: { query: promoterQuery(promoter) }, ...callOptions({ idempotent: true, ...options }) }));
}

function promoterQuery(promoter: DashboardPromoter): Pick<PromoterIds, 'promoter_id'> | Pick<PromoterIds, 'cust_id'> {
  const given = (promoter ?? {}) as { promoter_id?: unknown; cust_id?: unknown };
  const byId = given.promoter_id !== undefined;
  const byCustId = given.cust_id !== undefined;
  if (byId === byCustId) {
    throw new ValidationError('promoter', 'Name the promoter by exactly one of `promoter_id` (FirstPromoter id) or `cust_id` (your customer id).');
  }
  if (byId) {
    if (typeof given.promoter_id === 'number' && Number.isSafeInteger(given.promoter_id) && given.promoter_id > 0) return { promoter_id: given.promoter_id };
    throw new ValidationError('promoter_id', `\`promoter_id\` must be a positive whole number, got ${String(given.promoter_id)}.`);
  }
  if (typeof given.cust_id === 'string' && given.cust_id.trim() !== '') return { cust_id: given.cust_id };
  throw new ValidationError('cust_id', '`cust_id` must be a non-empty string.');
}
