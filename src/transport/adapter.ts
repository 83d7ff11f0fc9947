// The seam between the attempt loop and the wire: what "send one attempt" means, whatever does the
// sending (node:http on Node, fetch elsewhere or when the caller passes one). An adapter sends exactly once, never retries, never follows
// a redirect, and reads the whole body before it resolves, so the loop's timeout covers the body and
// a body cut short is a failure rather than a short success. It reads no more than `maxResponseBytes`
// (counted after decompression, while decompressing), so a huge or bombed body costs at most that.
// Every adapter must pass the conformance suite in ./adapters/conformance.ts against real HTTP.
// Headers travel as plain records, not WHATWG Headers: on Node, touching `Headers` (or `Response`)
// loads the whole fetch implementation (25-50 ms), which a program that never calls fetch must not pay.

/** Header names in lower case, one value per name (repeated headers joined with `, `). */
export type WireHeaders = Record<string, string>;

/**
 * WHATWG Headers as WireHeaders: iterating them gives lower-case names, repeated ones joined
 * (Set-Cookie comes one by one: the last is kept, and nothing reads it). No prototype, so a header
 * named `__proto__` is a header like any other.
 */
export function wireHeaders(headers: Headers): WireHeaders {
  const out = Object.create(null) as WireHeaders;
  for (const [name, value] of headers) out[name] = value;
  return out;
}

/** One attempt, as the loop hands it to the adapter. */
export interface WireRequest {
  method: string;
  url: string;
  headers: WireHeaders;
  /** Held as text or bytes, so every attempt sends the same thing again. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** Fires on the attempt's timeout or the caller's abort: stop at once and reject with kind 'aborted'. */
  signal: AbortSignal;
  /**
   * The same stop as `signal`, without an AbortSignal: calls `listener` once when the attempt must
   * stop (at once if it must already) and returns the unsubscribe. The attempt loop provides it and
   * builds `signal` only when an adapter reads it, so an adapter that needs no AbortSignal should use this.
   */
  onStop?: ((listener: () => void) => () => void) | undefined;
  /**
   * Largest body to read, decoded. Past it, stop reading (and decompressing), drop the connection and
   * reject with kind 'too-large' and the status: never buffer the rest to find out how big it was.
   */
  maxResponseBytes: number;
  /**
   * The caller's other RequestInit fields (cache, credentials, an undici dispatcher...). The fetch
   * adapter passes them on; adapters that cannot honour them ignore them.
   */
  init?: Readonly<Omit<RequestInit, 'body' | 'signal'>> | undefined;
}

/** A complete answer. For a redirect the body is empty: the adapter drained or cancelled it. */
export interface WireResponse {
  /** The server's status; 0 when the platform hides a redirect's status (a browser's opaqueredirect). */
  status: number;
  statusText: string;
  headers: WireHeaders;
  /** The whole body, decoded (gzip, deflate, br), complete. Empty for 204, HEAD and redirects. */
  body: ArrayBuffer;
}

/**
 * `aborted`: the signal fired (the loop knows whether it was its timeout or the caller). `too-large`:
 * the body passed `maxResponseBytes`. `connection`: anything else in transit.
 */
export type WireFailureKind = 'aborted' | 'connection' | 'too-large';

/** A system or library code (ECONNRESET, UND_ERR_SOCKET) or a runtime's name for one (ConnectionRefused). */
const CODE = /^(?:[A-Z][A-Z0-9_]{1,39}|[A-Z][A-Za-z]{1,39})$/;

export interface WireFailureDetails {
  code?: string | undefined;
  neverSent?: boolean;
  /** The status of the answer whose body was too large. */
  status?: number | undefined;
  /** What the platform threw, kept for `thrown()` only. */
  thrown?: unknown;
}

/**
 * The one way an adapter fails, so neither the loop nor the retry policy reads foreign error messages.
 * Its message must be the adapter's own words. What the platform (or a custom fetch) threw is kept
 * behind the method `thrown()`, off the `cause` chain and out of every property, because its text can
 * hold the URL and headers sent: printers and log serializers (util.inspect even with showHidden and
 * getters, console, pino) follow `cause` and read properties and getters, but call no method.
 */
export class WireFailure extends Error {
  override name = 'WireFailure';
  readonly kind: WireFailureKind;
  /** The system or library code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET...) when the platform gives one in that form. */
  readonly code: string | undefined;
  /**
   * True when the adapter knows the request cannot have reached the server (say, a reused keep-alive
   * socket that was already closed), beyond what the code tells; the policy then resends even a POST.
   */
  readonly neverSent: boolean;
  readonly status: number | undefined;
  readonly #thrown: unknown;

  constructor(kind: WireFailureKind, message: string, details: WireFailureDetails = {}) {
    super(message);
    this.kind = kind;
    this.code = typeof details.code === 'string' && CODE.test(details.code) ? details.code : undefined;
    this.neverSent = details.neverSent ?? false;
    this.status = details.status;
    this.#thrown = details.thrown;
  }

  /** What the platform or the custom fetch threw, untouched (undefined when nothing was thrown). */
  thrown(): unknown {
    return this.#thrown;
  }
}

/** The failure for an answer (with `status`) whose body passed `limit` bytes, the same from every adapter. */
export function tooLarge(limit: number, status: number | undefined): WireFailure {
  return new WireFailure('too-large', `the response body is over ${limit} bytes`, { status });
}

/** Without an encoding, Content-Length is the decoded size: one past `limit` is refused before reading a byte. */
export function declaredOverLimit(contentLength: string | null | undefined, contentEncoding: string | null | undefined, limit: number): boolean {
  return contentEncoding == null && Number(contentLength ?? Number.NaN) > limit;
}

/** `bytes` as an ArrayBuffer of exactly their length, as WireResponse holds them (a chunk may be a view into a larger one). */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return new Uint8Array(bytes).buffer;
}

/** Sends one attempt; resolves with the complete answer (any status) or rejects with a WireFailure. */
export interface TransportAdapter {
  /** What sends (`node:http`, `fetch`): the client names it in its User-Agent, for diagnostics. */
  readonly name: string;
  send(request: WireRequest): Promise<WireResponse>;
}
