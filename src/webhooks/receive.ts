// The steps every webhook handler takes, in an order that keeps FirstPromoter's retries useful:
// refuse what is not an authentic, well-formed delivery (4xx); acknowledge a delivery already handled
// (2xx, handler not run again); answer 409 while the same event is being handled, so a concurrent copy
// is retried later instead of being lost if the first one fails; answer 5xx when the handler throws,
// so FirstPromoter retries; remember the event only once it was handled.
import type { Authenticator } from './auth.js';
import { readRequestBody } from './body.js';
import type { DedupeStore } from './dedupe.js';
import { WebhookError } from './errors.js';

/** What a handler's listeners receive besides the event. */
export interface WebhookContext {
  /** The delivery as received (its body already read). */
  request: Request;
}

/** Told about every delivery that was not acknowledged, and about failures of the dedupe store. */
export type WebhookErrorListener = (error: unknown, context: WebhookContext) => void;

export interface Receiver<Event> {
  authenticate: Authenticator;
  maxBodyBytes: number;
  parse(body: Uint8Array, headers: Headers): Event;
  /** The id deduplication uses for this event. */
  keyOf(event: Event): string;
  dedupe: { store: DedupeStore; ttlMs: number } | undefined;
  /** Runs the listeners; `remember: false` leaves the event to be handled again when it comes back. */
  handle(event: Event, context: WebhookContext): Promise<{ response: Response; remember: boolean }>;
  onError: WebhookErrorListener | undefined;
}

/** A Fetch API handler: `(request) => response`, for Node 20+, Bun, Deno, workers and route handlers. */
export type WebhookHandler = (request: Request) => Promise<Response>;

export function json(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function createReceiver<Event>(receiver: Receiver<Event>): WebhookHandler {
  const inFlight = new Set<string>();
  const report = (error: unknown, context: WebhookContext) => {
    try {
      receiver.onError?.(error, context);
    } catch {
      // A failing error listener must not change the answer FirstPromoter gets.
    }
  };

  return async (request) => {
    const context: WebhookContext = { request };
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    let event: Event;
    try {
      await receiver.authenticate(request);
      event = receiver.parse(await readRequestBody(request, receiver.maxBodyBytes), request.headers);
    } catch (error) {
      report(error, context);
      if (error instanceof WebhookError) return json(error.status, { error: error.reason, ...(error.field ? { field: error.field } : {}) });
      return json(500, { error: 'receiver_failed' });
    }

    const key = receiver.keyOf(event);
    if (inFlight.has(key)) return json(409, { error: 'in_progress' });
    inFlight.add(key);
    try {
      const { dedupe } = receiver;
      try {
        if (dedupe && (await dedupe.store.has(key))) return json(200, { received: true, duplicate: true });
      } catch (error) {
        report(error, context);
        return json(503, { error: 'dedupe_unavailable' }); // unknown whether it was handled: retry later
      }
      let outcome: { response: Response; remember: boolean };
      try {
        outcome = await receiver.handle(event, context);
      } catch (error) {
        report(error, context);
        return json(500, { error: 'handler_failed' });
      }
      if (dedupe && outcome.remember) {
        // Handled: answer 2xx even if it cannot be remembered, or FirstPromoter would send it again.
        try {
          await dedupe.store.add(key, dedupe.ttlMs);
        } catch (error) {
          report(error, context);
        }
      }
      return outcome.response;
    } finally {
      inFlight.delete(key);
    }
  };
}
