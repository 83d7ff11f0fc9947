// One factory for the typed client of any API of the registry, driven by the API's generated facts:
// the connection (settings, credential headers, secrets, adapter: connection.ts), our transport as
// openapi-fetch's fetch, the light request class, our serializers (checked path segments, bracket
// queries and form bodies, JSON from plain data), checks on every call (call-guard.ts), a middleware
// that hands the path template to the transport so logs and errors never carry ids, and (for APIs
// whose facts list them) download operations read by their answers' content types.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { TypedApi } from '../core/list-types.js';
import type { ClientOptions, ResolvedSettings } from '../core/options.js';
import { attachFacts, type ApiFacts } from '../internal/api-facts.js';
import { LiteRequest } from '../transport/lite-request.js';
import { createTransport } from '../transport/transport.js';
import { guardCalls } from './call-guard.js';
import { connect, type Connection } from './connection.js';
import { readDownloadsByType } from './downloads.js';
import { createRawRequest, type RawRequest } from './raw-request.js';
import { encodeQuery, fillPath, jsonBodySerializer } from './serializers.js';
import { withServers } from './servers.js';
import { createTrackingSender, type BodyEncoding, type TrackingSender } from './tracking.js';

/** The typed client, and the connection's secrets a client that obtains more at run time adds to. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApiClient<Paths extends {}> extends Pick<Connection, 'secrets'> {
  api: TypedApi<Paths>;
}

/** What a full entry's factory returns: the typed client of every operation, and tracking. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrackingClient<Paths extends {}, Tracking> {
  /** Typed client (openapi-fetch) for every operation of the API's spec: `api.GET(path, { params })`. */
  readonly api: TypedApi<Paths>;
  /** Server-side tracking with outcomes for FirstPromoter's special answers. */
  readonly track: Tracking;
  /**
   * An untyped call for a route the spec does not have yet (`request('GET', '/company/x/{id}', { path: { id } })`),
   * through the same transport; `data` is `unknown`. Prefer `api` for every route the spec knows.
   */
  readonly request: RawRequest;
}

/**
 * A frozen `{ api, track, request }` for `facts`, with the tracking methods `tracking` builds on a
 * sender of the same connection (tracking calls skip openapi-fetch: tracking.ts). The api sends the
 * operations of the facts' `servers` to their own base URL: see servers.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function createTrackingClient<Paths extends {}, Tracking>(
  facts: ApiFacts,
  options: ClientOptions,
  encoding: BodyEncoding,
  tracking: (sender: TrackingSender, minorUnits: ResolvedSettings['minorUnits']) => Tracking,
): TrackingClient<Paths, Tracking> {
  const connection = connect(facts, options);
  const client = typedClient<Paths>(facts, connection);
  const api = withServers(client.api, facts, connection.settings.baseUrl);
  attachFacts(api, facts);
  const track = tracking(createTrackingSender(connection, encoding), connection.settings.minorUnits);
  return Object.freeze({ api, track, request: createRawRequest(api) });
}

/**
 * The typed client for `facts` (an API's `API` constant, plus `LISTS` for clients that page), its
 * options checked. Credentials stay inside the headers openapi-fetch keeps and in `secrets`, which
 * the factories of the entry points keep to themselves: never a property of a public client.
 */
// openapi-typescript's `paths` interfaces have no index signature, hence the loose constraint.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function createApiClient<Paths extends {}>(facts: ApiFacts, options: ClientOptions): ApiClient<Paths> {
  return typedClient<Paths>(facts, connect(facts, options));
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
function typedClient<Paths extends {}>(facts: ApiFacts, { settings, headers, secrets, adapter, transport }: Connection): ApiClient<Paths> {
  const form = facts.encoding === 'form';
  const api = guardCalls(createClient<Paths>({
    baseUrl: settings.baseUrl,
    headers: form ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } : headers,
    fetch: createTransport(transport, adapter) as unknown as typeof fetch,
    Request: LiteRequest as unknown as typeof Request,
    pathSerializer: fillPath,
    querySerializer: encodeQuery,
    bodySerializer: form ? encodeQuery : jsonBodySerializer,
  }));
  api.use(form ? formMiddleware : pathMiddleware);
  if (facts.downloads) readDownloadsByType(api, facts.downloads);
  attachFacts(api, facts);
  return { api: api as TypedApi<Paths>, secrets };
}

const pathMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    (request as unknown as LiteRequest).schemaPath = schemaPath;
  },
};

const formMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    const lite = request as unknown as LiteRequest;
    lite.schemaPath = schemaPath;
    // The form Content-Type is a client default; a GET has no body to describe.
    if (lite.body === undefined || lite.body === null) lite.headers.delete('content-type');
  },
};
