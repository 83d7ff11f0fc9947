// createWebhookHandler: a Fetch API handler for Webhooks v2 deliveries. It checks the sender, parses
// and deduplicates the event, runs `onEvent`, and answers so that FirstPromoter retries exactly what
// was not handled.
import { ValidationError } from '../core/errors.js';
import { createAuthenticator, type WebhookAuth } from './auth.js';
import { checkedMaxBodyBytes } from './body.js';
import { resolveDedupe, type DedupeOptions } from './dedupe.js';
import { isKnownWebhookEvent, type UnknownWebhookEvent, type WebhookEvent } from './events.js';
import { parseWebhookEvent } from './parse.js';
import { createReceiver, json, type WebhookContext, type WebhookErrorListener, type WebhookHandler } from './receive.js';

export interface WebhookHandlerOptions {
  /** The subscription's Basic credentials and/or secret header (at least one). */
  auth: WebhookAuth;
  /** Handles one event of a known type. Throwing answers 500, and FirstPromoter sends it again. */
  onEvent(event: WebhookEvent, context: WebhookContext): void | Promise<void>;
  /** Handles an event type this version does not know yet. Default: acknowledged and ignored. */
  onUnknownEvent?: ((event: UnknownWebhookEvent, context: WebhookContext) => void | Promise<void>) | undefined;
  /** Drops deliveries already handled, by `event_id` (default: in memory, 24 h). `false` turns it off. */
  dedupe?: DedupeOptions | false | undefined;
  /** Largest body accepted, in bytes (default 256 KiB); bigger ones get 413. */
  maxBodyBytes?: number | undefined;
  /** Told about every refused or failed delivery (with the error), e.g. to log it. */
  onError?: WebhookErrorListener | undefined;
}

/**
 * Answers: 200 once `onEvent` returned (or for a duplicate); 401 bad credentials; 400 not a webhook
 * body; 413 too big; 409 while the same event is being handled; 500 when `onEvent` throws; 503 when
 * the dedupe store fails; 405 for anything but POST.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { onEvent, onUnknownEvent } = options;
  if (typeof onEvent !== 'function') throw new ValidationError('onEvent', 'onEvent must be a function.');
  const maxBodyBytes = checkedMaxBodyBytes(options.maxBodyBytes);
  return createReceiver({
    authenticate: createAuthenticator(options.auth),
    maxBodyBytes,
    parse: (body, headers) => parseWebhookEvent(body, { headers, maxBodyBytes }),
    keyOf: (event) => event.event_id,
    dedupe: resolveDedupe(options.dedupe),
    onError: options.onError,
    async handle(event, context) {
      if (isKnownWebhookEvent(event)) await onEvent(event, context);
      else await onUnknownEvent?.(event, context);
      return { response: json(200, { received: true }), remember: true };
    },
  });
}
