// A webhook-handler test against the fake FirstPromoter of `firstpromoter/testing`, given the entries as
// the consumer loaded them (import or require): a paid invoice is tracked once, its replay is answered
// `duplicate`, a customer nobody referred is `not_referral`, and the fake recorded exactly one sale.
import { onInvoicePaid } from './billing.mjs';

/** @param {{ root: any, testing: any }} entries  `firstpromoter` and `firstpromoter/testing` */
export async function runHandlerTest({ root, testing }, tag) {
  const check = (ok, what) => {
    if (!ok) throw new Error(`${tag}: ${what}`);
  };
  const fake = await testing.startFakeFirstPromoter({ referrals: [{ email: 'ada@example.com' }] });
  try {
    const fp = root.createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl, maxRetries: 0 });
    const invoice = { id: `in_${tag}`, customer_email: 'ada@example.com', total: '19.99', currency: 'USD' };
    const first = await onInvoicePaid(fp, invoice);
    const replay = await onInvoicePaid(fp, invoice);
    const walkIn = await onInvoicePaid(fp, { ...invoice, id: 'in_walk_in', customer_email: 'walk-in@example.com' });
    check(first === 'tracked' && replay === 'duplicate' && walkIn === 'not_referral', `outcomes ${first}, ${replay}, ${walkIn}`);
    const sales = fake.records.sales.map((sale) => `${sale.event_id}:${sale.amount}:${sale.currency}`);
    check(JSON.stringify(sales) === JSON.stringify([`in_${tag}:1999:USD`]), `recorded sales ${JSON.stringify(sales)}`);
    check(fake.requests.length === 3 && fake.requests.every((r) => r.headers.authorization === `Bearer ${fake.apiKey}`), 'the fake saw three authorized requests');
    return { tag, first, replay, walkIn };
  } finally {
    await fake.close();
  }
}
