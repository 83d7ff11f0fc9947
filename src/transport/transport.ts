// The fetch function handed to openapi-fetch: the attempt loop (./attempts.ts) behind the Request and
// Response shapes openapi-fetch works with. It takes our LiteRequest (or a real Request a middleware
// swapped in), reads its body once so every attempt sends the same bytes, and answers with a Response
// holding the bytes read, its method, path template and attempts recorded beside it.
import { CALL_OPTIONS } from '../core/request-options.js';
import { templateOf } from '../internal/path-template.js';
import { recordResponseInfo } from '../internal/response-info.js';
import { wireHeaders, type TransportAdapter } from './adapter.js';
import { defaultAdapter } from './adapters/runtime.js';
import { createCaller, type Answer, type TransportSettings } from './attempts.js';
import { bufferedResponse } from './buffered-response.js';
import { LiteRequest, toLiteRequest, wireBody } from './lite-request.js';

export type { TransportSettings } from './attempts.js';

export type Transport = (input: LiteRequest | Request) => Promise<Response>;

export function createTransport(settings: TransportSettings, adapter: TransportAdapter = defaultAdapter(settings.fetch)): Transport {
  const call = createCaller(settings, adapter);
  const { secrets } = settings;

  return async function send(input) {
    const request = input instanceof LiteRequest ? input : await toLiteRequest(input);
    const { method } = request;
    const rawBody = request.body;
    const body = typeof rawBody === 'string' || rawBody == null ? rawBody ?? undefined : await wireBody(rawBody, request.headers);
    const path = request.schemaPath ?? guessTemplate(request.url);
    const answer = await call({
      method, url: request.url, path, headers: wireHeaders(request.headers), body,
      signal: request.signal, options: request.init[CALL_OPTIONS], init: request.init,
    });
    const response = toResponse(answer, method);
    recordResponseInfo(response, secrets?.size ? { method, path, attempts: answer.attempts, secrets } : { method, path, attempts: answer.attempts });
    return response;
  };
}

/** What openapi-fetch reads: a Response holding the bytes read, or, with no body to hold, the headers as sent. */
function toResponse(answer: Answer, method: string): Response {
  if (answer.status === 204 || method === 'HEAD') return new Response(null, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  return bufferedResponse(answer.body, answer);
}

/** Without openapi-fetch's template (a middleware swapped in a real Request), hide segments that may be ids or tokens. */
function guessTemplate(url: string): string {
  return templateOf(new URL(url).pathname);
}
