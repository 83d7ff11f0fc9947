// A backfill survives being killed: after kill -9 (or Ctrl-C) in the middle, running the same command
// again completes the file with no event recorded twice and no row that had its answer journaled sent
// again; only rows in flight at the kill may go out twice, and FirstPromoter's dedupe answers those.
import { afterEach, describe, expect, it } from 'vitest';
import { journalEntries, runCli, sales, scratch, startCli, writeCsv, type Running } from './support/cli.js';
import { recordedKeys, referredCustomers, sentCounts, startFake, type FakeFirstPromoter } from './support/fake.js';

let fake: FakeFirstPromoter | undefined;
afterEach(() => fake?.close());

/** Resolves once the journal has at least `count` entries. */
async function journalReaches(path: string, count: number, run: Running): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    let entries = 0;
    try {
      entries = journalEntries(path).length;
    } catch {
      entries = 0;
    }
    if (entries >= count) return;
    if (run.child.exitCode !== null) throw new Error(`the import ended early: ${run.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the journal did not grow');
}

const ROWS = 200;
const allSales = (prefix: string) => sales(ROWS, prefix).map((row) => `sale:${row.event_id}`).sort();
/** The fake with the sales' customers referred, answering each call 15 ms after it recorded it. */
const startSlowFake = () => startFake({ referrals: referredCustomers(ROWS), latencyMs: 15 });

describe('resuming an import', () => {
  it('after kill -9: the re-run completes, records nothing twice and resends no answered row', async () => {
    fake = await startSlowFake();
    const file = writeCsv(scratch(), 'sales.csv', sales(ROWS));
    const args = ['--base-url', fake.v2BaseUrl, 'import', file, '--rate', '6000', '--concurrency', '8'];
    const first = startCli(args);
    await journalReaches(`${file}.journal`, 60, first);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const answered = new Set(journalEntries(`${file}.journal`).filter((e) => e.outcome === 'tracked').map((e) => e.key));
    expect(answered.size).toBeGreaterThanOrEqual(60);
    expect(answered.size).toBeLessThan(ROWS);
    const sentBefore = sentCounts(fake);

    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`already done (journal): ${answered.size}\n`);
    expect(second.stdout).toContain('failed: 0\n');
    // Every row is recorded, each exactly once.
    expect(recordedKeys(fake)).toEqual(allSales('in'));
    const sentAfter = sentCounts(fake);
    // No answered row was sent again.
    for (const key of answered) expect(sentAfter.get(key), key).toBe(sentBefore.get(key));
    // Rows FirstPromoter got but whose answer the kill lost went out once more and were answered as duplicates.
    const inFlight = [...sentBefore.keys()].filter((key) => !answered.has(key));
    for (const key of inFlight) expect(sentAfter.get(key), key).toBe(2);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(second.stdout).toContain(`duplicate: ${inFlight.length}\n`);
  });

  it('after Ctrl-C: in-flight rows finish and are journaled, exit 130, and the same command finishes the rest', async () => {
    fake = await startSlowFake();
    const file = writeCsv(scratch(), 'sales.csv', sales(ROWS, 'ctrl'));
    const args = ['--base-url', fake.v2BaseUrl, 'import', file, '--rate', '6000', '--concurrency', '8'];
    const first = startCli(args);
    await journalReaches(`${file}.journal`, 40, first);
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/stopping: waiting for the rows in flight/);
    expect(stopped.stdout).toMatch(/not sent \(interrupted\): \d+/);
    // Everything FirstPromoter answered before the stop is in the journal: nothing is left in doubt.
    const journaled = journalEntries(`${file}.journal`).map((e) => e.key);
    expect(journaled.sort()).toEqual([...sentCounts(fake).keys()].sort());

    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`already done (journal): ${journaled.length}\n`);
    expect(second.stdout).toContain(`tracked: ${ROWS - journaled.length}\n`);
    expect([...sentCounts(fake).values()].every((times) => times === 1)).toBe(true);
    expect(recordedKeys(fake)).toEqual(allSales('ctrl'));
  });
});
