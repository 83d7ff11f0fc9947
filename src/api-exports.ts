// What the full clients (root and `/v1`) add for raw `client.api` calls: unwrap, per-call options,
// pagination and the money helpers.
export * from './core/money.js';
export { unwrap } from './core/unwrap.js';
export { callOptions, type CallOptions } from './internal/lite-request.js';
export { paginate, pages, toArray, PaginationError, type Page } from './core/pagination.js';
export type { ApiOrClient, ListPath, ListItem, ListOptions } from './core/list-types.js';
