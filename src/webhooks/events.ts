// Webhooks v2 events, typed from the receiver-side spec (openapi/webhooks): one member per webhook of
// the spec, discriminated on `event_type`, with `changes` typed field by field from the event's `data`.
// Nothing here restates a field: every type is derived from generated/webhooks.ts.
import type { components, webhooks } from '../../generated/webhooks.js';
import { EVENT_TYPES } from '../../generated/webhooks.events.js';

/** The body the spec gives one webhook. */
type Delivered<Name extends keyof webhooks> = webhooks[Name]['post']['requestBody']['content']['application/json'];

/** Fields a record documents (its index signature, if open, left out). */
type DocumentedField<Data> = keyof { [Field in keyof Data as string extends Field ? never : Field]: true };

/**
 * `changes` of an update about a record of type `Data`: each changed field → `[old, new]`, either of
 * which can be null. Documented fields are typed like the field; any other field is `[unknown, unknown]`.
 */
export type WebhookChanges<Data> = {
  [Field in DocumentedField<Data>]?: [old: Exclude<Data[Field], undefined> | null, new: Exclude<Data[Field], undefined> | null];
} & { [field: string]: [old: unknown, new: unknown] };

type WithTypedChanges<Event> = Event extends { data: infer Data } ? Omit<Event, 'changes'> & { changes: WebhookChanges<Data> } : never;

/** Every event type this version knows (the spec's webhooks), e.g. `referral.created`. */
export type WebhookEventType = (typeof EVENT_TYPES)[number];

/**
 * A Webhooks v2 delivery of a known event type. Narrow it with `switch (event.event_type)`; `data` and
 * `changes` follow. Types FirstPromoter adds later arrive as {@link UnknownWebhookEvent}.
 */
export type WebhookEvent = { [Name in WebhookEventType]: WithTypedChanges<Delivered<Name>> }[WebhookEventType];

/** The event of one type: `WebhookEventOf<'commission.approved'>`. */
export type WebhookEventOf<Type extends WebhookEventType> = Extract<WebhookEvent, { event_type: Type }>;

/** A delivery whose `event_type` this version does not know yet: the bare envelope, `data` untyped. */
export type UnknownWebhookEvent = components['schemas']['WebhookEnvelope'];

/** Every event type this version knows, in the spec's order. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = EVENT_TYPES;

const known: ReadonlySet<string> = new Set(EVENT_TYPES);

/** True when this version knows the event's type, which narrows it to {@link WebhookEvent}. */
export function isKnownWebhookEvent(event: WebhookEvent | UnknownWebhookEvent): event is WebhookEvent {
  return known.has(event.event_type);
}
