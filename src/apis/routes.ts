// The operations of a spec that leave the API's defaults (generated `ROUTES`): some live under another
// base URL (custom referral statuses on /api/admin/v1, the embedded-dashboard sign-in on
// v2.firstpromoter.com), some answer CSV or PDF. openapi-fetch knows one baseUrl and parses every
// answer as JSON unless told otherwise per call, so full entries wrap their typed client: for these
// operations alone each call gets its base URL, an Accept header listing what it can answer, and a
// body read by the answer's Content-Type. A caller's own `baseUrl`, `headers.Accept` or `parseAs` wins.
import type { Client } from 'openapi-fetch';
import type { ApiFacts, Route } from '../internal/api-facts.js';

type Init = { baseUrl?: string; headers?: unknown; parseAs?: string } & Record<string, unknown>;
type Result = { data?: unknown; error?: unknown; response: Response };
type Call = (path: string, init?: Init) => Promise<Result>;

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'] as const;

/**
 * Where an operation with its own `server` is sent, for a client whose base URL is `configured`:
 * - the API's default base (no `baseUrl` option): the operation's server as the spec states it;
 * - a `baseUrl` ending in the API's base path (`https://proxy.example/fp/api/v2`): that path is
 *   swapped for the operation's (`https://proxy.example/fp/api/admin/v1`), on the configured host;
 * - any other `baseUrl` (a mock of the bundled spec, which serves every path at its root): as is.
 */
export function operationBase(server: string, apiBase: string, configured: string): string {
  if (configured === apiBase) return server;
  const apiPath = new URL(apiBase).pathname.replace(/\/+$/, '');
  if (apiPath === '' || !configured.endsWith(apiPath)) return configured;
  return configured.slice(0, configured.length - apiPath.length) + new URL(server).pathname.replace(/\/+$/, '');
}

/** The body of a successful answer as its Content-Type says: JSON → value, text (CSV, HTML) → string, else → Blob. */
export function readAnswer(response: Response): Promise<unknown> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return response.json();
  if (type.startsWith('text/')) return response.text();
  return response.blob();
}

/** `api` with the routes of `facts` applied; the same client when the API has none. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function withRoutes<Paths extends {}>(api: Client<Paths>, facts: ApiFacts, configuredBase: string): Client<Paths> {
  const plans = new Map<string, Route>();
  for (const [key, route] of Object.entries(facts.routes ?? {})) {
    plans.set(key, route.server ? { ...route, server: operationBase(route.server, facts.baseUrl, configuredBase) } : route);
  }
  if (plans.size === 0) return api;
  const loose = api as unknown as Record<string, Call>;
  const send = (method: string, path: string, init?: Init): Promise<Result> => {
    const plan = plans.get(`${method} ${path}`);
    return plan ? routedCall(loose[method]!, path, plan, init) : loose[method]!(path, init);
  };
  const wrapped: Record<string, unknown> = { ...api, request: (method: string, path: string, init?: Init) => send(method.toUpperCase(), path, init) };
  for (const method of METHODS) wrapped[method] = (path: string, init?: Init) => send(method, path, init);
  return wrapped as unknown as Client<Paths>;
}

async function routedCall(call: Call, path: string, plan: Route, init: Init = {}): Promise<Result> {
  const merged: Init = { ...init };
  if (plan.server && init.baseUrl === undefined) merged.baseUrl = plan.server;
  const byType = plan.accept !== undefined && init.parseAs === undefined;
  if (plan.accept) merged.headers = withAccept(plan.accept, init.headers);
  // 'stream' makes openapi-fetch leave the body unread; it is read below, by its Content-Type.
  if (byType) merged.parseAs = 'stream';
  const result = await call(path, merged);
  if (!byType || !result.response.ok || result.data === undefined) return result;
  return { ...result, data: await readAnswer(result.response) };
}

/** The caller's headers, with `accept` added unless they name an Accept of their own. */
function withAccept(accept: string, given: unknown): unknown {
  if (given === undefined || given === null) return { Accept: accept };
  if (given instanceof Headers || Array.isArray(given)) {
    const headers = new Headers(given as HeadersInit);
    if (!headers.has('accept')) headers.set('accept', accept);
    return headers;
  }
  const names = Object.keys(given as object).map((name) => name.toLowerCase());
  return names.includes('accept') ? given : { Accept: accept, ...(given as object) };
}
