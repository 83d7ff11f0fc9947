// sendWebhook: delivers an event to a URL the way FirstPromoter does, for tests of a receiver: POST,
// `Content-Type: application/json`, `X-Event-Id` and `X-Event-Type` from a v2 envelope (legacy
// deliveries carry neither), the subscription's custom headers, and HTTP Basic credentials.
import { base64FromText } from '../internal/base64.js';
import type { LegacyWebhookEvent, UnknownLegacyWebhookEvent } from '../webhooks/legacy-events.js';
import type { UnknownWebhookEvent, WebhookEvent } from '../webhooks/events.js';

export interface SendWebhookOptions {
  /** The subscription's `basic_auth_user` / `basic_auth_password`. */
  basicAuth?: { username: string; password: string } | undefined;
  /** The subscription's custom `headers`, sent on every delivery (they win over the defaults). */
  headers?: Record<string, string> | undefined;
  /** The fetch to send with (default: the global one), e.g. one that calls a handler in-process. */
  fetch?: ((input: Request) => Promise<Response>) | undefined;
}

/** Anything FirstPromoter could post; a string is sent as the raw body, with no event headers. */
export type WebhookPayload = WebhookEvent | UnknownWebhookEvent | LegacyWebhookEvent | UnknownLegacyWebhookEvent | string;

/** POSTs `payload` to `url` like a FirstPromoter delivery and returns the receiver's answer. */
export async function sendWebhook(url: string | URL, payload: WebhookPayload, options: SendWebhookOptions = {}): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (typeof payload === 'object' && 'event_id' in payload) {
    headers.set('x-event-id', payload.event_id);
    headers.set('x-event-type', payload.event_type);
  }
  if (options.basicAuth) {
    headers.set('authorization', `Basic ${base64FromText(`${options.basicAuth.username}:${options.basicAuth.password}`)}`);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const request = new Request(url, { method: 'POST', headers, body });
  return (options.fetch ?? fetch)(request);
}
