// The part of `firstpromoter/testing` that runs anywhere (Cloudflare Workers, web workers, browsers as
// well as Node, Bun and Deno): webhook deliveries the way FirstPromoter sends them. Runtimes without
// Node's built-ins resolve `firstpromoter/testing` to this build; the fake FirstPromoter and the
// contract mock need node:http and are only in the full entry (src/testing.ts).
export { sendWebhook, type SendWebhookOptions, type WebhookPayload } from './testing/send-webhook.js';
export { webhookExample, legacyWebhookExample } from './testing/examples.js';
