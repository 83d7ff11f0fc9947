// openapi-fetch builds a WHATWG Request for every call; on Node 20 that object alone costs ~85 µs
// (see bench/). This stand-in keeps what the transport needs (url, method, init) and is handed to
// openapi-fetch through its `Request` option. Its body stays a string, so a retry can send it again.
import { REDACTED } from './redact.js';

/** Per-call transport settings, carried from our methods to the transport inside RequestInit. */
export const CALL_OPTIONS = Symbol('firstpromoter.callOptions');

export interface CallOptions {
  /** Retries after the first attempt for this call (overrides the client's `maxRetries`). */
  maxRetries?: number;
  /** Per-attempt timeout in milliseconds (overrides the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Safe to send again even after it may have reached the server (tracking calls carry an event_id). */
  idempotent?: boolean;
}

export type LiteRequestInit = RequestInit & { [CALL_OPTIONS]?: CallOptions };

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

  /** A real Request, for code that needs one (e.g. custom middleware). */
  toRequest(): Request {
    return new Request(this.url, this.init);
  }

  // The headers hold the API key: printing or serialising a request shows none of them.
  toJSON(): object {
    return { method: this.method, url: this.url, headers: REDACTED };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `LiteRequest { ${this.method} ${this.url} headers: ${REDACTED} }`;
  }
}
