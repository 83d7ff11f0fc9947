// Realistic deliveries for tests: the example body the receiver-side specs give every event type
// (openapi/webhooks, openapi/webhooks-legacy), as a fresh copy with a new event id, so each call is a
// distinct event to a handler that deduplicates.
import { EXAMPLES } from '../../generated/webhooks.examples.js';
import { EXAMPLES as LEGACY_EXAMPLES } from '../../generated/webhooks-legacy.examples.js';
import type { WebhookEventOf, WebhookEventType } from '../webhooks/events.js';
import type { LegacyWebhookEventOf, LegacyWebhookEventType } from '../webhooks/legacy-events.js';

// Legacy ids are integers: counted up from a random start, so two test processes rarely collide.
let nextLegacyId = 10_000_000 + Math.floor(Math.random() * 1_000_000);

/** The spec's example of `type`, with a new `event_id`. */
export function webhookExample<Type extends WebhookEventType>(type: Type): WebhookEventOf<Type> {
  const example = structuredClone(EXAMPLES[type]) as unknown as WebhookEventOf<Type>;
  return { ...example, event_id: crypto.randomUUID() };
}

/** The spec's example of the legacy `type`, with a new `event.id`. */
export function legacyWebhookExample<Type extends LegacyWebhookEventType>(type: Type): LegacyWebhookEventOf<Type> {
  const example = structuredClone(LEGACY_EXAMPLES[type]) as LegacyWebhookEventOf<Type>;
  return { ...example, event: { ...example.event, id: nextLegacyId++ } };
}
