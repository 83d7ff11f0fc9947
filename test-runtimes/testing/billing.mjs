// The code under test, as a user of the package would write it: a billing webhook handler that tracks
// each paid invoice as a sale. The test (webhook-handler-test.mjs) runs it against the fake.

/** Tracks a paid invoice; returns FirstPromoter's outcome: tracked, duplicate or not_referral. */
export async function onInvoicePaid(fp, invoice) {
  const result = await fp.track.sale({
    email: invoice.customer_email,
    event_id: invoice.id,
    amount: { amount: invoice.total, currency: invoice.currency },
  });
  return result.outcome;
}
