// The journal on disk: accepted rows are remembered across runs, failed ones are not, a line cut short
// by a kill is ignored and later entries still start on a line of their own, and a journal written
// for another API or host is refused rather than trusted.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes.js';
import { openJournal } from './journal.js';

const target = { api: 'v2', baseUrl: 'https://api.firstpromoter.com/api/v2' };
const fresh = () => join(mkdtempSync(join(tmpdir(), 'fp-journal-')), 'sales.csv.journal');

describe('openJournal', () => {
  it('remembers accepted rows across runs, and not failed ones', () => {
    const path = fresh();
    const first = openJournal(path, target);
    expect(first.done.size).toBe(0);
    first.append({ key: 'sale:in_1', line: 2, outcome: 'tracked', status: 200 });
    first.append({ key: 'sale:in_2', line: 3, outcome: 'duplicate', status: 409 });
    first.append({ key: 'sale:in_3', line: 4, outcome: 'failed', reason: 'http_503' });
    first.append({ key: 'sale:in_4', line: 5, outcome: 'not_referral', status: 404 });
    first.close();
    expect([...openJournal(path, target).done.keys()]).toEqual(['sale:in_1', 'sale:in_2', 'sale:in_4']);
  });

  it('ignores a line cut short by a kill, and starts the next entry on a new line', () => {
    const path = fresh();
    const journal = openJournal(path, target);
    journal.append({ key: 'sale:in_1', line: 2, outcome: 'tracked' });
    journal.close();
    appendFileSync(path, '{"key":"sale:in_2","line":3,"outc');
    const resumed = openJournal(path, target);
    expect([...resumed.done.keys()]).toEqual(['sale:in_1']);
    resumed.append({ key: 'sale:in_2', line: 3, outcome: 'tracked' });
    resumed.close();
    expect([...openJournal(path, target).done.keys()]).toEqual(['sale:in_1', 'sale:in_2']);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(5);
  });

  it('refuses a journal of another target, and a file that is no journal', () => {
    const path = fresh();
    openJournal(path, { api: 'v2', baseUrl: 'http://127.0.0.1:4010/api/v2' }).close();
    expect(() => openJournal(path, target)).toThrow(UsageError);
    expect(() => openJournal(path, target)).toThrow(/written for v2 at http:\/\/127\.0\.0\.1:4010\/api\/v2, not v2 at https:\/\/api\.firstpromoter\.com/);
    const other = fresh();
    writeFileSync(other, 'type,email\n');
    expect(() => openJournal(other, target)).toThrow(/is not an import journal/);
  });
});
