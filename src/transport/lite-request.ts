// openapi-fetch builds a WHATWG Request for every call; on Node 20 that object alone costs ~85 µs
// (see bench/). This stand-in keeps what the transport needs (url, method, init) and is handed to
// openapi-fetch through its `Request` option. Its body stays text (or bytes), so a retry can send it again.
import type { CALL_OPTIONS, TransportOptions } from '../core/request-options.js';
import { REDACTED } from '../internal/redact.js';

// `| undefined` on the optional fields, so inits built from optional values type-check under
// exactOptionalPropertyTypes.
export type LiteRequestInit = Omit<RequestInit, 'body' | 'signal'> & {
  body?: BodyInit | null | undefined;
  signal?: AbortSignal | null | undefined;
  [CALL_OPTIONS]?: TransportOptions | undefined;
};

export class LiteRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly init: LiteRequestInit;
  /** Path template (`/company/promoters/{id}`), set by the client's middleware: safe to log. */
  schemaPath: string | undefined;

  constructor(input: string | URL, init: LiteRequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.init = init;
  }

  get body(): RequestInit['body'] {
    return this.init.body;
  }

  get signal(): AbortSignal | null {
    return this.init.signal ?? null;
  }

  // Headers hold the API key, the query and real path can hold ids and tokens, the body customer data:
  // printing or serialising a request shows the method and path template only.
  toJSON(): object {
    return { method: this.method, path: this.schemaPath ?? REDACTED, headers: REDACTED, body: REDACTED };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `LiteRequest { ${this.method} ${this.schemaPath ?? REDACTED} headers: ${REDACTED} body: ${REDACTED} }`;
  }
}

/** A real Request (a middleware swapped one in) as the stand-in, its body read once for every attempt. */
export async function toLiteRequest(request: Request): Promise<LiteRequest> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  return new LiteRequest(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/**
 * A body that is neither text nor absent (bytes, FormData, Blob, URLSearchParams, a stream) as bytes,
 * read once so every attempt can send it again, with the Content-Type fetch would have added.
 */
export async function wireBody(body: NonNullable<RequestInit['body']>, headers: Headers): Promise<Uint8Array<ArrayBuffer>> {
  if (body instanceof Uint8Array && body.buffer instanceof ArrayBuffer) return body as Uint8Array<ArrayBuffer>;
  const read = new Response(body);
  const type = read.headers.get('content-type');
  if (type !== null && !headers.has('content-type')) headers.set('content-type', type);
  return new Uint8Array(await read.arrayBuffer());
}
