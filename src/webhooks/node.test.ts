// The Node adapter over real HTTP on loopback: every v2 and legacy example delivered by sendWebhook to
// a node:http server, the answers FirstPromoter sees, and bodies an Express parser already read.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyWebhookExample, webhookExample } from '../testing/examples.js';
import { sendWebhook } from '../testing/send-webhook.js';
import type { LegacyWebhookEvent } from './legacy-events.js';
import { LEGACY_WEBHOOK_EVENT_TYPES } from './legacy-events.js';
import { createLegacyWebhookHandler } from './legacy-handler.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEvent } from './events.js';
import { createWebhookHandler } from './handler.js';
import { toNodeHandler } from './node.js';

const basicAuth = { username: 'fp', password: 'pw_node_41f0' };
const received: WebhookEvent[] = [];
const legacyReceived: LegacyWebhookEvent[] = [];
const v2 = toNodeHandler(createWebhookHandler({
  auth: { basic: basicAuth },
  maxBodyBytes: 64 * 1024,
  onEvent: (event) => {
    if (event.event_type === 'payout.failed' && event.data.id === 666) throw new Error('boom');
    received.push(event);
  },
}));
const legacy = toNodeHandler(createLegacyWebhookHandler({
  auth: { query: { name: 'token', value: 'lg_node_5d' } },
  on: Object.fromEntries(LEGACY_WEBHOOK_EVENT_TYPES.map((type) => [type, (event: LegacyWebhookEvent) => {
    legacyReceived.push(event);
    return type === 'fulfilment_pending' ? 'fulfilled' : undefined;
  }])),
}));

/** Stands in for express.raw() (Buffer body) and express.json() (parsed object, stream consumed). */
async function withParser(kind: 'raw' | 'json', req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  Object.assign(req, { body: kind === 'raw' ? raw : JSON.parse(raw.toString('utf8')) });
  await v2(req, res);
}

/** Bytes the handler pulled from the body of the requests to /counted. */
let pulledBytes = 0;
/** Counts what the adapter reads of `req`, chunk by chunk, as it reads it. */
function counted(req: IncomingMessage): IncomingMessage {
  const chunks = req[Symbol.asyncIterator].bind(req);
  return Object.assign(req, {
    [Symbol.asyncIterator]: async function* () {
      for await (const chunk of chunks()) {
        pulledBytes += (chunk as Buffer).byteLength;
        yield chunk;
      }
    },
  });
}

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = req.url?.split('?')[0];
    if (route === '/legacy') void legacy(req, res);
    else if (route === '/counted') void v2(counted(req), res);
    else if (route === '/raw' || route === '/json') void withParser(route === '/raw' ? 'raw' : 'json', req, res);
    else void v2(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('toNodeHandler over HTTP', () => {
  it('receives a realistic delivery of every v2 event type', async () => {
    const sent = WEBHOOK_EVENT_TYPES.map((type) => webhookExample(type));
    const statuses = [];
    for (const event of sent) statuses.push((await sendWebhook(`${origin}/hooks`, event, { basicAuth })).status);
    expect(statuses).toEqual(sent.map(() => 200));
    expect(received.slice(-sent.length)).toEqual(sent);
  });

  it('receives a realistic delivery of every legacy event type, fulfilment answered 200', async () => {
    const sent = LEGACY_WEBHOOK_EVENT_TYPES.map((type) => legacyWebhookExample(type));
    const statuses = [];
    for (const event of sent) statuses.push((await sendWebhook(`${origin}/legacy?token=lg_node_5d`, event)).status);
    expect(statuses).toEqual(sent.map(() => 200));
    expect(legacyReceived.slice(-sent.length)).toEqual(sent);
  });

  it('answers 401, 400, 413 and 500 over the wire, and keeps serving', async () => {
    const event = webhookExample('referral.created');
    expect((await sendWebhook(`${origin}/hooks`, event, { basicAuth: { ...basicAuth, password: 'nope' } })).status).toBe(401);
    expect((await sendWebhook(`${origin}/hooks`, '{"event_id": nope}', { basicAuth })).status).toBe(400);
    const huge = { ...event, data: { id: 1, blob: 'x'.repeat(1024 * 1024) } };
    expect((await sendWebhook(`${origin}/hooks`, huge, { basicAuth })).status).toBe(413);
    const failing = webhookExample('payout.failed');
    expect((await sendWebhook(`${origin}/hooks`, { ...failing, data: { ...failing.data, id: 666 } }, { basicAuth })).status).toBe(500);
    expect((await sendWebhook(`${origin}/hooks`, event, { basicAuth })).status).toBe(200);
  });

  it('stops reading a chunked body (no Content-Length) once it passes the cap', async () => {
    let sentBytes = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentBytes += 16 * 1024;
        if (sentBytes > 4 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const authorization = `Basic ${btoa(`${basicAuth.username}:${basicAuth.password}`)}`;
    const response = await fetch(`${origin}/counted`, { method: 'POST', headers: { authorization }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    // The cap is 64 KiB: the handler read past it by at most a chunk or two, not the 4 MiB sent.
    expect(pulledBytes).toBeGreaterThan(64 * 1024);
    expect(pulledBytes).toBeLessThan(512 * 1024);
  });

  it('uses a body an express.raw() parser read, and explains a body express.json() consumed', async () => {
    const event = webhookExample('promoter.created');
    expect((await sendWebhook(`${origin}/raw`, event, { basicAuth })).status).toBe(200);
    expect(received.at(-1)).toEqual(event);
    const parsed = await sendWebhook(`${origin}/json`, webhookExample('promoter.created'), { basicAuth });
    expect([parsed.status, (await parsed.json()).error]).toEqual([500, 'body_already_parsed']);
  });
});
