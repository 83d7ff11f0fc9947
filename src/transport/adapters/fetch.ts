// The wire through fetch: the user's `fetch` option, or the global fetch read at call time (so test
// doubles installed later still apply). fetch already decodes gzip, deflate and br; `redirect: 'manual'`
// hands back the 3xx (or, in browsers, an opaque redirect with status 0) instead of replaying the API
// key to whatever host it names. The body is read chunk by chunk and counted, so a body past the cap
// (a gzip bomb included: fetch inflates only as far as it is read) is cancelled, not buffered. Nothing
// here touches Response or Headers at import time: on Node that alone loads the whole fetch
// implementation (~30 ms, see bench/RESULTS.md).
import { readBounded } from '../../internal/bounded-body.js';
import { declaredOverLimit, exactBuffer, tooLarge, WireFailure, wireHeaders, type TransportAdapter, type WireRequest, type WireResponse } from '../adapter.js';

const EMPTY = new ArrayBuffer(0);

export function createFetchAdapter(fetchFn?: typeof globalThis.fetch): TransportAdapter {
  const call = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  return {
    name: 'fetch',
    async send(request: WireRequest): Promise<WireResponse> {
      const { method, headers, body, signal } = request;
      try {
        const response = await call(request.url, { ...request.init, method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual', signal });
        const redirect = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
        if (redirect || response.status === 204 || method === 'HEAD') {
          await response.body?.cancel().catch(() => undefined);
          return answer(response, EMPTY);
        }
        // Read here, under the caller's signal: a stalled or cut-off body fails this attempt.
        return answer(response, await readBody(response, request.maxResponseBytes));
      } catch (error) {
        throw error instanceof WireFailure ? error : failure(error, signal);
      }
    },
  };
}

function answer(response: Response, body: ArrayBuffer): WireResponse {
  return { status: response.status, statusText: response.statusText, headers: wireHeaders(response.headers), body };
}

/** The whole body, or a 'too-large' failure as soon as more than `limit` decoded bytes arrived. */
async function readBody(response: Response, limit: number): Promise<ArrayBuffer> {
  const { headers } = response;
  if (declaredOverLimit(headers.get('content-length'), headers.get('content-encoding'), limit)) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, response.status);
  }
  const bytes = await readBounded(response.body, limit);
  if (bytes === undefined) throw tooLarge(limit, response.status);
  return exactBuffer(bytes);
}

/** Our own words and, when the platform gives one, its code; what was thrown is kept off every message. */
function failure(error: unknown, signal: AbortSignal): WireFailure {
  if (signal.aborted) return new WireFailure('aborted', 'the attempt was aborted', { thrown: error });
  // undici rejects with TypeError('fetch failed' or 'terminated') and puts the socket's code on `cause`;
  // Bun and Deno put theirs on the error itself.
  const holder = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = holder?.cause?.code ?? holder?.code;
  return new WireFailure('connection', 'the fetch call failed', { code: typeof code === 'string' ? code : undefined, thrown: error });
}
