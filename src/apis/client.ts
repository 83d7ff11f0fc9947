// One factory for the typed client of any API of the registry, driven by the API's generated facts:
// credentials from the options or the environment into the headers the spec names, our transport as
// openapi-fetch's fetch, the light request class, our serializers (checked path segments, bracket
// queries and form bodies, JSON from plain data), checks on every call (call-guard.ts), and a
// middleware that hands the path template to the transport so logs and errors never carry ids.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { requireCredential, resolveSettings, type ClientOptions, type ResolvedSettings } from '../core/options.js';
import { attachFacts, type ApiFacts } from '../internal/api-facts.js';
import { LiteRequest } from '../transport/lite-request.js';
import { createTransport } from '../transport/transport.js';
import { guardCalls } from './call-guard.js';
import { encodeQuery, fillPath, jsonBodySerializer } from './serializers.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApiClient<Paths extends {}> {
  api: Client<Paths>;
  settings: ResolvedSettings;
}

/** What a full entry's factory returns: the typed client of every operation, and tracking. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrackingClient<Paths extends {}, Tracking> {
  /** Typed client (openapi-fetch) for every operation of the API's spec: `api.GET(path, { params })`. */
  readonly api: Client<Paths>;
  /** Server-side tracking with outcomes for FirstPromoter's special answers. */
  readonly track: Tracking;
}

/** A frozen `{ api, track }` for `facts`, with the tracking methods `tracking` builds on its api. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function createTrackingClient<Paths extends {}, Tracking>(
  facts: ApiFacts,
  options: ClientOptions,
  tracking: (api: Client<Paths>, minorUnits: ResolvedSettings['minorUnits']) => Tracking,
): TrackingClient<Paths, Tracking> {
  const { api, settings } = createApiClient<Paths>(facts, options);
  return Object.freeze({ api, track: tracking(api, settings.minorUnits) });
}

/**
 * The checked settings and typed client for `facts` (an API's `API` constant, plus `LISTS` for
 * clients that page). Credentials stay in this closure, inside the headers openapi-fetch keeps:
 * never a property of anything returned.
 */
// openapi-typescript's `paths` interfaces have no index signature, hence the loose constraint.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function createApiClient<Paths extends {}>(facts: ApiFacts, options: ClientOptions): ApiClient<Paths> {
  const given = options as Record<string, unknown>;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The client's own credentials: scrubbed literally from anything kept of a response (errors, outcomes).
  const secrets = new Set<string>();
  for (const credential of facts.credentials) {
    const value = requireCredential(credential.option, given[credential.option], credential.env, credential.label);
    secrets.add(value);
    headers[credential.header] = credential.prefix + value;
  }
  const settings = resolveSettings(options, facts.baseUrl);
  const form = facts.encoding === 'form';
  const api = guardCalls(createClient<Paths>({
    baseUrl: settings.baseUrl,
    headers: form ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } : headers,
    fetch: createTransport({ ...settings, secrets }) as unknown as typeof fetch,
    Request: LiteRequest as unknown as typeof Request,
    pathSerializer: fillPath,
    querySerializer: encodeQuery,
    bodySerializer: form ? encodeQuery : jsonBodySerializer,
  }));
  api.use(form ? formMiddleware : pathMiddleware);
  attachFacts(api, facts);
  return { api, settings };
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
