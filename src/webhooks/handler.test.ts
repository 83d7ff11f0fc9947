// createWebhookHandler through Fetch API Request objects: what it answers for each kind of delivery,
// and that FirstPromoter's retries get exactly the events that were not handled.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { sendWebhook, type SendWebhookOptions } from '../testing/send-webhook.js';
import { webhookExample } from '../testing/examples.js';
import type { DedupeStore } from './dedupe.js';
import { WebhookError } from './errors.js';
import type { UnknownWebhookEvent, WebhookEvent } from './events.js';
import { createWebhookHandler, type WebhookHandlerOptions } from './handler.js';

const basicAuth = { username: 'fp-hooks', password: 'pw_9c41d2' };
const URL = 'https://app.example/webhooks/firstpromoter';

function setup(overrides: Partial<WebhookHandlerOptions> = {}) {
  const events: WebhookEvent[] = [];
  const errors: unknown[] = [];
  const handler = createWebhookHandler({
    auth: { basic: basicAuth },
    onEvent: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
    ...overrides,
  });
  const send = (payload: Parameters<typeof sendWebhook>[1], options: SendWebhookOptions = { basicAuth }) =>
    sendWebhook(URL, payload, { ...options, fetch: handler });
  return { handler, events, errors, send };
}

async function answer(response: Response): Promise<[number, unknown]> {
  return [response.status, await response.json()];
}

describe('createWebhookHandler', () => {
  it('answers 200 once onEvent has handled the event, with the event as sent', async () => {
    const { events, send } = setup();
    const event = webhookExample('commission.approved');
    expect(await answer(await send(event))).toEqual([200, { received: true }]);
    expect(events).toEqual([event]);
  });

  it('acknowledges a replay of the same event_id without running onEvent again', async () => {
    const { events, send } = setup();
    const event = webhookExample('referral.converted');
    await send(event);
    expect(await answer(await send(event))).toEqual([200, { received: true, duplicate: true }]);
    expect(events).toHaveLength(1);
    await send(webhookExample('referral.converted'));
    expect(events).toHaveLength(2);
  });

  it('runs onEvent for every copy when dedupe is off', async () => {
    const { events, send } = setup({ dedupe: false });
    const event = webhookExample('payout.completed');
    await send(event);
    await send(event);
    expect(events).toHaveLength(2);
  });

  it('passes an unknown event type to onUnknownEvent and acknowledges it', async () => {
    const unknown: UnknownWebhookEvent[] = [];
    const { events, send } = setup({ onUnknownEvent: (event) => void unknown.push(event) });
    const future = { ...webhookExample('promoter.updated'), event_type: 'promoter.profile.updated' };
    expect((await send(future)).status).toBe(200);
    expect([events.length, unknown]).toEqual([0, [future]]);
    expect((await setup().send({ ...future, event_id: crypto.randomUUID() })).status).toBe(200);
  });

  it('answers 401 to bad Basic credentials and to a bad secret header, and runs nothing', async () => {
    const { events, errors, send } = setup();
    expect(await answer(await send(webhookExample('promoter.created'), { basicAuth: { ...basicAuth, password: 'guess' } }))).toEqual([401, { error: 'unauthorized' }]);
    expect((await send(webhookExample('promoter.created'), {})).status).toBe(401);
    const withHeader = setup({ auth: { header: { name: 'X-Webhook-Secret', value: 'whsec_51ab' } } });
    expect((await withHeader.send(webhookExample('promoter.created'), { headers: { 'X-Webhook-Secret': 'whsec_51ac' } })).status).toBe(401);
    expect((await withHeader.send(webhookExample('promoter.created'), { headers: { 'X-Webhook-Secret': 'whsec_51ab' } })).status).toBe(200);
    expect(events).toEqual([]);
    expect(errors.map((e) => (e as WebhookError).reason)).toEqual(['unauthorized', 'unauthorized']);
  });

  it('answers 400 to malformed JSON, to a body that is no envelope and to mismatched headers', async () => {
    const { events, send } = setup();
    expect(await answer(await send('{"event_id":'))).toEqual([400, { error: 'malformed_json' }]);
    expect(await answer(await send('{"hello":"world"}'))).toEqual([400, { error: 'not_an_envelope', field: 'event_id' }]);
    const event = webhookExample('referral.created');
    const lying = await send(event, { basicAuth, headers: { 'X-Event-Id': crypto.randomUUID() } });
    expect(await answer(lying)).toEqual([400, { error: 'event_id_mismatch' }]);
    expect(events).toEqual([]);
  });

  it('answers 413 to a body over the cap, by Content-Length or while streaming', async () => {
    const { handler, send } = setup({ maxBodyBytes: 1024 });
    const big = { ...webhookExample('promoter.updated'), data: { id: 1, note: 'x'.repeat(2000) } };
    expect(await answer(await send(big))).toEqual([413, { error: 'body_too_large' }]);
    const headers = { authorization: `Basic ${btoa(`${basicAuth.username}:${basicAuth.password}`)}` };
    // A Content-Length over the cap is refused before a byte is read (this body itself is small).
    let declaredPulls = 0;
    const small = new ReadableStream<Uint8Array>({
      pull(controller) {
        declaredPulls++;
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    }, { highWaterMark: 0 });
    const declared = new Request(URL, { method: 'POST', headers: { ...headers, 'content-length': '2000' }, body: small, duplex: 'half' } as RequestInit);
    expect([(await handler(declared)).status, declaredPulls]).toEqual([413, 0]);
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(600).fill(0x20));
      },
    });
    const request = new Request(URL, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect((await handler(request)).status).toBe(413);
    expect(pulls).toBeLessThan(5); // stopped reading an endless body
  });

  it('answers 500 when onEvent throws, and handles the retry as a new attempt', async () => {
    let fail = true;
    const onEvent = vi.fn(() => {
      if (fail) throw new Error('database down');
    });
    const { errors, send } = setup({ onEvent });
    const event = webhookExample('commission.created');
    expect(await answer(await send(event))).toEqual([500, { error: 'handler_failed' }]);
    expect((errors[0] as Error).message).toBe('database down');
    fail = false;
    expect((await send(event)).status).toBe(200);
    expect((await send(event)).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('answers 409 to a copy that arrives while the first is still being handled', async () => {
    let release!: () => void;
    const { send } = setup({ onEvent: () => new Promise<void>((resolve) => (release = resolve)) });
    const event = webhookExample('payout.created');
    const first = send(event);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    expect(await answer(await send(event))).toEqual([409, { error: 'in_progress' }]);
    release();
    expect((await first).status).toBe(200);
  });

  it('answers 503 when the store cannot say whether the event was handled, 200 when it cannot remember it', async () => {
    const failing = (where: keyof DedupeStore): DedupeStore => ({
      has: () => (where === 'has' ? Promise.reject(new Error('redis down')) : false),
      add: () => {
        if (where === 'add') throw new Error('redis down');
      },
    });
    const broken = setup({ dedupe: { store: failing('has') } });
    expect(await answer(await broken.send(webhookExample('payout.failed')))).toEqual([503, { error: 'dedupe_unavailable' }]);
    expect(broken.events).toEqual([]);
    const forgetful = setup({ dedupe: { store: failing('add') } });
    expect((await forgetful.send(webhookExample('payout.failed'))).status).toBe(200);
    expect([forgetful.events.length, (forgetful.errors[0] as Error).message]).toEqual([1, 'redis down']);
  });

  it('passes the TTL to the store and answers 405 to anything but POST', async () => {
    const added: [string, number][] = [];
    const { handler, send } = setup({ dedupe: { store: { has: () => false, add: (id, ttl) => void added.push([id, ttl]) }, ttlMs: 72 * 3_600_000 } });
    const event = webhookExample('payments_batch.completed');
    await send(event);
    expect(added).toEqual([[event.event_id, 72 * 3_600_000]]);
    const get = await handler(new Request(URL));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('keeps the configured secrets out of sight: inspecting the handler shows none', async () => {
    const { handler, send } = setup({ auth: { basic: basicAuth, header: { name: 'X-Webhook-Secret', value: 'whsec_hidden_77' } } });
    const answer = await send(webhookExample('promoter.created'), { basicAuth: { ...basicAuth, password: 'pw_guess_1' } });
    const text = `${inspect(handler, { showHidden: true, depth: 5 })} ${await answer.text()}`;
    for (const secret of [basicAuth.password, 'whsec_hidden_77', 'pw_guess_1']) expect(text).not.toContain(secret);
  });

  it('takes undefined for every optional setting as its default: dedupe on, 256 KiB cap, unknown types acknowledged', async () => {
    const events: WebhookEvent[] = [];
    const handler = createWebhookHandler({
      auth: { basic: basicAuth, header: undefined, query: undefined }, onEvent: (event) => void events.push(event),
      onUnknownEvent: undefined, dedupe: { store: undefined, ttlMs: undefined }, maxBodyBytes: undefined, onError: undefined,
    });
    const send = (payload: Parameters<typeof sendWebhook>[1]) => sendWebhook(URL, payload, { basicAuth, fetch: handler });
    const event = webhookExample('referral.created');
    expect((await send(event)).status).toBe(200);
    expect(await answer(await send(event))).toEqual([200, { received: true, duplicate: true }]);
    expect((await send({ ...webhookExample('promoter.created'), event_type: 'promoter.teleported' } as UnknownWebhookEvent)).status).toBe(200);
    const justUnder = { ...webhookExample('promoter.updated'), data: { id: 1, note: 'x'.repeat(250 * 1024) } };
    expect((await send(justUnder)).status).toBe(200);
    expect((await send({ ...justUnder, event_id: 'evt_big', data: { id: 1, note: 'x'.repeat(257 * 1024) } })).status).toBe(413);
    expect(events.map((e) => e.event_id)).toEqual([event.event_id, justUnder.event_id]);
  });

  it('checks its options before any request', () => {
    expect(() => createWebhookHandler({ auth: {}, onEvent: () => undefined })).toThrow(expect.objectContaining({ field: 'auth' }));
    expect(() => createWebhookHandler({ auth: { basic: basicAuth }, onEvent: undefined as never })).toThrow(expect.objectContaining({ field: 'onEvent' }));
    expect(() => createWebhookHandler({ auth: { basic: basicAuth }, onEvent: () => undefined, maxBodyBytes: 0 })).toThrow(expect.objectContaining({ field: 'maxBodyBytes' }));
  });
});
