// Legacy (campaign-level) webhook events, typed from openapi/webhooks-legacy: one member per webhook of
// the spec. Their type sits in `event.type`, which TypeScript cannot narrow a union by (a nested
// discriminant), so the legacy handler takes one listener per type instead of a switch.
import type { components, webhooks } from '../../generated/webhooks-legacy.js';
import { EVENT_TYPES } from '../../generated/webhooks-legacy.events.js';

/** Every legacy event type this version knows, e.g. `lead_signup`, `fulfilment_pending`. */
export type LegacyWebhookEventType = (typeof EVENT_TYPES)[number];

/** The legacy event of one type: `LegacyWebhookEventOf<'fulfilment_pending'>`. */
export type LegacyWebhookEventOf<Type extends LegacyWebhookEventType> = webhooks[Type]['post']['requestBody']['content']['application/json'];

/** A legacy delivery of a known type. */
export type LegacyWebhookEvent = { [Type in LegacyWebhookEventType]: LegacyWebhookEventOf<Type> }[LegacyWebhookEventType];

/** A legacy delivery whose `event.type` this version does not know: the bare wrapper, `data` untyped. */
export type UnknownLegacyWebhookEvent = components['schemas']['LegacyEnvelope'];

/** Every legacy event type this version knows, in the spec's order. */
export const LEGACY_WEBHOOK_EVENT_TYPES: readonly LegacyWebhookEventType[] = EVENT_TYPES;

const known: ReadonlySet<string> = new Set(EVENT_TYPES);

/** True when `event.type` is `type` (or, without `type`, any type this version knows). */
export function isLegacyWebhookEvent<Type extends LegacyWebhookEventType = LegacyWebhookEventType>(
  event: LegacyWebhookEvent | UnknownLegacyWebhookEvent,
  type?: Type,
): event is LegacyWebhookEventOf<Type> {
  return type === undefined ? known.has(event.event.type) : event.event.type === type;
}
