// `firstpromoter/webhooks`: receiving FirstPromoter's webhooks (v2 and legacy). Typed events, the
// sender check, deduplication and handlers for the Fetch API and Node. It needs no API key and imports
// no client or transport, so it runs wherever a request arrives: Node 20+, Bun, Deno, workers.
export { createWebhookHandler, type WebhookHandlerOptions } from './webhooks/handler.js';
export { createLegacyWebhookHandler, fulfilmentResponse, type LegacyWebhookHandlerOptions, type LegacyWebhookListeners, type FulfilmentAnswer } from './webhooks/legacy-handler.js';
export type { WebhookHandler, WebhookContext, WebhookErrorListener } from './webhooks/receive.js';
export { toNodeHandler, type NodeRequestLike, type NodeResponseLike } from './webhooks/node.js';
export { parseWebhookEvent, type ParseWebhookOptions, type HeadersLike } from './webhooks/parse.js';
export { parseLegacyWebhookEvent, type ParseLegacyWebhookOptions } from './webhooks/legacy-parse.js';
export { DEFAULT_MAX_BODY_BYTES, type RawBody } from './webhooks/body.js';
export { authenticateWebhook, type WebhookAuth } from './webhooks/auth.js';
export { createMemoryDedupeStore, DEFAULT_DEDUPE_TTL_MS, type DedupeStore, type DedupeOptions, type MemoryDedupeStoreOptions } from './webhooks/dedupe.js';
export { WebhookError, type WebhookErrorReason } from './webhooks/errors.js';
export { FirstPromoterError, ValidationError } from './core/errors.js';
export { isKnownWebhookEvent, WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType, type WebhookEventOf, type UnknownWebhookEvent, type WebhookChanges } from './webhooks/events.js';
export { isLegacyWebhookEvent, LEGACY_WEBHOOK_EVENT_TYPES, type LegacyWebhookEvent, type LegacyWebhookEventType, type LegacyWebhookEventOf, type UnknownLegacyWebhookEvent } from './webhooks/legacy-events.js';
export type { components as WebhookComponents } from '../generated/webhooks.js';
export type { components as LegacyWebhookComponents } from '../generated/webhooks-legacy.js';
