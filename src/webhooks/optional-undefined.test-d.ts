// Type tests under the repository's exactOptionalPropertyTypes, through the `firstpromoter/webhooks`
// entry: every optional key of the options a receiver passes takes `undefined` (a setting read from a
// config that may lack it), as the client's own options do, while required keys still refuse it.
import { describe, expectTypeOf, it } from 'vitest';
import {
  authenticateWebhook, createLegacyWebhookHandler, createMemoryDedupeStore, createWebhookHandler, parseLegacyWebhookEvent, parseWebhookEvent,
  toNodeHandler, type DedupeStore, type WebhookHandler,
} from '../webhooks.js';

declare const maybeCount: number | undefined;
declare const maybeStore: DedupeStore | undefined;
declare const maybeClock: (() => number) | undefined;
declare const maybeHeaders: Headers | undefined;
declare const request: Request;
declare const handler: WebhookHandler;
const secret = { name: 'x-webhook-secret', value: 's3cret' };

describe('webhook options accept undefined for optional keys', () => {
  it('in auth', () => {
    expectTypeOf(authenticateWebhook).toBeCallableWith(request, { basic: undefined, header: secret, query: undefined });
  });

  it('in dedupe and the memory store', () => {
    expectTypeOf(createMemoryDedupeStore).toBeCallableWith({ maxEntries: maybeCount, now: maybeClock });
    expectTypeOf(createWebhookHandler).toBeCallableWith({ auth: { header: secret }, onEvent: () => {}, dedupe: { store: maybeStore, ttlMs: maybeCount } });
  });

  it('in the v2 handler', () => {
    expectTypeOf(createWebhookHandler).toBeCallableWith({
      auth: { header: secret }, onEvent: () => {}, onUnknownEvent: undefined, dedupe: undefined, maxBodyBytes: maybeCount, onError: undefined,
    });
  });

  it('in the legacy handler and its listeners', () => {
    expectTypeOf(createLegacyWebhookHandler).toBeCallableWith({
      auth: { query: secret }, on: { lead_signup: undefined, fulfilment_pending: undefined }, onUnknownEvent: undefined,
      dedupe: undefined, maxBodyBytes: maybeCount, onError: undefined,
    });
  });

  it('in the parsers', () => {
    expectTypeOf(parseWebhookEvent).toBeCallableWith('{}', { headers: maybeHeaders, maxBodyBytes: maybeCount });
    expectTypeOf(parseLegacyWebhookEvent).toBeCallableWith('{}', { maxBodyBytes: maybeCount });
  });

  it('in the Node request the adapter reads', () => {
    const req = { headers: {}, method: undefined, url: undefined, body: undefined, readableEnded: undefined, [Symbol.asyncIterator]: async function* () {} };
    expectTypeOf(toNodeHandler(handler)).toBeCallableWith(req, { statusCode: 200, setHeader: () => {}, end: () => {} });
  });

  it('but not in required keys', () => {
    // @ts-expect-error onEvent is required
    createWebhookHandler({ auth: { header: secret }, onEvent: undefined });
    // @ts-expect-error auth is required
    createLegacyWebhookHandler({ auth: undefined, on: {} });
  });
});
