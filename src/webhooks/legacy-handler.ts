// createLegacyWebhookHandler: a Fetch API handler for the legacy campaign-level webhooks, with one
// listener per event type. `fulfilment_pending` is special: the status answered is the result.
// Exactly 200 marks the reward fulfilled; another 2xx (202) keeps it pending, to fire again at the next
// fulfilment check; an error status makes FirstPromoter retry (up to 7 times over the day).
import { ValidationError } from '../core/errors.js';
import { createAuthenticator, type WebhookAuth } from './auth.js';
import { checkedMaxBodyBytes } from './body.js';
import { resolveDedupe, type DedupeOptions } from './dedupe.js';
import { isLegacyWebhookEvent, LEGACY_WEBHOOK_EVENT_TYPES, type LegacyWebhookEventOf, type LegacyWebhookEventType, type UnknownLegacyWebhookEvent } from './legacy-events.js';
import { parseLegacyWebhookEvent } from './legacy-parse.js';
import { createReceiver, json, type WebhookContext, type WebhookErrorListener, type WebhookHandler } from './receive.js';

/** What a `fulfilment_pending` listener decided. */
export type FulfilmentAnswer = 'fulfilled' | 'keep_pending';

/** One optional listener per legacy event type; `fulfilment_pending` must say what became of the reward. */
export type LegacyWebhookListeners = {
  [Type in Exclude<LegacyWebhookEventType, 'fulfilment_pending'>]?: ((event: LegacyWebhookEventOf<Type>, context: WebhookContext) => void | Promise<void>) | undefined;
} & {
  fulfilment_pending?: ((event: LegacyWebhookEventOf<'fulfilment_pending'>, context: WebhookContext) => FulfilmentAnswer | Promise<FulfilmentAnswer>) | undefined;
};

export interface LegacyWebhookHandlerOptions {
  /** Legacy webhooks send no credentials: use a secret query parameter of the URL (`auth.query`). */
  auth: WebhookAuth;
  /** Listeners by event type; a type without one is acknowledged (a fulfilment is kept pending). */
  on: LegacyWebhookListeners;
  /** Handles an event type this version does not know. Default: acknowledged and ignored. */
  onUnknownEvent?: ((event: UnknownLegacyWebhookEvent, context: WebhookContext) => void | Promise<void>) | undefined;
  /** Drops events already handled, by `event.id` (default: in memory, 24 h). `false` turns it off. */
  dedupe?: DedupeOptions | false | undefined;
  /** Largest body accepted, in bytes (default 256 KiB). */
  maxBodyBytes?: number | undefined;
  /** Told about every refused or failed delivery. */
  onError?: WebhookErrorListener | undefined;
}

/** The answer FirstPromoter reads for a `fulfilment_pending` delivery: 200 fulfilled, 202 kept pending. */
export function fulfilmentResponse(answer: FulfilmentAnswer): Response {
  if (answer === 'fulfilled') return json(200, { received: true, fulfilment: 'fulfilled' });
  if (answer === 'keep_pending') return json(202, { received: true, fulfilment: 'pending' });
  throw new ValidationError('answer', 'A fulfilment answer is "fulfilled" or "keep_pending".');
}

export function createLegacyWebhookHandler(options: LegacyWebhookHandlerOptions): WebhookHandler {
  const { on, onUnknownEvent } = options;
  if (typeof on !== 'object' || on === null) throw new ValidationError('on', 'on must map event types to listeners.');
  for (const [type, listener] of Object.entries(on)) {
    if (listener === undefined) continue; // the same as no key: that type is acknowledged
    if (!(LEGACY_WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) throw new ValidationError(`on.${type}`, `${type} is not a legacy webhook event type.`);
    if (typeof listener !== 'function') throw new ValidationError(`on.${type}`, `on.${type} must be a function.`);
  }
  const maxBodyBytes = checkedMaxBodyBytes(options.maxBodyBytes);
  const listener = (type: string) => (on as Record<string, ((event: unknown, context: WebhookContext) => unknown) | undefined>)[type];
  return createReceiver({
    authenticate: createAuthenticator(options.auth),
    maxBodyBytes,
    parse: (body) => parseLegacyWebhookEvent(body, { maxBodyBytes }),
    keyOf: (event) => `legacy:${event.event.id}`,
    dedupe: resolveDedupe(options.dedupe),
    onError: options.onError,
    async handle(event, context) {
      if (isLegacyWebhookEvent(event, 'fulfilment_pending')) {
        const answer = on.fulfilment_pending ? await on.fulfilment_pending(event, context) : 'keep_pending';
        // Only a fulfilled reward is remembered: one kept pending must be handled when it fires again.
        return { response: fulfilmentResponse(answer), remember: answer === 'fulfilled' };
      }
      if (isLegacyWebhookEvent(event)) await listener(event.event.type)?.(event, context);
      else await onUnknownEvent?.(event, context);
      return { response: json(200, { received: true }), remember: true };
    },
  });
}
