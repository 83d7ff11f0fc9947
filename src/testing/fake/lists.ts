// Lists as FirstPromoter serves them: `q` search, `ids[]`, `filters[...]` and `sorting[...]` in bracket
// form, then real paging by `page` and `per_page` (default 20, capped at the API's maximum). A filter
// or sort key the fake does not model is answered 501 naming it, so a test never passes on a filter
// that was silently ignored.
import type { Answer } from './answers.js';
import type { Context, Handler } from './context.js';
import { isParams, type ParamValue } from './query.js';

/** A rendered row as the API returns it, read by the filters. */
export type Row = Record<string, unknown>;
/** Whether `row` passes the filter's `value`; `ctx` for what the rendered row does not show. */
export type Filter = (row: Row, value: ParamValue, ctx: Context) => boolean;

export interface ListSpec {
  /** Every row, rendered, in the API's default order. */
  rows: (ctx: Context) => Row[];
  /** `filters[name]` (v2), or top-level parameters (v1 lists filter that way). */
  filters?: Readonly<Record<string, Filter>>;
  /** Top-level parameters the fake accepts and ignores (they change no row, e.g. report columns). */
  ignored?: readonly string[];
  /** Fields `q` searches, case-insensitively. */
  search?: (row: Row) => ReadonlyArray<unknown>;
  sorts?: Readonly<Record<string, (row: Row) => number | string>>;
  /** Wraps a page as `{ data, meta }` (v2 promoters); the meta is of the whole list. */
  meta?: (ctx: Context) => Record<string, unknown>;
  /** Filters are top-level parameters (v1) rather than `filters[...]` (v2). */
  topLevelFilters?: boolean;
}

const DEFAULT_PER_PAGE = 20;
const PAGING = new Set(['page', 'per_page']);

/** The handler of a list operation the fake keeps records for. */
export const listOf = (spec: ListSpec): Handler => (ctx) => listAnswer(ctx, spec);

function listAnswer(ctx: Context, spec: ListSpec): Answer {
  let rows = spec.rows(ctx);
  const { q, ids, filters, sorting, ...rest } = ctx.query;
  const topLevel = Object.fromEntries(Object.entries(rest).filter(([name]) => !PAGING.has(name) && !spec.ignored?.includes(name)));
  const filterValues = spec.topLevelFilters ? topLevel : isParams(filters) ? filters : {};
  const unmodelled = spec.topLevelFilters
    ? Object.keys(topLevel).filter((name) => !spec.filters?.[name])
    : [...Object.keys(topLevel), ...Object.keys(filterValues).filter((name) => !spec.filters?.[name]).map((name) => `filters[${name}]`)];
  if (q !== undefined && q !== '' && !spec.search) unmodelled.push('q');
  if (unmodelled.length > 0) return notModelled(ctx, unmodelled);
  for (const [name, value] of Object.entries(filterValues)) rows = rows.filter((row) => spec.filters![name]!(row, value, ctx));
  if (typeof q === 'string' && q !== '') rows = rows.filter((row) => spec.search!(row).some((field) => typeof field === 'string' && field.toLowerCase().includes(q.toLowerCase())));
  if (Array.isArray(ids)) rows = rows.filter((row) => ids.includes(String(row.id)));
  if (isParams(sorting)) {
    const keys = Object.keys(sorting).filter((key) => !spec.sorts?.[key]);
    if (keys.length > 0) return notModelled(ctx, keys.map((key) => `sorting[${key}]`));
    for (const [key, direction] of Object.entries(sorting).reverse()) rows = stableSort(rows, spec.sorts![key]!, direction === 'desc');
  }
  const perPage = Math.min(positive(ctx.query.per_page) ?? DEFAULT_PER_PAGE, ctx.api.maxPerPage ?? Infinity);
  const page = ctx.ignorePage ? 1 : positive(ctx.query.page) ?? 1;
  const data = rows.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body: spec.meta ? { data, meta: spec.meta(ctx) } : data };
}

/** A list the fake keeps no records for: the empty list a fresh account has, in the list's shape. */
export function emptyList(ctx: Context): Answer {
  return { status: 200, body: ctx.operation.page === 'envelope' ? { data: [], meta: {} } : [] };
}

export function notModelled(ctx: Context, what: readonly string[]): Answer {
  return { status: 501, body: { message: `The fake FirstPromoter does not model ${what.join(', ')} of ${ctx.operation.id} (${ctx.operation.method} ${ctx.operation.path}); startContractMock() checks such requests against the spec.`, code: 'not_modelled' } };
}

function positive(value: ParamValue | undefined): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return n !== undefined && n >= 1 ? n : undefined;
}

function stableSort(rows: Row[], key: (row: Row) => number | string, descending: boolean): Row[] {
  return rows.map((row, index) => ({ row, index, value: key(row) }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.index - b.index) * (descending && a.value !== b.value ? -1 : 1))
    .map(({ row }) => row);
}

// Filter builders over a field of the rendered row.
export const field = (name: string) => (row: Row): unknown => row[name];
const values = (value: ParamValue): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

export const equals = (field: (row: Row) => unknown): Filter => (row, value) => values(value).includes(String(field(row)));
export const anyOf = (field: (row: Row) => readonly unknown[]): Filter => (row, value) => field(row).some((item) => values(value).includes(String(item)));
export const yesNo = (field: (row: Row) => boolean): Filter => (row, value) => field(row) === (value === 'yes' || value === 'true');

/** `{from, to}`, inclusive, of numbers or of dates (`YYYY-MM-DD` compared with the date part). */
export const range = (field: (row: Row) => unknown): Filter => (row, value) => {
  if (!isParams(value)) return false;
  const actual = field(row);
  if (actual === null || actual === undefined) return false;
  const compare = (bound: ParamValue | undefined, sign: 1 | -1) => {
    if (typeof bound !== 'string') return true;
    if (typeof actual === 'number') return sign * (actual - Number(bound)) >= 0;
    return sign * String(actual).slice(0, bound.length).localeCompare(bound) >= 0;
  };
  return compare(value.from, 1) && compare(value.to, -1);
};
