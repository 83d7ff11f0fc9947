// Walks the list operations of v1 and v2 a page at a time, typed from the generated `paths`:
//   for await (const promoter of paginate(client.api, '/company/promoters', { query: { filters: { state: 'accepted' } } }))
// Standalone functions rather than client methods, so code that only tracks never bundles them.
//
// How the walk ends: neither API returns a total or a next-page link we can rely on (v1 says its
// paging details are in response headers, but no source names them, so we read none). The helpers
// send page=1,2,… with per_page and stop after a page with fewer rows than per_page, or an empty one.
// A server that ignored `page` would answer page 1 forever; two pages in a row with the same rows
// end the walk with a PaginationError instead. Page sizes and page shapes come from the operation
// table of the client's API.
import { FirstPromoterError, ValidationError } from './errors.js';
import { brand } from '../internal/brand.js';
import { apiOf, type ApiOrClient, type ListItem, type ListOptionsArg, type ListPageBody, type ListPath } from './list-types.js';
import { callOptions } from './request-options.js';
import { errorFrom, type ApiResult } from './unwrap.js';
import { factsOf } from '../internal/api-facts.js';
import { isLastPage, pageFingerprint, rowsOf } from '../internal/page-rules.js';

/** One page of a list, as `pages()` yields it. */
export interface Page<Item, Body> {
  /** The rows of this page (unwrapped from `data` for the `{data, meta}` lists). */
  items: Item[];
  /** The page number sent as `page`. */
  page: number;
  /** The `per_page` sent. */
  perPage: number;
  /** The parsed body as received, envelope and `meta` included. */
  data: Body;
  /** The HTTP response (headers included). */
  response: Response;
}

/** The walk cannot go on safely: the server repeated a page, or answered something that is not a list. */
export class PaginationError extends FirstPromoterError {
  override name = 'PaginationError';
  static { brand(this, 'PaginationError'); }
  /** Path template of the list, e.g. `/company/promoters`. */
  readonly path: string;
  /** The page whose answer stopped the walk. */
  readonly page: number;
  constructor(path: string, page: number, message: string) {
    super(message);
    this.path = path;
    this.page = page;
  }
}

type LooseGet = (path: string, init: object) => Promise<ApiResult>;

/**
 * Yields each page of the list at `path`, requested one after the other. The first page is always
 * yielded, even empty (its `data` may hold `meta`); a later empty page only confirms the end.
 * Errors of any page reject the iteration with the typed error (APIError subclasses, AbortError...).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export async function* pages<Paths extends {}, P extends ListPath<Paths>>(
  client: ApiOrClient<Paths>,
  path: P,
  ...[options]: ListOptionsArg<Paths, P>
): AsyncGenerator<Page<ListItem<Paths, P>, ListPageBody<Paths, P>>, void, undefined> {
  const template = String(path);
  const { query = {}, path: pathParams, ...perRequest } = (options ?? {}) as { query?: Record<string, unknown>; path?: object };
  // The generic path and options are checked at the call site; inside, the call is made untyped.
  const api = apiOf(client) as unknown as { GET: LooseGet };
  const facts = factsOf(api);
  const shape = facts?.lists?.[template];
  if (!facts || !shape) {
    throw new ValidationError('path', `GET ${template} is not a list of ${facts ? `the ${facts.name} API` : 'this client'}: ` +
      'paginate and pages take the typed client (or its `api`) of a full entry and one of its list paths.');
  }
  // Checked now, so a bad value is a ValidationError before the first page is requested.
  const perCall = callOptions(perRequest);
  const maxPerPage = facts.paging.maxPerPage ?? Number.MAX_SAFE_INTEGER;
  const perPage = positiveInteger('query.per_page', query.per_page ?? facts.paging.defaultPerPage, maxPerPage);
  let page = positiveInteger('query.page', query.page ?? 1);
  let previous: string | undefined;

  for (let first = true; ; first = false, page++) {
    const result = await api.GET(template, { params: { query: { ...query, page, per_page: perPage }, path: pathParams }, ...perCall });
    if (!result.response.ok) throw errorFrom(result);
    const rows = rowsOf(result.data, shape);
    if (!rows) {
      throw new PaginationError(template, page,
        `GET ${template} answered page ${page} with something that is not a list of rows; stopping the walk.`);
    }
    if (rows.length === 0 && !first) return;
    const fingerprint = pageFingerprint(rows);
    if (rows.length > 0 && fingerprint === previous) {
      throw new PaginationError(template, page,
        `GET ${template} answered page ${page} with the same rows as page ${page - 1}: the server seems to ignore \`page\`. ` +
        'Stopping here rather than reading the same page forever.');
    }
    previous = fingerprint;
    yield { items: rows as ListItem<Paths, P>[], page, perPage, data: result.data as ListPageBody<Paths, P>, response: result.response };
    if (isLastPage(rows, perPage)) return;
  }
}

/** Yields every row of the list at `path`, fetching the next page only when the previous one is used up. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export async function* paginate<Paths extends {}, P extends ListPath<Paths>>(
  client: ApiOrClient<Paths>,
  path: P,
  ...options: ListOptionsArg<Paths, P>
): AsyncGenerator<ListItem<Paths, P>, void, undefined> {
  for await (const page of pages(client, path, ...options)) yield* page.items;
}

/**
 * The first `limit` items of an async iterable (e.g. `paginate(...)`), as an array. The limit is
 * required so a list that grew large cannot fill memory unnoticed; pages past it are never fetched.
 */
export async function toArray<T>(items: AsyncIterable<T>, options: { limit: number }): Promise<T[]> {
  const limit = positiveInteger('limit', options?.limit);
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

function positiveInteger(field: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? 'of 1 or more' : `from 1 to ${max}`;
  throw new ValidationError(field, `${field} must be a whole number ${range}, got ${String(value)}.`);
}
