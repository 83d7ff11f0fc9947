// Builds the typed openapi-fetch client both versions share: our transport as its fetch, the light
// request class, bracket query encoding, and a middleware that hands the path template to the
// transport so logs and errors never carry ids or query values.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { encodeBrackets } from '../internal/brackets.js';
import { LiteRequest } from '../internal/lite-request.js';
import { createTransport } from '../internal/transport.js';
import type { ResolvedSettings } from './options.js';

export type Encoding = 'json' | 'form';

// openapi-typescript's `paths` interfaces have no index signature, hence the loose constraint.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function createApi<Paths extends {}>(settings: ResolvedSettings, headers: Record<string, string>, encoding: Encoding): Client<Paths> {
  const transport = createTransport({
    fetch: settings.fetch,
    maxRetries: settings.maxRetries,
    timeoutMs: settings.timeoutMs,
    backoff: settings.backoff,
    rateLimiter: settings.rateLimiter,
    logger: settings.logger,
    retryNonIdempotent: settings.retryNonIdempotent,
  });
  const api = createClient<Paths>({
    baseUrl: settings.baseUrl,
    headers: encoding === 'form' ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } : headers,
    fetch: transport as unknown as typeof fetch,
    Request: LiteRequest as unknown as typeof Request,
    querySerializer: (query) => encodeBrackets(query as Record<string, unknown>),
    ...(encoding === 'form' ? { bodySerializer: (body: unknown) => encodeBrackets(body as Record<string, unknown>) } : {}),
  });
  api.use(encoding === 'form' ? formMiddleware : pathMiddleware);
  return api;
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
