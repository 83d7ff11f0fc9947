// TypeScript ES module consumer, type-checked twice (moduleResolution node16 and bundler, with the DOM
// lib and no @types/node, as in an edge or browser-leaning project) and then run by Node, Bun and Deno.
// The @ts-expect-error lines prove the published types are real types, not `any`.
import { createFirstPromoter, ValidationError, type TrackOutcome, type TrackSaleResult } from 'firstpromoter';
import { createTracking, type TrackSaleParams, ValidationError as TrackValidationError } from 'firstpromoter/track';
import { createFirstPromoterV1, NotFoundError as V1NotFoundError, paginate as paginateV1, unwrap as unwrapV1, type TrackV1Result } from 'firstpromoter/v1';
import { toMinorUnits } from 'firstpromoter/money';
import { createFirstPromoterAffiliate, unwrap, type AccessTokenProvider } from 'firstpromoter/affiliate';
import { createWebhookHandler, type WebhookEvent } from 'firstpromoter/webhooks';
import { sendWebhook, webhookExample } from 'firstpromoter/testing';

declare const process: { env: Record<string, string | undefined> };

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`${tag}: ${what}`);
}

const origin = process.env.FP_ORIGIN ?? '';
const tag = process.env.FP_TAG ?? 'ts-esm';
const options = { apiKey: `key-${tag}`, accountId: tag, baseUrl: `${origin}/api/v2`, maxRetries: 0 };

const tracking = createTracking(options);
// @ts-expect-error the tracking-only client has no admin API
void tracking.api;
// @ts-expect-error a sale needs an amount
const incomplete: TrackSaleParams = { email: 'ada@example.com', event_id: 'x' };
void incomplete;

const sale: TrackOutcome<TrackSaleResult> = await tracking.track.sale({
  email: 'ada@example.com', event_id: `sale-${tag}`, amount: { amount: '19.99', currency: 'USD' },
});
const cents: number | null | undefined = sale.outcome === 'tracked' ? sale.data.sale_amount : undefined;
check(sale.outcome === 'tracked' && cents === 1999, `v2 sale tracked (got ${JSON.stringify(sale)})`);

const again = await createFirstPromoter(options).track.sale({ uid: 'cus_1', email: 'ada@example.com', event_id: `sale-${tag}`, amount: 1999 });
check(again.outcome === 'duplicate', `v2 duplicate sale (got ${JSON.stringify(again)})`);

// @ts-expect-error event_id is required by the types too; the runtime check below covers plain JS
const missing = tracking.track.sale({ email: 'ada@example.com', amount: 1999 });
const rejected: unknown = await missing.then(() => undefined, (error: unknown) => error);
check(rejected instanceof ValidationError && rejected instanceof TrackValidationError, `ValidationError from both entries (got ${String(rejected)})`);

check(toMinorUnits('19.99', 'USD') === 1999, 'money helpers convert exactly');

const legacy = createFirstPromoterV1({ apiKey: `v1-${tag}`, baseUrl: `${origin}/api/v1`, maxRetries: 0 });
const v1Sale = await legacy.track.sale({ email: 'ada@example.com', event_id: `v1-sale-${tag}`, amount: { amount: '5.5', currency: 'EUR' } });
const v1Data: TrackV1Result | undefined = v1Sale.outcome === 'tracked' ? v1Sale.data : undefined;
check(v1Data?.amount_cents === 550, `v1 sale tracked (got ${JSON.stringify(v1Sale)})`);

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

// The v1 entry has the admin helpers and errors of its own (typed for v1's paths): nothing from the root.
// (Typed, never called: the loopback server has no lists.)
async function firstPromoterEmail(): Promise<string | undefined> {
  for await (const promoter of paginateV1(legacy, '/promoters/list')) return promoter.email;
  return undefined;
}
void firstPromoterEmail;
check(typeof unwrapV1 === 'function' && V1NotFoundError.name === 'NotFoundError', 'firstpromoter/v1 exports unwrap, paginate and the errors');

console.log(`RESULT ${JSON.stringify({ tag, v2: sale.outcome, duplicate: again.outcome, v1: v1Sale.outcome, affiliate: 'refreshed', webhooks: 'received' })}`);
