// The Node adapter in a real Express 5 app, over HTTP: mounted with no body parser, after
// express.raw(), and (the mistake it must explain) after express.json().
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookExample } from '../testing/examples.js';
import { sendWebhook } from '../testing/send-webhook.js';
import type { WebhookEvent } from './events.js';
import { createWebhookHandler } from './handler.js';
import { toNodeHandler } from './node.js';

const secret = { name: 'X-Webhook-Secret', value: 'whsec_express_0b7' };
const received: WebhookEvent[] = [];
const receiver = toNodeHandler(createWebhookHandler({ auth: { header: secret }, onEvent: (event) => void received.push(event) }));

let server: Server;
let origin: string;
beforeAll(async () => {
  const app = express();
  app.post('/webhooks/firstpromoter', receiver);
  app.post('/raw', express.raw({ type: 'application/json' }), receiver);
  app.use(express.json());
  app.post('/after-json', receiver);
  server = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const deliver = (path: string, value = secret.value, event: WebhookEvent = webhookExample('referral.created')) =>
  sendWebhook(`${origin}${path}`, event, { headers: { [secret.name]: value } });

describe('toNodeHandler in Express', () => {
  it('receives a delivery on a route without a body parser, and refuses a wrong secret', async () => {
    const event = webhookExample('referral.created');
    expect((await deliver('/webhooks/firstpromoter', secret.value, event)).status).toBe(200);
    expect(received.at(-1)).toEqual(event);
    expect((await deliver('/webhooks/firstpromoter', 'whsec_guess')).status).toBe(401);
  });

  it('takes the Buffer express.raw() produced', async () => {
    const event = webhookExample('commission.denied');
    expect((await deliver('/raw', secret.value, event)).status).toBe(200);
    expect(received.at(-1)).toEqual(event);
  });

  it('answers 500 with the fix when express.json() already consumed the body (FirstPromoter retries)', async () => {
    const response = await deliver('/after-json');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'body_already_parsed', message: expect.stringContaining('express.raw') });
  });
});
