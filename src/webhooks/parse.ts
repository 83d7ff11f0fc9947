// parseWebhookEvent: a raw Webhooks v2 body (and, if given, its headers) → a typed event, or a
// WebhookError saying why not. The envelope is checked field by field as the spec states it; `data` is
// passed on as received, since FirstPromoter documents few of its fields and may add more.
import { isRecord } from '../internal/is-record.js';
import { DEFAULT_MAX_BODY_BYTES, expectField, parseJsonBody, type RawBody } from './body.js';
import { WebhookError } from './errors.js';
import type { UnknownWebhookEvent, WebhookEvent } from './events.js';

/** Request headers as a Fetch `Headers` or a Node/Express header object. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export interface ParseWebhookOptions {
  /** The request's headers: `X-Event-Id` and `X-Event-Type`, when present, must match the body. */
  headers?: HeadersLike | undefined;
  /** Largest body accepted, in bytes (default 256 KiB). */
  maxBodyBytes?: number | undefined;
}

/** Parses a Webhooks v2 delivery body; throws a {@link WebhookError} when it is not one. */
export function parseWebhookEvent(rawBody: RawBody, options: ParseWebhookOptions = {}): WebhookEvent | UnknownWebhookEvent {
  const body = parseJsonBody(rawBody, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const event = checkEnvelope(body);
  if (options.headers) {
    const id = headerValue(options.headers, 'x-event-id');
    const type = headerValue(options.headers, 'x-event-type');
    if (id !== undefined && id !== event.event_id) throw new WebhookError('event_id_mismatch', 'The X-Event-Id header differs from the body\'s event_id.');
    if (type !== undefined && type !== event.event_type) throw new WebhookError('event_type_mismatch', 'The X-Event-Type header differs from the body\'s event_type.');
  }
  return event;
}

function checkEnvelope(body: unknown): UnknownWebhookEvent {
  expectField(isRecord(body), 'body', 'a JSON object');
  const envelope = body as Record<string, unknown>;
  const text = (field: string) => expectField(typeof envelope[field] === 'string' && envelope[field] !== '', field, 'a non-empty string');
  text('event_id');
  text('event_type');
  text('action');
  text('entity_type');
  const id = envelope.entity_id;
  expectField(id === null || Number.isInteger(id), 'entity_id', 'an integer or null');
  const changes = envelope.changes;
  expectField(isRecord(changes), 'changes', 'an object');
  for (const [field, change] of Object.entries(changes as Record<string, unknown>)) {
    expectField(Array.isArray(change) && change.length === 2, `changes.${field}`, 'an [old, new] pair');
  }
  expectField(isRecord(envelope.data), 'data', 'an object');
  text('timestamp');
  return envelope as UnknownWebhookEvent;
}

function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(entry) ? entry.join(', ') : entry;
}
