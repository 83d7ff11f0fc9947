// `firstpromoter/affiliate`: the Affiliate API client (one promoter's own data, behind their dashboard
// session token), with the errors, options, list helpers and money helpers its users need. Every
// public name is listed on purpose, in the order of the root entry (index.ts). The Affiliate API has
// no bulk actions and no tracking, so neither is here.
export { createFirstPromoterAffiliate, AFFILIATE_BASE_URL, type FirstPromoterAffiliate, type FirstPromoterAffiliateOptions } from './apis/affiliate/client.js';
export type { AccessTokenProvider, AccessTokenRequest } from './apis/affiliate/session.js';
export { FirstPromoterError, ValidationError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ConnectionError, RedirectError, TimeoutError, AbortError, ResponseTooLargeError } from './core/errors.js';
export { RateLimitStoreError } from './core/store-error.js';
export type { ClientOptions, LogEvent, Logger } from './core/options.js';
export { callOptions, type RequestOptions } from './core/request-options.js';
export { unwrap } from './core/unwrap.js';
export { paginate, pages, toArray, PaginationError, type Page } from './core/pagination.js';
export type { ApiOrClient, ListPath, ListItem, ListOptions } from './core/list-types.js';
export { toMinorUnits, fromMinorUnits, formatMoney, MINOR_UNIT_DIGITS, MoneyError, type Money, type MoneyErrorCode, type CurrencyCode } from './core/money.js';
export type { paths, components, operations } from '../generated/affiliate.js';
