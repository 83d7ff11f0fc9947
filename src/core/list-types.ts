// Type-level view of the list operations, read from the generated `paths` of either API: which paths
// are lists, what their query and path parameters are, and what one row looks like. Nothing here
// exists at runtime.
import type { Client } from 'openapi-fetch';
import type { RequestOptions } from './request-options.js';

declare const PATHS: unique symbol;

/**
 * A type-only mark on our clients' `api` naming the API's `paths` (no such property exists at run
 * time). The helpers infer `Paths` from it: inferring it from openapi-fetch's `Client<Paths>` itself
 * made TypeScript compare every method signature of the client, some 150,000 type instantiations for
 * the first `paginate()` call (scripts/type-cost.mjs measures it).
 */
export interface PathsOf<Paths> {
  readonly [PATHS]?: Paths;
}

/** The typed client of every operation (openapi-fetch), marked with its API's paths. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type TypedApi<Paths extends {}> = Client<Paths> & PathsOf<Paths>;

/** The typed `api` of a client, or the client itself (`{ api }`): every helper takes either. */
export type ApiOrClient<Paths> = PathsOf<Paths> | { readonly api: PathsOf<Paths> };

/** The same for helpers of one API, which call its `api` (nothing to infer, so the whole client type). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type TypedApiOrClient<Paths extends {}> = TypedApi<Paths> | { readonly api: TypedApi<Paths> };

/** The typed API of what a helper was given: a client's `api`, or the API itself. */
export function apiOf<Api>(client: Api | { readonly api: Api }): Api {
  return typeof client === 'object' && client !== null && 'api' in client ? client.api : client;
}

type GetOperation<Paths, P extends keyof Paths> = Paths[P] extends { get: infer Op } ? Op : never;
type ParametersOf<Op> = Op extends { parameters: infer Params } ? Params : never;
type QueryOf<Op> = ParametersOf<Op> extends { query?: infer Query } ? NonNullable<Query> : never;
type PathParamsOf<Op> = ParametersOf<Op> extends { path: infer PathParams } ? PathParams : never;

/** The parsed 200 body of a list: a bare array, or `{ data: [...], meta }` for the wrapped lists. */
export type ListBody<Op> = Op extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

type RowOf<Body> = Body extends readonly (infer Row)[]
  ? Row
  : Body extends { data?: infer Data } ? (NonNullable<Data> extends readonly (infer Row)[] ? Row : never) : never;

/** Paths whose GET takes `page` and answers with rows: the operations the helpers can walk. */
export type ListPath<Paths> = {
  [P in keyof Paths]-?: [QueryOf<GetOperation<Paths, P>>] extends [never]
    ? never
    : 'page' extends keyof QueryOf<GetOperation<Paths, P>>
      ? [RowOf<ListBody<GetOperation<Paths, P>>>] extends [never] ? never : P
      : never;
}[keyof Paths];

/** One row of the list at `P`, e.g. a promoter of `/company/promoters`. */
export type ListItem<Paths, P extends keyof Paths> = RowOf<ListBody<GetOperation<Paths, P>>>;

/** The whole parsed body of one page at `P`, envelope included. */
export type ListPageBody<Paths, P extends keyof Paths> = ListBody<GetOperation<Paths, P>>;

/**
 * The per-call options (`signal`, `maxRetries`, `timeoutMs`) apply to every page request; a signal
 * stops the walk (the request in flight and every later one reject with AbortError).
 */
interface CommonListOptions<Query> extends RequestOptions {
  /**
   * The list's query parameters as the spec names them (`filters`, `sorting`, `q`...). `page` is the
   * first page to fetch (default 1); `per_page` the page size (default and upper bound 100 on v2, its
   * documented maximum; default 20 on v1, whose limits are undocumented). Required when the list has
   * a required parameter (`filters[promoter_id]` of `/company/payout_methods`).
   */
  query?: Query | undefined;
}

/** Whether a list must be given options: it has path parameters, or a required query parameter. */
type NeedsOptions<Op> = [PathParamsOf<Op>] extends [never] ? ({} extends QueryOf<Op> ? false : true) : true;

/** Options of a list: its query, its path parameters when the path has any, and a signal. */
export type ListOptions<Paths, P extends keyof Paths> = CommonListOptions<QueryOf<GetOperation<Paths, P>>> &
  ({} extends QueryOf<GetOperation<Paths, P>> ? unknown : { query: QueryOf<GetOperation<Paths, P>> }) &
  ([PathParamsOf<GetOperation<Paths, P>>] extends [never]
    ? { path?: never }
    : { path: PathParamsOf<GetOperation<Paths, P>> });

/** The options argument: optional unless the path has parameters (`{webhook_id}`) or a required query parameter. */
export type ListOptionsArg<Paths, P extends keyof Paths> = NeedsOptions<GetOperation<Paths, P>> extends true
  ? [options: ListOptions<Paths, P>]
  : [options?: ListOptions<Paths, P>];
