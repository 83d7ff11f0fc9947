// `import` checks every row before anything is sent: a dry run lists each bad row with its line
// number and sends nothing; a real run of a file with bad rows stops before the first request; and
// --skip-invalid sends the rest and writes the bad rows back in the input's format.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, scratch, writeCsv } from './support/cli.js';
import { recordedKeys, startFake, type FakeFirstPromoter } from './support/fake.js';

let fake: FakeFirstPromoter;
beforeAll(async () => {
  // The customer of the good rows was referred before the import.
  fake = await startFake({ referrals: [{ email: 'ok@example.com' }] });
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

/** A CSV whose lines 3 to 10 each have one mistake; lines 2 and 11 are good. */
function mixedFile(dir: string): string {
  return writeCsv(dir, 'mixed.csv', [
    { type: 'sale', email: 'ok@example.com', event_id: 'in_ok_1', amount: '19.99', currency: 'USD', plan: 'pro' },
    { type: 'sale', email: 'a@example.com', event_id: 'in_3', amount: '19.999', currency: 'USD' },   // 3: too many decimals
    { type: 'sale', email: 'b@example.com', amount: '5.00', currency: 'USD' },                        // 4: no event_id
    { type: 'sale', event_id: 'in_5', amount: '5.00', currency: 'USD' },                              // 5: no email or uid
    { type: 'sael', email: 'c@example.com', event_id: 'in_6', amount: '5.00', currency: 'USD' },     // 6: unknown type
    { type: 'refund', email: 'd@example.com', event_id: 'rf_7', amount: '5.00', currency: 'XYZ' },   // 7: unknown currency
    { type: 'signup', email: 'e@example.com' },                                                       // 8: no tid or ref_id
    { type: 'sale', email: 'f@example.com', event_id: 'in_ok_1', amount: '1.00', currency: 'USD' },  // 9: same event as line 2
    { type: 'sale', email: 'g@example.com', event_id: 'in_10', amount: '1.00', currency: 'USD', plan: 'pro', quantity: '1.5' }, // 10: quantity
    { type: 'refund', email: 'ok@example.com', event_id: 'rf_ok_11', amount: '19.99', currency: 'USD' },
  ]);
}

describe('import: every row is checked before anything is sent', () => {
  it('dry run: lists every bad row with its line number and sends nothing', async () => {
    const file = mixedFile(scratch());
    const run = await runCli(['--base-url', fake.v2BaseUrl, 'import', file, '--dry-run']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines.map((line) => Number(/^.*mixed\.csv:(\d+):/.exec(line)?.[1]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines[0]).toMatch(/`amount`: Amount "19.999" USD has 3 decimal places/);
    expect(lines[1]).toMatch(/event_id/);
    expect(lines[2]).toMatch(/`email` or `uid`/);
    expect(lines[3]).toMatch(/`type` must be one of signup, sale, refund, cancellation, got "sael"/);
    expect(lines[4]).toMatch(/XYZ/);
    expect(lines[5]).toMatch(/`tid`.*`ref_id`/);
    expect(lines[6]).toMatch(/the same sale as line 2 \(event_id in_ok_1\)/);
    expect(lines[7]).toMatch(/`quantity`: must be a whole number, got "1.5"/);
    expect(run.stdout).toMatch(/dry run: 2 of 10 rows are valid, 8 invalid/);
    expect(fake.requests).toEqual([]);
  });

  it('dry run of a clean JSON Lines file: exit 0, nothing sent, no credentials needed', async () => {
    const dir = scratch();
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, [
      JSON.stringify({ type: 'sale', uid: 'cus_1', event_id: 'in_1', amount: 1999 }),
      '',
      JSON.stringify({ type: 'cancellation', uid: 'cus_1' }),
    ].join('\n'));
    const run = await runCli(['import', file, '--dry-run', '--amounts', 'minor'], { FIRSTPROMOTER_API_KEY: '', FIRSTPROMOTER_ACCOUNT_ID: '' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/dry run: 2 of 2 rows are valid; nothing was sent/);
    expect(run.code).toBe(0);
  });

  it('names a JSON line that is not an object, and a column no event has', async () => {
    const dir = scratch();
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, `${JSON.stringify({ type: 'sale', uid: 'cus_1', evnt_id: 'in_1', amount: 1999 })}\n[1,2]\n{"type":\n`);
    const run = await runCli(['import', file, '--dry-run', '--amounts', 'minor']);
    expect(run.stderr).toMatch(/events\.jsonl:1: `evnt_id` is not a field FirstPromoter knows; did you mean `event_id`\?/);
    expect(run.stderr).toMatch(/events\.jsonl:2: not a JSON object/);
    expect(run.stderr).toMatch(/events\.jsonl:3: not valid JSON/);
    expect(run.code).toBe(2);
  });

  it('a real run of a file with bad rows stops before the first request', async () => {
    const file = mixedFile(scratch());
    const run = await runCli(['--base-url', fake.v2BaseUrl, 'import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/8 of 10 rows are invalid \(listed above\); nothing was sent/);
    expect(fake.requests).toEqual([]);
  });

  it('--skip-invalid sends the good rows and writes the bad ones back, as CSV, to import again', async () => {
    const dir = scratch();
    const file = mixedFile(dir);
    const run = await runCli(['--base-url', fake.v2BaseUrl, 'import', file, '--skip-invalid', '--rate', '6000']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/tracked: 2\n/);
    expect(run.stdout).toMatch(/failed: 8 \(invalid 8\)/);
    const original = readFileSync(file, 'utf8').split('\n');
    const failed = readFileSync(join(dir, 'mixed.failed.csv'), 'utf8').split('\n');
    expect(failed).toEqual([original[0], ...original.slice(2, 10), '']);
    expect(recordedKeys(fake)).toEqual(['refund:rf_ok_11', 'sale:in_ok_1']);
    expect(fake.records.sales).toMatchObject([{ api: 'v2', email: 'ok@example.com', amount: 1999, currency: 'USD', plan: 'pro' }]);
  });
});
