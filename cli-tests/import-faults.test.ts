// `import` under injected faults (connections cut before and after FirstPromoter recorded the event,
// 503s, 429s): every row ends up recorded exactly once and answered, the summary adds up, and the exit
// status is 0. Rows that keep failing are counted by reason, written to the failed file, and a later
// import of that file records them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTrackingServer } from '../scripts/tracking-server.mjs';
import { journalEntries, runCli, sales, scratch, writeCsv } from './support/cli.js';

let server: Awaited<ReturnType<typeof startTrackingServer>> | undefined;
afterEach(() => server?.close());

/** 120 sales, 20 refunds, 10 signups and 10 sales of customers who were not referred. */
function events(): Array<Record<string, string>> {
  return [
    ...sales(120),
    ...Array.from({ length: 20 }, (_, i) => ({ type: 'refund', email: `customer${i}@example.com`, event_id: `rf_${i}`, amount: '5.00', currency: 'EUR' })),
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'signup', email: `lead${i}@example.com`, ref_id: 'jane20' })),
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'sale', email: `stranger${i}@not-referred.test`, event_id: `nr_${i}`, amount: '1.00', currency: 'USD' })),
  ];
}

describe('import under faults', () => {
  it('records every row exactly once and answers every row', async () => {
    server = await startTrackingServer({
      retryAfter: '0.05',
      // About one request in four goes wrong, in every way the transport retries.
      fault: ({ index }) => (['reset-after', 'reset-before', 503, 429] as const)[index % 16] ?? undefined,
    });
    const dir = scratch();
    const file = writeCsv(dir, 'events.csv', events());
    const run = await runCli(['--base-url', server.url, 'import', file, '--rate', '6000', '--concurrency', '16']);
    expect(run.stderr).toMatch(/progress: 160\/160 rows \(100%\)/);
    expect(run.code).toBe(0);

    const keys = [...sales(120).map((r) => `sale:${r.event_id}`), ...Array.from({ length: 20 }, (_, i) => `refund:rf_${i}`), ...Array.from({ length: 10 }, (_, i) => `signup:lead${i}@example.com`)];
    expect([...server.recorded.keys()].sort()).toEqual(keys.map((key) => `v2:${key}`).sort());
    expect([...server.recorded.values()].every((times) => times === 1)).toBe(true);

    // A cut after recording comes back as duplicate on the retry: recorded once, reported as such.
    const duplicates = Number(/duplicate: (\d+)/.exec(run.stdout)?.[1]);
    expect(duplicates).toBeGreaterThan(0);
    expect(run.stdout).toContain(`tracked: ${150 - duplicates}\n`);
    expect(run.stdout).toContain('not_referral: 10\n');
    expect(run.stdout).toContain('failed: 0\n');
    const entries = journalEntries(`${file}.journal`);
    expect(entries).toHaveLength(160);
    expect(new Set(entries.map((e) => e.key)).size).toBe(160);
    expect(existsSync(join(dir, 'events.failed.csv'))).toBe(false);
  });

  it('counts rows that keep failing by reason, writes them back, and a later import of that file records them', async () => {
    let broken = true;
    server = await startTrackingServer({ fault: ({ key }) => (broken && /sale:in_(3|4)\d$/.test(key) ? 503 : undefined) });
    const dir = scratch();
    const file = writeCsv(dir, 'sales.csv', sales(50));
    const first = await runCli(['--base-url', server.url, '--max-retries', '1', 'import', file, '--rate', '6000']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('tracked: 30\n');
    expect(first.stdout).toContain('failed: 20 (http_503 20)\n');
    const failedFile = join(dir, 'sales.failed.csv');
    expect(first.stdout).toContain(`failed rows: ${failedFile}`);
    const failedRows = readFileSync(failedFile, 'utf8').trim().split('\n');
    expect(failedRows[0]).toBe('type,email,event_id,amount,currency');
    expect(failedRows.slice(1).map((line) => line.split(',')[2])).toEqual(Array.from({ length: 20 }, (_, i) => `in_${30 + i}`));

    broken = false;
    const retry = await runCli(['--base-url', server.url, 'import', failedFile, '--rate', '6000']);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('tracked: 20\n');
    expect(server.recorded.size).toBe(50);
    expect([...server.recorded.values()].every((times) => times === 1)).toBe(true);
  });
});
