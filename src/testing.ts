// `firstpromoter/testing`: helpers for testing code that works with FirstPromoter. For now, delivering
// webhooks to a receiver the way FirstPromoter does. Never imported by the production entries.
export { sendWebhook, type SendWebhookOptions, type WebhookPayload } from './testing/send-webhook.js';
export { webhookExample, legacyWebhookExample } from './testing/examples.js';
