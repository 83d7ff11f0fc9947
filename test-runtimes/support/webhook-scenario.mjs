// The webhook scenario every JavaScript consumer runs with `firstpromoter/webhooks` and
// `firstpromoter/testing` as it loaded them: deliveries as Fetch API Request objects to the handlers
// (every runtime), and, where the consumer can serve HTTP (support/webhook-http.mjs, node:http), the
// same over real HTTP through the Node adapter. Throws on the first surprise.

const basicAuth = { username: 'fp-matrix', password: 'pw-matrix-7c1' };

/**
 * @param {{ webhooks: any, testing: any, root?: any }} entries  `/webhooks`, `/testing`, and `firstpromoter` if loaded
 * @param {{ tag: string, serve?: (handler: any) => Promise<{ url: string, close(): Promise<void> }> }} options
 *   `serve`: serves a Node (req, res) handler on loopback, for the deliveries over real HTTP
 */
export async function runWebhookScenario({ webhooks, testing, root }, { tag, serve }) {
  const check = (ok, what) => {
    if (!ok) throw new Error(`${tag} webhooks: ${what}`);
  };
  const handled = [];
  const handler = webhooks.createWebhookHandler({
    auth: { basic: basicAuth },
    maxBodyBytes: 16 * 1024,
    onEvent: (event) => {
      if (event.data.id === 666) throw new Error('listener failed');
      handled.push(event.event_type);
    },
  });
  const direct = (payload, options = { basicAuth }) => testing.sendWebhook('https://receiver.example/hooks', payload, { ...options, fetch: handler });
  await deliveries(direct, testing, handled, check, 'Request');

  // Legacy fulfilment: 200 only when the listener says fulfilled.
  const legacy = webhooks.createLegacyWebhookHandler({
    auth: { query: { name: 'token', value: 'lg-matrix' } },
    on: { fulfilment_pending: (event) => (event.data.has_issues ? 'keep_pending' : 'fulfilled') },
  });
  const pending = testing.legacyWebhookExample('fulfilment_pending');
  const fulfilled = await testing.sendWebhook('https://receiver.example/legacy?token=lg-matrix', pending, { fetch: legacy });
  const kept = await testing.sendWebhook('https://receiver.example/legacy?token=lg-matrix', { ...testing.legacyWebhookExample('fulfilment_pending'), data: { ...pending.data, has_issues: true } }, { fetch: legacy });
  check(fulfilled.status === 200 && kept.status === 202, `fulfilment answers 200/202 (got ${fulfilled.status}/${kept.status})`);

  let rejected;
  try {
    webhooks.createWebhookHandler({ auth: {}, onEvent: () => undefined });
  } catch (error) {
    rejected = error;
  }
  check(rejected instanceof webhooks.ValidationError && (!root || rejected instanceof root.ValidationError), 'a handler without auth is a ValidationError, the same class in every entry');

  let overHttp = 'skipped';
  if (serve) {
    const server = await serve(webhooks.toNodeHandler(handler));
    try {
      await deliveries((payload, options = { basicAuth }) => testing.sendWebhook(server.url, payload, options), testing, handled, check, 'HTTP');
      overHttp = 'received';
    } finally {
      await server.close();
    }
  }
  return { webhooks: 'received', webhooksOverHttp: overHttp };
}

/** One round of deliveries through `send`, checking each answer. */
async function deliveries(send, testing, handled, check, how) {
  const event = testing.webhookExample('commission.approved');
  const before = handled.length;
  const statuses = [
    (await send(event)).status,
    (await send(event)).status, // replay: acknowledged, not handled again
    (await send(event, { basicAuth: { ...basicAuth, password: 'wrong' } })).status,
    (await send('{"event_id":')).status,
    (await send({ ...event, event_id: crypto.randomUUID(), data: { id: 1, blob: 'x'.repeat(32 * 1024) } })).status,
    (await send({ ...testing.webhookExample('payout.failed'), data: { id: 666 } })).status,
    (await send({ ...testing.webhookExample('promoter.updated'), event_type: 'promoter.profile.updated' })).status,
  ];
  check(statuses.join() === '200,200,401,400,413,500,200', `${how} answers 200,200,401,400,413,500,200 (got ${statuses})`);
  check(handled.slice(before).join() === 'commission.approved', `${how}: onEvent ran once (got ${handled.slice(before)})`);
}
