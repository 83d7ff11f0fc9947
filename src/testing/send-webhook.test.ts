// sendWebhook sends what FirstPromoter sends (checked on a raw node:http server: method, headers,
// Basic credentials, body), and the examples are fresh, independent copies of the spec's.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../generated/webhooks.examples.js';
import { legacyWebhookExample, webhookExample } from './examples.js';
import { sendWebhook } from './send-webhook.js';

interface Seen { method?: string | undefined; url?: string | undefined; headers: IncomingHttpHeaders; body: string }

async function capture(send: (url: string) => Promise<Response>): Promise<Seen> {
  let seen: Seen | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen = { method: req.method, url: req.url, headers: req.headers, body };
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=t1`);
    expect(response.status).toBe(204);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return seen!;
}

describe('sendWebhook', () => {
  it('delivers a v2 event like FirstPromoter: POST, JSON, X-Event-Id/Type, Basic auth, custom headers', async () => {
    const event = webhookExample('commission.approved');
    const seen = await capture((url) => sendWebhook(url, event, {
      basicAuth: { username: 'fp-user', password: 'pä55:word' },
      headers: { 'X-Webhook-Secret': 'whsec_a1', 'X-Tenant': 'acme' },
    }));
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/hook?token=t1');
    expect(seen.headers).toMatchObject({
      'content-type': 'application/json',
      'x-event-id': event.event_id,
      'x-event-type': 'commission.approved',
      'x-webhook-secret': 'whsec_a1',
      'x-tenant': 'acme',
    });
    const [scheme, token] = (seen.headers.authorization ?? '').split(' ');
    expect([scheme, Buffer.from(token ?? '', 'base64').toString('utf8')]).toEqual(['Basic', 'fp-user:pä55:word']);
    expect(JSON.parse(seen.body)).toEqual(event);
  });

  it('sends a legacy event with no event headers and no credentials (options given as undefined too), and a string as the raw body', async () => {
    const legacy = await capture((url) => sendWebhook(url, legacyWebhookExample('lead_signup')));
    expect(Object.keys(legacy.headers).filter((name) => name.startsWith('x-') || name === 'authorization')).toEqual([]);
    const undefinedOptions = await capture((url) => sendWebhook(url, legacyWebhookExample('lead_signup'), { basicAuth: undefined, headers: undefined, fetch: undefined }));
    const names = (seen: Seen) => Object.keys(seen.headers).sort();
    expect([names(undefinedOptions), undefinedOptions.headers['content-type']]).toEqual([names(legacy), 'application/json']);
    const raw = await capture((url) => sendWebhook(url, '{"not json'));
    expect([raw.body, raw.headers['x-event-id']]).toEqual(['{"not json', undefined]);
  });
});

describe('examples', () => {
  it('are copies of the spec\'s example with a new id each time', () => {
    const first = webhookExample('referral.updated');
    const second = webhookExample('referral.updated');
    const { event_id: specId, ...spec } = EXAMPLES['referral.updated'];
    expect(first.event_id).not.toBe(second.event_id);
    expect([first.event_id, second.event_id]).not.toContain(specId);
    expect(first).toEqual({ ...spec, event_id: first.event_id });
    first.data.email = 'changed@example.com';
    expect(webhookExample('referral.updated').data.email).toBe(EXAMPLES['referral.updated'].data.email);
    const [a, b] = [legacyWebhookExample('fulfilment_pending'), legacyWebhookExample('fulfilment_pending')];
    expect(a.event.id).not.toBe(b.event.id);
    expect(Number.isInteger(a.event.id)).toBe(true);
  });
});
