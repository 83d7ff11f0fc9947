// The APIs the fake serves, with the facts of each from the generated operation tables: base path,
// credential headers, body encoding, paging limits, every operation (method, path template, its own
// base URL if it has one, statuses, media types, kind) and the tracking outcomes. Routes, auth checks
// and special answers follow these instead of restating header names, paths or statuses.
import * as affiliate from '../../../generated/affiliate.operations.js';
import * as v1 from '../../../generated/v1.operations.js';
import * as v2 from '../../../generated/v2.operations.js';
import type { OutcomeRules } from '../../core/outcomes.js';
import type { ApiFacts } from '../../internal/api-facts.js';

type Table = typeof v1 | typeof v2 | typeof affiliate;

/** The name of an API the fake serves, as its operation table gives it. */
export type ApiName = Table['API']['name'];

export interface Operation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly statuses: readonly number[];
  readonly media: Readonly<Record<string, readonly string[] | undefined>>;
  readonly kind: string;
  readonly page?: string;
  /** The operation's own base URL, when it is not the API's (`/api/admin/v1` for custom referral statuses). */
  readonly server?: string;
}

export interface FakeApi {
  readonly name: ApiName;
  /** The path of the API's base URL, e.g. `/api/v2`: the fake serves each API under its real path. */
  readonly basePath: string;
  readonly encoding: ApiFacts['encoding'];
  readonly credentials: ApiFacts['credentials'];
  /**
   * The credential that is a session's access token rather than a fixed key (the Affiliate API's
   * `accessToken`, valid while the promoter's dashboard session lasts): checked against the fake's
   * live sessions, and it tells the handlers which promoter is calling.
   */
  readonly session?: string;
  readonly maxPerPage: number | undefined;
  readonly operations: readonly Operation[];
  /** `METHOD /path` → the tracking outcomes of its statuses (`x-outcomes`), as the client reads them. */
  readonly outcomes: Readonly<Record<string, OutcomeRules>>;
}

/** The path of a base URL, without a trailing slash: `https://api.firstpromoter.com/api/v2/` → `/api/v2`. */
const pathOf = (url: string) => new URL(url).pathname.replace(/\/$/, '');

function fakeApi(table: Table, session?: string): FakeApi {
  const { API } = table;
  return {
    name: API.name,
    ...(session ? { session } : {}),
    basePath: pathOf(API.baseUrl),
    encoding: API.encoding,
    credentials: API.credentials,
    maxPerPage: 'maxPerPage' in API.paging ? API.paging.maxPerPage : undefined,
    operations: table.OPERATIONS,
    outcomes: table.OUTCOMES,
  };
}

/**
 * Every API the fake serves. Adding one: import its generated table here, add it to this list (naming
 * the credential that is a session token, if one is), and give its operations handlers (handlers.ts);
 * operations without one answer 501, lists an empty page. Its credentials become options named by
 * `credentialName`.
 */
export const FAKE_APIS: readonly FakeApi[] = [fakeApi(v2), fakeApi(v1), fakeApi(affiliate, 'accessToken')];

/**
 * The base paths `api` is served under, its own first: operations with a base URL of their own add
 * theirs (`/api/admin/v1`), which is where the client sends them when its `baseUrl` ends in the API's path.
 */
function basePathsOf(api: FakeApi): string[] {
  return [...new Set([api.basePath, ...api.operations.flatMap((op) => (op.server ? [pathOf(op.server)] : []))])];
}

/**
 * Every base path served, with its API, longest first, so that the first one a URL's path is under is
 * its API's: `/api/v2/affiliate/...` is the Affiliate API's, not v2's. The fake and the contract mock route by it.
 */
export const SERVED: ReadonlyArray<{ readonly basePath: string; readonly api: FakeApi }> = FAKE_APIS
  .flatMap((api) => basePathsOf(api).map((basePath) => ({ basePath, api })))
  .sort((a, b) => b.basePath.length - a.basePath.length);

/** The URLs a server on `origin` serves each API under: what to pass as `baseUrl` to each client. */
export function baseUrlsAt(origin: string): { v2BaseUrl: string; v1BaseUrl: string; affiliateBaseUrl: string } {
  const at = (name: ApiName) => `${origin}${FAKE_APIS.find((api) => api.name === name)!.basePath}`;
  return { v2BaseUrl: at('v2'), v1BaseUrl: at('v1'), affiliateBaseUrl: at('affiliate') };
}

/** The base path `operation` of `api` is served under. */
export const basePathOf = (api: FakeApi, operation: Operation): string => (operation.server ? pathOf(operation.server) : api.basePath);

/**
 * The name a credential goes by in the fake's options: the root API's (v2) keep the client's option
 * names (`apiKey`, `accountId`), the others carry their API's name (`v1ApiKey`).
 */
export function credentialName(api: FakeApi, option: string): string {
  return api.name === 'v2' ? option : `${api.name}${option[0]!.toUpperCase()}${option.slice(1)}`;
}
