// `npm run demo`: the client's main job, tracking a referred customer's life (click → signup → sale →
// refund → cancellation), and FirstPromoter's special answers, run against the fake FirstPromoter of
// firstpromoter/testing. No credentials, no network: the fake keeps state like the real API (a replayed
// sale is a duplicate, a customer nobody referred is not a referral), and Prism, in front of it as a
// proxy, checks every request and answer against our specs. (Prism 5 cannot compile the v1 schemas that
// say "object or null" with an `enum: [null]` branch, the v1 tracking answers among them, and skips
// those answers.)
import { bulk, createFirstPromoter, formatMoney, paginate, toArray, type TrackOutcome } from '../src/index.js';
import { bundledSpec } from '../src/testing/contract-mock.js';
import { startPrism } from '../src/testing/prism.js';
import { violationsOf } from '../src/testing/violations.js';
import { startFakeFirstPromoter } from '../src/testing.js';
import { createFirstPromoterV1 } from '../src/v1.js';

/** fetch that fails the demo on any contract violation Prism reports. */
const checked: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const found = await violationsOf(response, init?.method ?? 'GET', String(input));
  if (found) throw new Error(`The contract check failed: ${JSON.stringify(found.violations)}`);
  return response;
};

function show(step: string, result: TrackOutcome<unknown>): void {
  const detail = result.outcome === 'tracked' ? `id ${(result.data as { id?: number }).id}` : result.message ?? '';
  console.log(`  ${step.padEnd(44)} → ${result.outcome.padEnd(12)} (HTTP ${result.status}) ${detail}`);
}

async function main(): Promise<void> {
  const fake = await startFakeFirstPromoter();
  const [v2Proxy, v1Proxy] = await Promise.all([
    startPrism(bundledSpec('v2'), { upstream: new URL(`${fake.v2BaseUrl}/`) }),
    startPrism(bundledSpec('v1'), { upstream: new URL(`${fake.v1BaseUrl}/`) }),
  ]);
  try {
    const client = createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: v2Proxy.url, fetch: checked });
    const customer = { email: 'jane.doe@example.com', uid: 'cus_Jane42' };
    const price = { amount: '49.99', currency: 'USD' };
    const { ref_id } = fake.promoter;

    console.log(`v2 API (fake FirstPromoter at ${fake.v2BaseUrl}, checked by Prism against openapi/v2)`);
    const tid = fake.visit(ref_id);
    console.log(`  a visitor clicks promoter "${ref_id}"'s link: tid ${tid}`);
    show('signup (tid from the _fprom_tid cookie)', await client.track.signup({ ...customer, tid }));
    show(`sale of ${formatMoney(4999, 'USD', 'en-US')}`, await client.track.sale({ ...customer, event_id: 'in_1001', amount: price, plan: 'pro-monthly' }));
    show('refund of part of the sale', await client.track.refund({ ...customer, event_id: 're_1001', amount: 1000, sale_event_id: 'in_1001' }));

    console.log('  FirstPromoter\'s special answers, as outcomes rather than errors:');
    show('the same sale sent again (409)', await client.track.sale({ ...customer, event_id: 'in_1001', amount: price }));
    show('sale of a customer nobody referred (404)', await client.track.sale({ email: 'walk-in@example.com', event_id: 'in_1002', amount: 1500 }));
    show('a second signup for the same customer (422)', await client.track.signup({ ...customer, tid }));
    show('cancellation', await client.track.cancellation(customer));

    const v1 = createFirstPromoterV1({ apiKey: fake.v1ApiKey, baseUrl: v1Proxy.url, fetch: checked });
    console.log(`v1 API (fake FirstPromoter at ${fake.v1BaseUrl}, checked by Prism against openapi/v1)`);
    const ken = { email: 'ken@example.com' };
    show(`signup (ref_id "${ref_id}" of the promoter)`, await v1.track.signup({ ...ken, ref_id }));
    show('sale of ¥5,000 (whole yen)', await v1.track.sale({ ...ken, event_id: 'ch_2001', amount: { amount: 5000, currency: 'JPY' } }));
    show('sale of a customer nobody referred (204)', await v1.track.sale({ email: 'walk-in@example.com', event_id: 'ch_2002', amount: 1500 }));

    console.log('Admin API: what the tracking calls created (amounts in minor units, as sent; the fake converts no currency)');
    const commissions = await toArray(paginate(client, '/company/commissions', { query: { filters: { status: 'pending' } } }), { limit: 100 });
    for (const c of commissions) console.log(`  commission ${c.id}: ${String(c.amount).padStart(5)} on ${String(c.sale_amount).padStart(5)} (event ${c.event_id}), ${c.status}`);
    const approval = await bulk(client.api.POST('/company/commissions/approve', { body: { ids: commissions.map((c) => c.id) } }));
    console.log(`  approve them all → ${approval.outcome}, batch ${approval.batch.id} ${approval.batch.status}`);
    const [payout] = await toArray(paginate(client, '/company/payouts'), { limit: 10 });
    console.log(`  payout ${payout?.id} to ${payout?.promoter?.email}: ${payout?.amount}, ${payout?.status}`);
    console.log(`Done: ${fake.requests.length} requests; Prism found no contract violation in them or in the answers.`);
  } finally {
    await Promise.all([v2Proxy.close(), v1Proxy.close(), fake.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
