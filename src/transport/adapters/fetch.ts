// The wire through fetch: the user's `fetch` option, or the global fetch read at call time (so test
// doubles installed later still apply). fetch already decodes gzip, deflate and br; `redirect: 'manual'`
// hands back the 3xx (or, in browsers, an opaque redirect with status 0) instead of replaying the API
// key to whatever host it names. Nothing here touches Response or Headers at import time: on Node that
// alone loads the whole fetch implementation (~30 ms, see bench/RESULTS.md).
import { WireFailure, type TransportAdapter, type WireRequest, type WireResponse } from '../adapter.js';

const EMPTY = new ArrayBuffer(0);

export function createFetchAdapter(fetchFn?: typeof globalThis.fetch): TransportAdapter {
  const call = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  return {
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
        return answer(response, await response.arrayBuffer());
      } catch (error) {
        throw failure(error, signal);
      }
    },
  };
}

function answer(response: Response, body: ArrayBuffer): WireResponse {
  return { status: response.status, statusText: response.statusText, headers: response.headers, body };
}

function failure(error: unknown, signal: AbortSignal): WireFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (signal.aborted) return new WireFailure('aborted', message, { cause: error });
  // undici rejects with TypeError('fetch failed' or 'terminated') and puts the socket's code on `cause`.
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return new WireFailure('connection', message, { code: typeof code === 'string' ? code : undefined, cause: error });
}
