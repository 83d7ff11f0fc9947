// parseLegacyWebhookEvent: a raw legacy webhook body → a typed event, or a WebhookError saying why not.
// Only the wrapper (`event` and `data`) is checked; `data` is passed on as received.
import { isRecord } from '../internal/is-record.js';
import { DEFAULT_MAX_BODY_BYTES, expectField, parseJsonBody, type RawBody } from './body.js';
import type { LegacyWebhookEvent, UnknownLegacyWebhookEvent } from './legacy-events.js';

export interface ParseLegacyWebhookOptions {
  /** Largest body accepted, in bytes (default 256 KiB). */
  maxBodyBytes?: number | undefined;
}

/** Parses a legacy webhook body; throws a {@link WebhookError} when it is not one. */
export function parseLegacyWebhookEvent(rawBody: RawBody, options: ParseLegacyWebhookOptions = {}): LegacyWebhookEvent | UnknownLegacyWebhookEvent {
  const body = parseJsonBody(rawBody, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  expectField(isRecord(body), 'body', 'a JSON object');
  const { event, data } = body as Record<string, unknown>;
  expectField(isRecord(event), 'event', 'an object');
  const info = event as Record<string, unknown>;
  expectField(Number.isInteger(info.id), 'event.id', 'an integer');
  expectField(typeof info.type === 'string' && info.type !== '', 'event.type', 'a non-empty string');
  expectField(typeof info.created_at === 'string', 'event.created_at', 'a string');
  expectField(isRecord(data), 'data', 'an object');
  return body as UnknownLegacyWebhookEvent;
}
