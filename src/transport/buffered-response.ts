// The transport reads every body inside its attempt (so the timeout covers it and a cut-off body is
// retried), then hands openapi-fetch a Response holding those bytes. Holding them as bytes, not as a
// second body stream, matters: on Node 20 building and reading that stream again cost more per call
// than the rest of the transport (see bench/RESULTS.md). Reads that need a stream get one on demand.
import { APIError } from '../core/errors.js';
import { responseInfo } from '../internal/response-info.js';

/** Status line and headers of the answer received (a Response, or an adapter's WireResponse). */
type Received = { status: number; statusText: string; headers: Headers | Record<string, string> };
type Buffered = new (body: ArrayBuffer, from: Received) => Response;
let BufferedResponse: Buffered | undefined;

/**
 * A Response with `body` already read: its headers describe the body held (decoded, complete), and
 * `json()` turns a body that is not JSON (a proxy's HTML page with status 200) into a typed APIError.
 */
export function bufferedResponse(body: ArrayBuffer, from: Received): Response {
  // Defined on first use: `extends Response` at import time would make Node load its fetch
  // implementation (~30 ms) for every program that merely imports the package.
  BufferedResponse ??= defineBufferedResponse();
  return new BufferedResponse(body, from);
}

function defineBufferedResponse(): Buffered {
  const decoder = new TextDecoder();
  const unusable = () => new TypeError('Body is unusable: Body has already been read');

  return class BufferedResponse extends Response {
    #body: ArrayBuffer;
    #used = false;
    #stream: Response | undefined;

    constructor(body: ArrayBuffer, from: Received) {
      super(null, { status: from.status, statusText: from.statusText, headers: from.headers });
      this.headers.set('content-length', String(body.byteLength));
      this.headers.delete('content-encoding');
      this.headers.delete('transfer-encoding');
      this.#body = body;
    }

    /** A stream-backed twin for `body`, `blob()`, `formData()` and `clone()`; all later reads go through it. */
    #streamed(): Response {
      if (!this.#stream) {
        const init = { status: this.status, statusText: this.statusText, headers: this.headers };
        this.#stream = new Response(this.#body.byteLength > 0 ? this.#body : null, init);
        // Already read through text()/json()/arrayBuffer(): the twin is spent too, as a real body would be.
        if (this.#used) this.#stream.arrayBuffer().catch(() => undefined);
      }
      return this.#stream;
    }

    #take(): ArrayBuffer {
      if (this.#used) throw unusable();
      this.#used = true;
      return this.#body;
    }

    override get body(): Response['body'] {
      return this.#streamed().body;
    }

    override get bodyUsed(): boolean {
      return this.#stream ? this.#stream.bodyUsed : this.#used;
    }

    override async text(): Promise<string> {
      return this.#stream ? this.#stream.text() : decoder.decode(this.#take());
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      return this.#stream ? this.#stream.arrayBuffer() : this.#take();
    }

    override async bytes(): ReturnType<Response['bytes']> {
      return new Uint8Array(await this.arrayBuffer());
    }

    override async blob(): Promise<Blob> {
      return this.#streamed().blob();
    }

    override async formData(): Promise<FormData> {
      return this.#streamed().formData();
    }

    override clone(): Response {
      return this.#streamed().clone();
    }

    override async json(): Promise<unknown> {
      const text = await this.text();
      try {
        return JSON.parse(text);
      } catch {
        const info = responseInfo(this);
        throw new APIError(
          { status: this.status, method: info?.method ?? 'GET', path: info?.path ?? '?', headers: this.headers, body: text, attempts: info?.attempts ?? 1, secrets: info?.secrets },
          'The body is not the JSON FirstPromoter sends (a proxy page?). The call may have been processed: tracking calls can be repeated with the same event_id.',
        );
      }
    }
  };
}
