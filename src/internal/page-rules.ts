// The decisions of the pagination helpers, kept apart from any I/O so they can be tested alone.
// Neither API tells us how many pages there are: v2 lists carry no total or next link, and v1 says
// its paging details travel in response headers that no source names. So the helpers ask for
// page=1,2,… and judge each page by its rows alone. Page sizes and page shapes come from the
// operation table of the client's API (generated/<api>.operations.ts), not from the path.
import type { PageShape } from './api-facts.js';

/**
 * The rows of one page: the body itself for a bare-array list, its `data` array for a
 * `{ data, meta }` list. Undefined when the body does not have the shape the table gives.
 */
export function rowsOf(body: unknown, shape: PageShape): unknown[] | undefined {
  if (shape === 'array') return Array.isArray(body) ? body : undefined;
  return body !== null && typeof body === 'object' && 'data' in body && Array.isArray(body.data) ? body.data : undefined;
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
