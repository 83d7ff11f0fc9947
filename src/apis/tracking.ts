// Per-call options of the tracking methods, and how they reach the transport.
import { callOptions, type CallOptions } from '../internal/lite-request.js';

/** An AbortSignal and overrides of the client's retry and timeout settings for one call. */
export interface TrackOptions extends Omit<CallOptions, 'idempotent'> {
  signal?: AbortSignal;
}

/**
 * Request init for a tracking call. Every tracking call is safe to resend: event_id dedupes sales and
 * refunds, a second signup or subscriber is refused as a duplicate, a repeated cancellation changes nothing.
 */
export function trackingInit(options: TrackOptions | undefined): { signal: AbortSignal | undefined } & ReturnType<typeof callOptions> {
  return { signal: options?.signal, ...callOptions({ maxRetries: options?.maxRetries, timeoutMs: options?.timeoutMs, idempotent: true }) };
}
