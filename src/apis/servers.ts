// A few operations live under another base URL than their API's (generated `SERVERS`): custom referral
// statuses on /api/admin/v1, the embedded-dashboard sign-in on v2.firstpromoter.com. openapi-fetch
// knows one baseUrl, so full entries wrap their typed client: for these operations alone each call
// gets its own base URL (a caller's own `baseUrl` option wins); every other call goes straight through.
import type { Client } from 'openapi-fetch';
import type { ApiFacts } from '../internal/api-facts.js';
import { RAW_METHODS } from './raw-request.js';

type Init = { baseUrl?: string } & Record<string, unknown>;
type Call = (path: string, init?: Init) => Promise<unknown>;

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

/** `api` sending the operations of `facts.servers` to their base URL; the same client when there are none. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function withServers<Paths extends {}>(api: Client<Paths>, facts: ApiFacts, configuredBase: string): Client<Paths> {
  const bases = new Map(Object.entries(facts.servers ?? {}).map(([route, server]) => [route, operationBase(server, facts.baseUrl, configuredBase)]));
  if (bases.size === 0) return api;
  const loose = api as unknown as Record<string, Call>;
  const send = (method: string, path: string, init: Init = {}) => {
    const base = bases.get(`${method} ${path}`);
    return loose[method]!(path, base === undefined || init.baseUrl !== undefined ? init : { ...init, baseUrl: base });
  };
  const wrapped: Record<string, unknown> = { ...api, request: (method: string, path: string, init?: Init) => send(method.toUpperCase(), path, init) };
  for (const method of RAW_METHODS) wrapped[method] = (path: string, init?: Init) => send(method, path, init);
  return wrapped as unknown as Client<Paths>;
}
