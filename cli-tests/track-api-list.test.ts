// `track`, `api` and `list` through the built executable: outcomes and exit statuses, v1 form bodies,
// any operation of the table with path parameters and bracket queries, suggestions for a mistyped
// path, lists paged to the end as JSON Lines, and credentials that never show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { startFake, type FakeFirstPromoter } from './support/fake.js';

/** 300 more promoters, every sixth accepted and the rest (250) pending; 250 referred customers besides Jane and cus_9. */
const PROMOTERS = Array.from({ length: 300 }, (_, i) => ({ email: `promoter${i}@example.com`, state: i % 6 === 5 ? 'accepted' as const : 'pending' as const }));
const CUSTOMERS = Array.from({ length: 250 }, (_, i) => ({ email: `customer${i}@example.com` }));

let fake: FakeFirstPromoter;
let url: string;
beforeAll(async () => {
  fake = await startFake({ promoters: PROMOTERS, referrals: [{ email: 'jane@example.com' }, { uid: 'cus_9' }, ...CUSTOMERS] });
  url = fake.v2BaseUrl;
});
afterAll(() => fake.close());

describe('track', () => {
  const sale = ['track', 'sale', '--email', 'jane@example.com', '--event-id', 'in_cli_1', '--amount', '19.99', '--currency', 'USD', '--plan', 'pro'];

  it('prints each outcome and exits 0 for all of them', async () => {
    const first = await runCli(['--base-url', url, ...sale]);
    expect([first.code, first.stdout]).toEqual([0, 'tracked (HTTP 200)\n']);
    const again = await runCli(['--base-url', url, ...sale]);
    expect(again.stdout).toMatch(/^duplicate \(HTTP 409\): The 'sale' event with the id 'in_cli_1' already exists\.\n$/);
    const stranger = await runCli(['--base-url', url, 'track', 'sale', '--email', 'x@not-referred.test', '--event-id', 'in_cli_2', '--amount', '1', '--currency', 'JPY', '--json']);
    expect(JSON.parse(stranger.stdout)).toMatchObject({ outcome: 'not_referral', status: 404 });
    expect(fake.records.sales).toMatchObject([{ api: 'v2', event_id: 'in_cli_1', email: 'jane@example.com', amount: 1999, currency: 'USD', plan: 'pro' }]);
  });

  it('sends v1 with --v1: a form body with amounts in cents as text', async () => {
    const run = await runCli(['--v1', '--base-url', fake.v1BaseUrl, 'track', 'refund', '--uid', 'cus_9', '--event-id', 'rf_cli', '--amount', '12.50', '--currency', 'EUR', '--created-at', '2025-03-01T10:00:00Z']);
    expect(run.stdout).toBe('tracked (HTTP 200)\n');
    expect(fake.records.refunds).toMatchObject([{ api: 'v1', event_id: 'rf_cli', uid: 'cus_9', amount: 1250 }]);
    const sent = fake.requests.at(-1)!;
    expect(sent.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent.body).toMatchObject({ uid: 'cus_9', event_id: 'rf_cli', amount: '1250' });
  });

  it('refuses bad input with exit 2 before sending, and a failed call with exit 1', async () => {
    const before = fake.requests.length;
    const bad = await runCli(['--base-url', url, 'track', 'sale', '--email', 'a@example.com', '--event-id', 'in_x', '--amount', '19.99']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/needs a currency to be converted: add a currency column or pass --currency/);
    const v1Only = await runCli(['--base-url', url, 'track', 'sale', '--email', 'a@example.com', '--event-id', 'in_x', '--amount', '5', '--amounts', 'minor', '--created-at', '2025-01-01']);
    expect(v1Only.stderr).toMatch(/`created_at` is not a field of v2 sale \(v1's sale takes it: --v1\)/);
    expect(fake.requests).toHaveLength(before);
    const refused = await runCli(['--base-url', `${fake.origin}/nowhere`, '--max-retries', '0', ...sale]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: FirstPromoter answered 404 to POST \/track\/sale/);
  });

  it('says which variable or flag a missing credential comes from, and never echoes a mistyped key flag', async () => {
    const missing = await runCli(['--base-url', url, ...sale], { FIRSTPROMOTER_ACCOUNT_ID: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: Missing Account-ID: pass --account-id or set FIRSTPROMOTER_ACCOUNT_ID.\n');
    const typo = await runCli(['--api-kye=sk_live_cli_canary_v2_key_7f3a', ...sale]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown option '--api-kye=…'/);
  });
});

describe('api', () => {
  it('calls the operation the path names, with path parameters and bracket queries, and prints JSON', async () => {
    const run = await runCli(['--base-url', url, 'api', 'get', `/company/promoters/${fake.promoter.email}`, '--query', 'find_by=email']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: fake.promoter.id, email: fake.promoter.email });
    expect(fake.requests.at(-1)).toMatchObject({ operationId: 'getPromoter', query: { find_by: 'email' } });
  });

  it('answers a mistyped path with the closest operations, and a wrong method with the right ones', async () => {
    const typo = await runCli(['--base-url', url, 'api', 'GET', '/company/promotors/7']);
    expect(typo.code).toBe(2);
    expect(typo.stderr.split('\n').slice(1, 4)).toEqual(['  GET /company/promoters/{id}', '  PUT /company/promoters/{id}', '  GET /company/promoters']);
    const method = await runCli(['--base-url', url, 'api', 'POST', '/company/promoters/7']);
    expect(method.stderr).toMatch(/^error: POST \/company\/promoters\/7 is not an operation: \/company\/promoters\/\{id\} takes GET, PUT\. The closest:\n/);
    const body = await runCli(['--base-url', url, 'api', 'GET', '/company/promoters', '--data', '{}']);
    expect(body.stderr).toMatch(/takes no body/);
  });
});

describe('list', () => {
  it('pages to the end and prints one JSON object per row', async () => {
    const run = await runCli(['--base-url', url, 'list', '/company/promoters', '--query', 'filters[state]=pending']);
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; email: string; promoter_campaigns: Array<{ state: string }> });
    // Every pending promoter once, in order (the starting promoter, id 1, and every sixth are accepted).
    const pending = fake.records.promoters.filter((p) => p.state === 'pending');
    expect(pending).toHaveLength(250);
    expect(rows.map((row) => row.id)).toEqual(pending.map((p) => p.id));
    expect(new Set(rows.flatMap((row) => row.promoter_campaigns.map((c) => c.state)))).toEqual(new Set(['pending']));
  });

  it('walks bare-array lists too, and refuses a path that is not a list', async () => {
    const run = await runCli(['--base-url', url, 'list', '/company/referrals', '--per-page', '40']);
    const ids = run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids).toHaveLength(252);
    expect(ids).toEqual(fake.records.leads.map((lead) => lead.id));
    expect(fake.requests.filter((r) => r.operationId === 'listReferrals').map((r) => r.query)).toEqual(
      Array.from({ length: 7 }, (_, i) => ({ page: String(i + 1), per_page: '40' })),
    );
    const notList = await runCli(['--base-url', url, 'list', '/company/promoters/7']);
    expect(notList.code).toBe(2);
    expect(notList.stderr).toMatch(/matches no list of the spec\. The closest:\n {2}GET \/company\/promoters\n/);
  });
});
