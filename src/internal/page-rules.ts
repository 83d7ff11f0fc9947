// The decisions of the pagination helpers, kept apart from any I/O so they can be tested alone.
// Neither API tells us how many pages there are: v2 lists carry no total or next link, and v1 says
// its paging details travel in response headers that no source names. So the helpers ask for
// page=1,2,… and judge each page by its rows alone.

/** v2 documents `per_page` up to 100: the default (fewest requests for a full walk) and the limit. */
export const V2_PER_PAGE = 100;

/**
 * v1 documents no default and no maximum for `per_page`; FirstPromoter's own integrations send 20 to
 * 25. A server cap below what we ask would make a full page look short and end the walk early, so
 * the default stays at the smallest value known to be honoured.
 */
export const V1_PER_PAGE = 20;

/** Every v2 list lives under `/company/`; no v1 path does. */
export function defaultPerPage(path: string): number {
  return isV2(path) ? V2_PER_PAGE : V1_PER_PAGE;
}

/**
 * The largest `per_page` worth sending: above it a server that caps the page would make the first
 * full page look short and end the walk with rows missing. v1 states no maximum.
 */
export function maxPerPage(path: string): number {
  return isV2(path) ? V2_PER_PAGE : Number.MAX_SAFE_INTEGER;
}

function isV2(path: string): boolean {
  return path.startsWith('/company/');
}

/**
 * The rows of one page: the body itself when it is an array, or its `data` array for the wrapped
 * lists (`/company/promoters`, `/company/payouts/group_by_promoters`). Undefined for any other shape.
 */
export function rowsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === 'object' && 'data' in body && Array.isArray(body.data)) return body.data;
  return undefined;
}

/** Fewer rows than asked for (an empty page included) means there is nothing after this page. */
export function isLastPage(rows: readonly unknown[], perPage: number): boolean {
  return rows.length < perPage;
}

/**
 * What identifies a page for the repeated-page guard: the row ids, or the whole row as JSON for rows
 * without an id (report rows, payout groups). A server that ignores `page` answers the same
 * fingerprint twice in a row.
 */
export function pageFingerprint(rows: readonly unknown[]): string {
  return JSON.stringify(rows.map((row) => {
    const id = row !== null && typeof row === 'object' && 'id' in row ? row.id : undefined;
    return typeof id === 'number' || typeof id === 'string' ? { id } : row;
  }));
}
