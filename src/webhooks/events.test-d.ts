// Type tests (checked by `npm run typecheck`): the event unions narrow on their discriminant, `changes`
// is typed from `data`, unknown events stay apart, and the handlers' listeners are typed per event.
import { describe, expectTypeOf, it } from 'vitest';
import type { webhooks } from '../../generated/webhooks.js';
import type { webhooks as legacyWebhooks } from '../../generated/webhooks-legacy.js';
import { createWebhookHandler } from './handler.js';
import { createLegacyWebhookHandler } from './legacy-handler.js';
import type { LegacyWebhookEventOf, LegacyWebhookEventType } from './legacy-events.js';
import { isKnownWebhookEvent, type UnknownWebhookEvent, type WebhookEvent, type WebhookEventOf, type WebhookEventType } from './events.js';

declare const event: WebhookEvent;
declare const anyEvent: WebhookEvent | UnknownWebhookEvent;

describe('WebhookEvent', () => {
  it('has one member per webhook of the spec', () => {
    expectTypeOf<WebhookEventType>().toEqualTypeOf<keyof webhooks>();
    expectTypeOf<LegacyWebhookEventType>().toEqualTypeOf<keyof legacyWebhooks>();
    expectTypeOf<WebhookEvent['event_type']>().toEqualTypeOf<WebhookEventType>();
  });

  it('narrows data and changes on event_type', () => {
    switch (event.event_type) {
      case 'referral.updated':
        expectTypeOf(event.data.customer_since).toEqualTypeOf<string | null | undefined>();
        expectTypeOf(event.changes.state).toEqualTypeOf<[old: string | null, new: string | null] | undefined>();
        expectTypeOf(event.changes['plan']).toEqualTypeOf<[old: unknown, new: unknown] | undefined>();
        break;
      case 'commission.approved':
        expectTypeOf(event.data.amount).toEqualTypeOf<number | undefined>();
        expectTypeOf(event.data.referral).toEqualTypeOf<{ id: number; email?: string; uid?: string } | undefined>();
        // Fields FirstPromoter does not document are still readable, as unknown.
        expectTypeOf(event.data['state']).toEqualTypeOf<unknown>();
        break;
      case 'payout.completed':
        expectTypeOf(event.data.id).toEqualTypeOf<number>();
        expectTypeOf(event.data['status']).toEqualTypeOf<unknown>();
        break;
    }
    expectTypeOf<WebhookEventOf<'contract_document.signed'>['data']['signed_at']>().toEqualTypeOf<string | null | undefined>();
  });

  it('keeps unknown event types apart until isKnownWebhookEvent says otherwise', () => {
    // @ts-expect-error an unknown event is not a known one
    const known: WebhookEvent = anyEvent;
    void known;
    if (isKnownWebhookEvent(anyEvent)) expectTypeOf(anyEvent).toEqualTypeOf<WebhookEvent>();
    else expectTypeOf(anyEvent).toEqualTypeOf<UnknownWebhookEvent>();
  });
});

describe('handler options', () => {
  it('type onEvent with the known union and require auth', () => {
    createWebhookHandler({ auth: { basic: { username: 'u', password: 'p' } }, onEvent: (e) => {
      expectTypeOf(e).toEqualTypeOf<WebhookEvent>();
    } });
    // @ts-expect-error auth is required
    createWebhookHandler({ onEvent: () => undefined });
  });

  it('type each legacy listener with its event, and make fulfilment_pending answer', () => {
    createLegacyWebhookHandler({
      auth: { query: { name: 'token', value: 't' } },
      on: {
        lead_signup: (e) => {
          expectTypeOf(e).toEqualTypeOf<LegacyWebhookEventOf<'lead_signup'>>();
        },
        fulfilment_pending: (e) => (e.data.has_issues ? 'keep_pending' : 'fulfilled'),
      },
    });
    createLegacyWebhookHandler({
      auth: { query: { name: 'token', value: 't' } },
      // @ts-expect-error a fulfilment listener must say fulfilled or keep_pending
      on: { fulfilment_pending: () => undefined },
    });
  });
});
