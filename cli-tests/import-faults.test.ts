// `import` under injected faults (the fake's switches: connections cut before and after FirstPromoter
// recorded the event, 5xx, 429s): every row ends up recorded exactly once and answered, the summary
// adds up, and the exit status is 0. Rows that keep failing are counted by reason, written to the
// failed file, and a later import of that file records them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeRequest, Injection } from '../src/testing.js';
import { journalEntries, runCli, sales, scratch, writeCsv } from './support/cli.js';
import { eventKey, recordedKeys, referredCustomers, startFake, type FakeFirstPromoter } from './support/fake.js';

let fake: FakeFirstPromoter | undefined;
afterEach(() => fake?.close());

/** 120 sales, 20 refunds, 10 signups and 10 sales of customers who were not referred. */
function events(refId: string): Array<Record<string, string>> {
  return [
    ...sales(120),
    ...Array.from({ length: 20 }, (_, i) => ({ type: 'refund', email: `customer${i}@example.com`, event_id: `rf_${i}`, amount: '5.00', currency: 'EUR' })),
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'signup', email: `lead${i}@example.com`, ref_id: refId })),
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'sale', email: `stranger${i}@not-referred.test`, event_id: `nr_${i}`, amount: '1.00', currency: 'USD' })),
  ];
}

/** Injects `fault` into the `attempt`-th request (from 1) of every event whose number ends in `digit`. */
function faultAttempt(f: FakeFirstPromoter, digit: number, attempt: number, fault: Injection): void {
  const key = (request: FakeRequest) => eventKey(request) ?? '';
  // The request being matched is already in fake.requests, so this counts it.
  const attemptOf = (request: FakeRequest) => f.requests.filter((r) => key(r) === key(request)).length;
  f.faults.next(10_000, fault, { match: (request) => /(\d+)\D*$/.exec(key(request))?.[1]?.endsWith(String(digit)) === true && attemptOf(request) === attempt });
}

describe('import under faults', () => {
  it('records every row exactly once and answers every row', async () => {
    fake = await startFake({ referrals: referredCustomers(120) });
    // Half the rows go wrong at least once, in every way the transport retries; rows ending in 5 twice.
    faultAttempt(fake, 1, 1, 'reset_after');
    faultAttempt(fake, 2, 1, 'reset_before');
    faultAttempt(fake, 3, 1, 'empty_503');
    faultAttempt(fake, 4, 1, { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '0.05' } });
    faultAttempt(fake, 5, 1, 'reset_after');
    faultAttempt(fake, 5, 2, 'status_500');
    const dir = scratch();
    const file = writeCsv(dir, 'events.csv', events(fake.promoter.ref_id));
    const run = await runCli(['--base-url', fake.v2BaseUrl, 'import', file, '--rate', '6000', '--concurrency', '16']);
    expect(run.stderr).toMatch(/progress: 160\/160 rows \(100%\)/);
    expect(run.code).toBe(0);

    const keys = [...sales(120).map((r) => `sale:${r.event_id}`), ...Array.from({ length: 20 }, (_, i) => `refund:rf_${i}`), ...Array.from({ length: 10 }, (_, i) => `signup:lead${i}@example.com`)];
    expect(recordedKeys(fake)).toEqual(keys.sort());
    expect(fake.faults.counts).toMatchObject({ reset_after: 32, reset_before: 16, empty_503: 16, answer: 16, status_500: 16 });

    // A cut after recording comes back as duplicate on the retry: recorded once, reported as such. Of
    // the 150 referred rows, 30 end in 1 or 5.
    expect(run.stdout).toContain('duplicate: 30\n');
    expect(run.stdout).toContain('tracked: 120\n');
    expect(run.stdout).toContain('not_referral: 10\n');
    expect(run.stdout).toContain('failed: 0\n');
    const entries = journalEntries(`${file}.journal`);
    expect(entries).toHaveLength(160);
    expect(new Set(entries.map((e) => e.key)).size).toBe(160);
    expect(existsSync(join(dir, 'events.failed.csv'))).toBe(false);
  });

  it('counts rows that keep failing by reason, writes them back, and a later import of that file records them', async () => {
    fake = await startFake({ referrals: referredCustomers(50) });
    fake.faults.next(10_000, 'empty_503', { match: (request) => /^sale:in_(3|4)\d$/.test(eventKey(request) ?? '') });
    const dir = scratch();
    const file = writeCsv(dir, 'sales.csv', sales(50));
    const first = await runCli(['--base-url', fake.v2BaseUrl, '--max-retries', '1', 'import', file, '--rate', '6000']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('tracked: 30\n');
    expect(first.stdout).toContain('failed: 20 (http_503 20)\n');
    // --max-retries 1: each failing row was tried twice.
    expect(fake.faults.counts.empty_503).toBe(40);
    const failedFile = join(dir, 'sales.failed.csv');
    expect(first.stdout).toContain(`failed rows: ${failedFile}`);
    const failedRows = readFileSync(failedFile, 'utf8').trim().split('\n');
    expect(failedRows[0]).toBe('type,email,event_id,amount,currency');
    expect(failedRows.slice(1).map((line) => line.split(',')[2])).toEqual(Array.from({ length: 20 }, (_, i) => `in_${30 + i}`));

    fake.faults.clear();
    const retry = await runCli(['--base-url', fake.v2BaseUrl, 'import', failedFile, '--rate', '6000']);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('tracked: 20\n');
    expect(recordedKeys(fake)).toEqual(sales(50).map((r) => `sale:${r.event_id}`).sort());
  });
});
