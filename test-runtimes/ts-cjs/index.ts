// TypeScript CommonJS consumer (module node16 in a "type": "commonjs" package, @types/node and no DOM
// lib, as in a classic Node server): the imports compile to require() and use the .d.cts types.
import { createFirstPromoter, ValidationError, type TrackOutcome, type TrackSaleResult } from 'firstpromoter';
import { createTracking, ValidationError as TrackValidationError } from 'firstpromoter/track';
import { createFirstPromoterV1 } from 'firstpromoter/v1';
import { toMinorUnits } from 'firstpromoter/money';
import { createFirstPromoterAffiliate, unwrap, type AccessTokenProvider } from 'firstpromoter/affiliate';
import { createWebhookHandler, type WebhookEvent } from 'firstpromoter/webhooks';
import { sendWebhook, webhookExample } from 'firstpromoter/testing';

const origin = process.env.FP_ORIGIN ?? '';
const tag = process.env.FP_TAG ?? 'ts-cjs';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`${tag}: ${what}`);
}

async function main(): Promise<void> {
  check(require.resolve('firstpromoter/track').endsWith('.cjs'), 'require() picks the CommonJS build');
  const options = { apiKey: `key-${tag}`, accountId: tag, baseUrl: `${origin}/api/v2`, maxRetries: 0 };
  const tracking = createTracking(options);
  // @ts-expect-error the tracking-only client has no admin API
  void tracking.api;

  const sale: TrackOutcome<TrackSaleResult> = await tracking.track.sale({
    email: 'ada@example.com', event_id: `sale-${tag}`, amount: { amount: '19.99', currency: 'USD' },
  });
  check(sale.outcome === 'tracked' && sale.data.sale_amount === 1999, `v2 sale tracked (got ${JSON.stringify(sale)})`);

  const again = await createFirstPromoter(options).track.sale({ email: 'ada@example.com', event_id: `sale-${tag}`, amount: 1999 });
  check(again.outcome === 'duplicate', `v2 duplicate sale (got ${JSON.stringify(again)})`);

  // @ts-expect-error event_id is required by the types too
  const rejected: unknown = await tracking.track.sale({ email: 'ada@example.com', amount: 1999 }).then(() => undefined, (error: unknown) => error);
  check(rejected instanceof ValidationError && rejected instanceof TrackValidationError, `ValidationError from both entries (got ${String(rejected)})`);
  check(toMinorUnits('19.99', 'USD') === 1999, 'money helpers convert exactly');

  const legacy = createFirstPromoterV1({ apiKey: `v1-${tag}`, baseUrl: `${origin}/api/v1`, maxRetries: 0 });
  const v1Sale = await legacy.track.sale({ email: 'ada@example.com', event_id: `v1-sale-${tag}`, amount: { amount: '5.5', currency: 'EUR' } });
  check(v1Sale.outcome === 'tracked' && v1Sale.data.amount_cents === 550, `v1 sale tracked (got ${JSON.stringify(v1Sale)})`);

  // The affiliate client with a token function: the first token is refused, the refreshed one works.
  const asked: boolean[] = [];
  const accessToken: AccessTokenProvider = async ({ refresh }) => (asked.push(refresh), `${refresh ? 'fresh' : 'expired'}-${tag}`);
  const portal = createFirstPromoterAffiliate({ accountId: tag, baseUrl: `${origin}/api/v2/affiliate`, maxRetries: 0, accessToken });
  // @ts-expect-error the affiliate API has no company paths (never called: a type check only)
  const notAffiliate = () => portal.api.GET('/company/promoters');
  void notAffiliate;
  const me = await unwrap(portal.api.GET('/promoters/current'));
  const email: string = me.email;
  check(email === 'maria.lopez@example.com' && asked.join() === 'false,true', `affiliate call refreshed its token once (asked ${asked.join()})`);

  // Webhooks: the published types narrow the event, and the handler answers a delivery from the testing kit.
  const approvals: string[] = [];
  const receiver = createWebhookHandler({
    auth: { basic: { username: 'fp', password: `pw-${tag}` } },
    onEvent: (event: WebhookEvent) => {
      // changes.status is typed [old, new] from the commission's `status`.
      if (event.event_type === 'commission.approved') approvals.push(String(event.changes.status?.[1] satisfies string | null | undefined));
    },
  });
  // @ts-expect-error a handler needs auth
  void (() => createWebhookHandler({ onEvent: () => undefined }));
  const delivered = await sendWebhook('https://receiver.example/hooks', webhookExample('commission.approved'), { basicAuth: { username: 'fp', password: `pw-${tag}` }, fetch: receiver });
  check(delivered.status === 200 && approvals.join() === 'approved', `webhook handled (got ${delivered.status}, ${approvals.join()})`);

  console.log(`RESULT ${JSON.stringify({ tag, v2: sale.outcome, duplicate: again.outcome, v1: v1Sale.outcome, affiliate: 'refreshed', webhooks: 'received' })}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
