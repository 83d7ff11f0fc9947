// A small stateful HTTP server on 127.0.0.1 for what Prism cannot model: lists that really page
// (exact page sizes from `page`/`per_page`), servers that ignore `page`, errors on a given page, and
// batch processes whose status moves on between polls. It records every request target as sent.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { createFirstPromoter } from '../../src/index.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { CANARY } from './canary.js';

export interface Reply {
  status?: number;
  /** Sent as JSON; leave out for an empty body. */
  body?: unknown;
}

export interface Call {
  method: string;
  /** Path and query exactly as received, e.g. `/company/promoters?filters[state]=accepted&page=1&per_page=100`. */
  target: string;
  query: URLSearchParams;
  /** The request's abort, as seen by the server: resolves if the client goes away before the reply. */
  closed: Promise<void>;
}

/** Answers one request; may wait (e.g. on `call.closed`) before replying. */
export type Route = (call: Call) => Reply | Promise<Reply>;

export interface ListServer {
  /** Base URL to give the client as `baseUrl`. */
  url: string;
  /** Every request target received, in order. */
  targets: string[];
  close(): Promise<void>;
}

/** Starts a server on a free loopback port; paths without a route answer 404. */
export async function startListServer(routes: Record<string, Route>): Promise<ListServer> {
  const targets: string[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    const target = request.url ?? '/';
    targets.push(target);
    const url = new URL(target, 'http://127.0.0.1');
    const route = routes[url.pathname];
    const closed = new Promise<void>((resolve) => response.on('close', () => resolve()));
    const reply: Reply = route
      ? await route({ method: request.method ?? 'GET', target, query: url.searchParams, closed })
      : { status: 404, body: { message: 'Record not found', code: 'not_found' } };
    if (response.destroyed) return;
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status ?? 200, text ? { 'content-type': 'application/json' } : {});
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/** Starts a server for the running test and closes it when the test finishes, passed or failed. */
export async function serveRoutes(routes: Record<string, Route>): Promise<ListServer> {
  // Registered before the await, so it is tied to the test that asked for the server.
  let server: ListServer | undefined;
  onTestFinished(() => server?.close());
  server = await startListServer(routes);
  return server;
}

export interface PagedOptions {
  /** Wrap each page as `{ data, meta }` (the promoters list). */
  meta?: unknown;
  /** Answer page 1 whatever `page` says, like a server that does not page this list. */
  ignorePage?: boolean;
  /** Answer this page with an error instead of rows. */
  failOn?: { page: number; status: number; body?: unknown };
}

/** A list of `rows` cut into pages by the `page` and `per_page` of each request (defaults 1 and 20). */
export function pagedRoute(rows: readonly unknown[], options: PagedOptions = {}): Route {
  return ({ query }) => {
    const page = options.ignorePage ? 1 : Number(query.get('page') ?? 1);
    const perPage = Number(query.get('per_page') ?? 20);
    if (options.failOn?.page === page) return { status: options.failOn.status, body: options.failOn.body };
    const slice = rows.slice((page - 1) * perPage, page * perPage);
    return { body: options.meta === undefined ? slice : { data: slice, meta: options.meta } };
  };
}

/**
 * A batch process that shows each of `statuses` in turn, one per poll, then stays on the last;
 * `final` adds fields (e.g. `processing_errors`) once the last status is reached.
 */
export function batchRoute(id: number, statuses: readonly string[], final: Record<string, unknown> = {}): Route & { polls: () => number } {
  let polls = 0;
  const route = () => {
    const last = polls >= statuses.length - 1;
    const status = statuses[Math.min(polls, statuses.length - 1)];
    polls++;
    const progress = last ? 100 : Math.round((100 * (polls - 1)) / statuses.length);
    return { body: { id, status, total: 12, progress, processing_errors: [], ...(last ? final : {}) } };
  };
  return Object.assign(route, { polls: () => polls });
}

/** `count` rows with ids 1..count and a name, enough for the paging checks. */
export function rowsWithIds(count: number): Array<{ id: number; email: string }> {
  return Array.from({ length: count }, (_, index) => ({ id: index + 1, email: `promoter${index + 1}@example.com` }));
}

/** The real v2 client pointed at a local server, without retries so every answer shows at once. */
export function localV2Client(server: ListServer) {
  return createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: server.url, maxRetries: 0 });
}

/** The real v1 client pointed at a local server, without retries. */
export function localV1Client(server: ListServer) {
  return createFirstPromoterV1({ apiKey: CANARY.v1ApiKey, baseUrl: server.url, maxRetries: 0 });
}
