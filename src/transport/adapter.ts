// The seam between the attempt loop and the wire: what "send one attempt" means, whatever does the
// sending (fetch today, node:http later). An adapter sends exactly once, never retries, never follows
// a redirect, and reads the whole body before it resolves, so the loop's timeout covers the body and
// a body cut short is a failure rather than a short success. Every adapter must pass the conformance
// suite in ./adapters/conformance.ts against real HTTP.

/** One attempt, as the loop hands it to the adapter. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Headers;
  /** Held as text or bytes, so every attempt sends the same thing again. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** Fires on the attempt's timeout or the caller's abort: stop at once and reject with kind 'aborted'. */
  signal: AbortSignal;
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
  headers: Headers;
  /** The whole body, decoded (gzip, deflate, br), complete. Empty for 204, HEAD and redirects. */
  body: ArrayBuffer;
}

/** `aborted`: the signal fired (the loop knows whether it was its timeout or the caller). `connection`: anything else in transit. */
export type WireFailureKind = 'aborted' | 'connection';

/** The one way an adapter fails, so neither the loop nor the retry policy reads foreign error messages. */
export class WireFailure extends Error {
  override name = 'WireFailure';
  readonly kind: WireFailureKind;
  /** The system or library code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET...) when the platform gives one. */
  readonly code: string | undefined;
  /**
   * True when the adapter knows the request cannot have reached the server (say, a reused keep-alive
   * socket that was already closed), beyond what the code tells; the policy then resends even a POST.
   */
  readonly neverSent: boolean;

  constructor(kind: WireFailureKind, message: string, details: { code?: string | undefined; neverSent?: boolean; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.code = details.code;
    this.neverSent = details.neverSent ?? false;
  }
}

/** Sends one attempt; resolves with the complete answer (any status) or rejects with a WireFailure. */
export interface TransportAdapter {
  send(request: WireRequest): Promise<WireResponse>;
}
