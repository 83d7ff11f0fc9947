// `npm run demo`: the client's main job, tracking a referred customer's life (signup → sale → refund →
// cancellation), run against embedded Prism mocks of our own specs. No credentials, no network: the
// mock checks every request against the contract and answers with the spec's examples.
import { fileURLToPath } from 'node:url';
import { createFirstPromoter, formatMoney, type TrackOutcome } from '../src/index.js';
import { createFirstPromoterV1 } from '../src/v1.js';
import { startMock } from './prism-mock.js';

const spec = (api: string) => fileURLToPath(new URL(`../generated/${api}.openapi.yaml`, import.meta.url));
const demoCredentials = { apiKey: 'demo-key', accountId: 'demo-account' };

/** Prism picks the answer from the `Prefer` header; the demo uses it to show FirstPromoter's special answers. */
function mockAnswering(code?: number): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (code) headers.set('Prefer', `code=${code}`);
    const response = await fetch(input, { ...init, headers });
    const violations = response.headers.get('sl-violations');
    if (violations) throw new Error(`The mock rejected the request: ${violations}`);
    return response;
  };
}

function show(step: string, result: TrackOutcome<unknown>): void {
  const detail = result.outcome === 'tracked' ? `id ${(result.data as { id?: number }).id}` : result.message ?? '';
  console.log(`  ${step.padEnd(40)} → ${result.outcome.padEnd(12)} (HTTP ${result.status}) ${detail}`);
}

async function main(): Promise<void> {
  const [v2Mock, v1Mock] = await Promise.all([startMock(spec('v2')), startMock(spec('v1'))]);
  try {
    const client = createFirstPromoter({ ...demoCredentials, baseUrl: v2Mock.url, fetch: mockAnswering() });
    const customer = { email: 'jane.doe@example.com', uid: 'cus_Jane42' };
    const price = { amount: '49.99', currency: 'USD' };

    console.log(`v2 API (mock of openapi/v2 at ${v2Mock.url})`);
    show('signup (tid from the _fprom_tid cookie)', await client.track.signup({ ...customer, tid: 'a1b2c3d4-visitor' }));
    show(`sale of ${formatMoney(4999, 'USD', 'en-US')}`, await client.track.sale({ ...customer, event_id: 'in_1001', amount: price, plan: 'pro-monthly' }));
    show('refund of the sale', await client.track.refund({ ...customer, event_id: 're_1001', amount: price, sale_event_id: 'in_1001' }));
    show('cancellation', await client.track.cancellation(customer));

    console.log('  FirstPromoter\'s special answers, as outcomes rather than errors:');
    const replay = createFirstPromoter({ ...demoCredentials, baseUrl: v2Mock.url, fetch: mockAnswering(409) });
    show('same sale sent again (409)', await replay.track.sale({ ...customer, event_id: 'in_1001', amount: price }));
    const stranger = createFirstPromoter({ ...demoCredentials, baseUrl: v2Mock.url, fetch: mockAnswering(404) });
    show('sale of a non-referred customer', await stranger.track.sale({ email: 'walk-in@example.com', event_id: 'in_1002', amount: 1500 }));

    const v1 = createFirstPromoterV1({ apiKey: 'demo-v1-key', baseUrl: v1Mock.url, fetch: mockAnswering() });
    console.log(`v1 API (mock of openapi/v1 at ${v1Mock.url})`);
    show('signup (ref_id of the promoter)', await v1.track.signup({ ...customer, ref_id: 'jane20' }));
    show('sale of ¥5,000 (whole yen)', await v1.track.sale({ ...customer, event_id: 'ch_2001', amount: { amount: 5000, currency: 'JPY' } }));
    const v1NotReferral = createFirstPromoterV1({ apiKey: 'demo-v1-key', baseUrl: v1Mock.url, fetch: mockAnswering(204) });
    show('sale of a non-referred customer', await v1NotReferral.track.sale({ email: 'walk-in@example.com', event_id: 'ch_2002', amount: 1500 }));
    show('cancellation', await v1.track.cancellation(customer));
    console.log('Done: every request above passed the mock\'s contract validation.');
  } finally {
    await Promise.all([v2Mock.close(), v1Mock.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
