// A backfill survives being killed: after kill -9 (or Ctrl-C) in the middle, running the same command
// again completes the file with no event recorded twice and no row that had its answer journaled sent
// again; only rows in flight at the kill may go out twice, and FirstPromoter's dedupe answers those.
import { afterEach, describe, expect, it } from 'vitest';
import { startTrackingServer } from '../scripts/tracking-server.mjs';
import { journalEntries, runCli, sales, scratch, startCli, writeCsv, type Running } from './support/cli.js';

let server: Awaited<ReturnType<typeof startTrackingServer>> | undefined;
afterEach(() => server?.close());

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

describe('resuming an import', () => {
  it('after kill -9: the re-run completes, records nothing twice and resends no answered row', async () => {
    server = await startTrackingServer({ latencyMs: 15 });
    const file = writeCsv(scratch(), 'sales.csv', sales(ROWS));
    const args = ['--base-url', server.url, 'import', file, '--rate', '6000', '--concurrency', '8'];
    const first = startCli(args);
    await journalReaches(`${file}.journal`, 60, first);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const answered = new Set(journalEntries(`${file}.journal`).filter((e) => e.outcome === 'tracked').map((e) => `v2:${e.key}`));
    expect(answered.size).toBeGreaterThanOrEqual(60);
    expect(answered.size).toBeLessThan(ROWS);
    const sentBefore = new Map(server.received);

    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`already done (journal): ${answered.size}\n`);
    expect(second.stdout).toContain('failed: 0\n');
    // Every row is recorded, each exactly once.
    expect(server.recorded.size).toBe(ROWS);
    expect([...server.recorded.values()].every((times) => times === 1)).toBe(true);
    // No answered row was sent again; the ones in flight at the kill came back as duplicates.
    for (const key of answered) expect(server.received.get(key), key).toBe(sentBefore.get(key));
    // Rows FirstPromoter got but whose answer the kill lost went out once more and were answered as duplicates.
    const inFlight = [...sentBefore.keys()].filter((key) => !answered.has(key));
    for (const key of inFlight) expect(server.received.get(key), key).toBe(2);
    expect(second.stdout).toContain(`duplicate: ${inFlight.length}\n`);
  });

  it('after Ctrl-C: in-flight rows finish and are journaled, exit 130, and the same command finishes the rest', async () => {
    server = await startTrackingServer({ latencyMs: 15 });
    const file = writeCsv(scratch(), 'sales.csv', sales(ROWS, 'ctrl'));
    const args = ['--base-url', server.url, 'import', file, '--rate', '6000', '--concurrency', '8'];
    const first = startCli(args);
    await journalReaches(`${file}.journal`, 40, first);
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/stopping: waiting for the rows in flight/);
    expect(stopped.stdout).toMatch(/not sent \(interrupted\): \d+/);
    // Everything FirstPromoter answered before the stop is in the journal: nothing is left in doubt.
    const journaled = journalEntries(`${file}.journal`).map((e) => `v2:${e.key}`);
    expect(journaled.sort()).toEqual([...server.received.keys()].sort());

    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`already done (journal): ${journaled.length}\n`);
    expect(second.stdout).toContain(`tracked: ${ROWS - journaled.length}\n`);
    expect([...server.received.values()].every((times) => times === 1)).toBe(true);
    expect(server.recorded.size).toBe(ROWS);
  });
});
