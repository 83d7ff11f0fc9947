// Cloudflare Workers consumer: bundled with esbuild (conditions workerd, worker, browser) and served by
// workerd. A GET runs the shared scenarios (tracking against the fake FirstPromoter whose origin is bound as ORIGIN,
// webhooks through Request objects) and answers with the result as JSON, or status 500 and the error.
// POST /webhooks is a webhook receiver the runner delivers to over real HTTP. `firstpromoter/testing`
// resolves (condition `workerd`) to its Workers build: sendWebhook and the examples, no fake.
import * as root from 'firstpromoter';
import * as track from 'firstpromoter/track';
import * as v1 from 'firstpromoter/v1';
import * as money from 'firstpromoter/money';
import * as affiliate from 'firstpromoter/affiliate';
import * as webhooks from 'firstpromoter/webhooks';
import * as testing from 'firstpromoter/testing';
import { runScenario } from '../support/scenario.mjs';
import { runWebhookScenario } from '../support/webhook-scenario.mjs';

// Module state lives as long as the isolate, so the in-memory dedupe store sees the runner's replay.
const receiver = webhooks.createWebhookHandler({
  auth: { header: { name: 'X-Webhook-Secret', value: 'whsec-workerd' } },
  onEvent: () => undefined,
});

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === '/webhooks') return receiver(request);
    try {
      const result = await runScenario({ root, track, v1, money, affiliate }, { origin: env.ORIGIN, tag: env.TAG });
      return Response.json({ ...result, ...(await runWebhookScenario({ webhooks, testing, root }, { tag: env.TAG })) });
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
