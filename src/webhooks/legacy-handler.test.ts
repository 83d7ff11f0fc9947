// createLegacyWebhookHandler: one listener per legacy event type, the secret query parameter legacy
// URLs carry, and the fulfilment answers FirstPromoter reads (200 fulfilled, 202 kept pending, 5xx retried).
import { describe, expect, it, vi } from 'vitest';
import { legacyWebhookExample } from '../testing/examples.js';
import { sendWebhook } from '../testing/send-webhook.js';
import { createLegacyWebhookHandler, fulfilmentResponse, type LegacyWebhookHandlerOptions } from './legacy-handler.js';
import { LEGACY_WEBHOOK_EVENT_TYPES } from './legacy-events.js';

const URL = 'https://app.example/webhooks/fp-legacy?token=lg_7a2c91';
const auth = { query: { name: 'token', value: 'lg_7a2c91' } };

function setup(on: LegacyWebhookHandlerOptions['on'], extra: Partial<LegacyWebhookHandlerOptions> = {}) {
  const handler = createLegacyWebhookHandler({ auth, on, ...extra });
  return (payload: Parameters<typeof sendWebhook>[1], url = URL) => sendWebhook(url, payload, { fetch: handler });
}

describe('createLegacyWebhookHandler', () => {
  it('lists the 8 legacy event types FirstPromoter documents', () => {
    expect([...LEGACY_WEBHOOK_EVENT_TYPES].sort()).toEqual(['fulfilment_pending', 'lead_becomes_referral', 'lead_cancelled', 'lead_signup', 'new_customer', 'promoter_accepted', 'promoter_signed_up', 'reward_created']);
  });

  it('calls the listener of the event\'s type only, with the event as sent', async () => {
    const leads = vi.fn();
    const rewards = vi.fn();
    const send = setup({ lead_signup: leads, reward_created: rewards });
    const event = legacyWebhookExample('lead_signup');
    expect((await send(event)).status).toBe(200);
    expect(leads).toHaveBeenCalledWith(event, expect.objectContaining({ request: expect.any(Request) }));
    expect(rewards).not.toHaveBeenCalled();
    expect((await send(legacyWebhookExample('promoter_accepted'))).status).toBe(200); // no listener: acknowledged
  });

  it('refuses a delivery without the URL secret', async () => {
    const listener = vi.fn();
    const send = setup({ lead_cancelled: listener });
    expect((await send(legacyWebhookExample('lead_cancelled'), 'https://app.example/webhooks/fp-legacy')).status).toBe(401);
    expect((await send(legacyWebhookExample('lead_cancelled'), 'https://app.example/webhooks/fp-legacy?token=lg_7a2c90')).status).toBe(401);
    expect(listener).not.toHaveBeenCalled();
  });

  it('answers 200 for a fulfilled reward and does not run the listener again for a copy', async () => {
    const fulfil = vi.fn(() => 'fulfilled' as const);
    const send = setup({ fulfilment_pending: fulfil });
    const event = legacyWebhookExample('fulfilment_pending');
    expect([(await send(event)).status, (await send(event)).status]).toEqual([200, 200]);
    expect(fulfil).toHaveBeenCalledTimes(1);
  });

  it('answers 202 to keep a reward pending, and handles it again when it fires again', async () => {
    let answer: 'keep_pending' | 'fulfilled' = 'keep_pending';
    const fulfil = vi.fn(async () => answer);
    const send = setup({ fulfilment_pending: fulfil });
    const event = legacyWebhookExample('fulfilment_pending');
    const kept = await send(event);
    expect([kept.status, await kept.json()]).toEqual([202, { received: true, fulfilment: 'pending' }]);
    answer = 'fulfilled';
    expect((await send(event)).status).toBe(200);
    expect(fulfil).toHaveBeenCalledTimes(2);
  });

  it('keeps a fulfilment pending (202) when no listener decides, never marking it fulfilled', async () => {
    expect((await setup({})(legacyWebhookExample('fulfilment_pending'))).status).toBe(202);
  });

  it('answers 500 when the fulfilment listener throws or answers something else, so FirstPromoter retries', async () => {
    const failing = setup({ fulfilment_pending: () => Promise.reject(new Error('billing down')) });
    expect((await failing(legacyWebhookExample('fulfilment_pending'))).status).toBe(500);
    const confused = setup({ fulfilment_pending: (() => 'done') as never });
    expect((await confused(legacyWebhookExample('fulfilment_pending'))).status).toBe(500);
  });

  it('passes an unknown legacy type to onUnknownEvent', async () => {
    const unknown = vi.fn();
    const send = setup({}, { onUnknownEvent: unknown });
    const event = { event: { id: 905001, type: 'lead_paused', created_at: '2025-06-01T00:00:00Z' }, data: { id: 1 } };
    expect((await send(event)).status).toBe(200);
    expect(unknown).toHaveBeenCalledWith(event, expect.anything());
  });

  it('answers 400 to a body that is not a legacy wrapper', async () => {
    const response = await setup({})(JSON.stringify({ event: { id: 'abc', type: 'lead_signup', created_at: 'x' }, data: {} }));
    expect([response.status, await response.json()]).toEqual([400, { error: 'not_an_envelope', field: 'event.id' }]);
  });

  it('takes a listener given as undefined for no listener, as the type allows', async () => {
    const send = setup({ lead_signup: undefined, fulfilment_pending: undefined });
    expect((await send(legacyWebhookExample('lead_signup'))).status).toBe(200);
    expect((await send(legacyWebhookExample('fulfilment_pending'))).status).toBe(202);
  });

  it('refuses listeners for types that do not exist, and bad fulfilment answers', () => {
    expect(() => createLegacyWebhookHandler({ auth, on: { lead_signed: () => undefined } as never })).toThrow(expect.objectContaining({ field: 'on.lead_signed' }));
    expect(() => fulfilmentResponse('done' as never)).toThrow(expect.objectContaining({ field: 'answer' }));
    expect([fulfilmentResponse('fulfilled').status, fulfilmentResponse('keep_pending').status]).toEqual([200, 202]);
  });
});
