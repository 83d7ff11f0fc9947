// The import's journal: an append-only JSON Lines file with one entry per answered row, written to the
// operating system before the next row is counted, so it survives a crash, kill -9 or Ctrl-C of this
// process. A re-run reads it and skips every row FirstPromoter accepted (tracked, duplicate,
// not_referral); rows that failed or whose answer never came are sent again, which their event_id makes
// safe. (A power cut may lose the last entries: those rows are then sent again, and dedupe.) The
// first line names the API and host, so a journal of a test run against a mock never skips a real run.
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { TrackOutcome } from '../core/outcomes.js';
import { UsageError } from './exit-codes.js';

/** The client's outcome of a row, or `failed` when its call threw. */
export type RowOutcome = TrackOutcome<unknown>['outcome'] | 'failed';

export interface JournalEntry {
  key: string;
  line: number;
  outcome: RowOutcome;
  status?: number;
  /** For failures: a short machine-readable reason such as `http_422` or `connection`. */
  reason?: string;
  message?: string;
}

export interface JournalTarget {
  api: string;
  baseUrl: string;
}

export interface Journal {
  /** Rows FirstPromoter accepted in an earlier run, by key. */
  readonly done: ReadonlyMap<string, JournalEntry>;
  append(entry: JournalEntry): void;
  close(): void;
}

const ACCEPTED: ReadonlySet<RowOutcome> = new Set<TrackOutcome<unknown>['outcome']>(['tracked', 'duplicate', 'not_referral']);
const FORMAT = 'firstpromoter-import-journal';

export function openJournal(path: string, target: JournalTarget): Journal {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const done = text === '' ? new Map<string, JournalEntry>() : answeredRows(path, text, target);
  const fd = openSync(path, 'a');
  if (text === '') writeSync(fd, `${JSON.stringify({ journal: FORMAT, ...target })}\n`);
  else if (!text.endsWith('\n')) writeSync(fd, '\n');
  return {
    done,
    append(entry) {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
    },
    close() {
      closeSync(fd);
    },
  };
}

function answeredRows(path: string, text: string, target: JournalTarget): Map<string, JournalEntry> {
  const [first = '', ...lines] = text.split('\n');
  const header = parseLine(first);
  if (header?.journal !== FORMAT) throw new UsageError(`${path} is not an import journal; pass another --journal.`);
  if (header.api !== target.api || header.baseUrl !== target.baseUrl) {
    throw new UsageError(`The journal ${path} was written for ${String(header.api)} at ${String(header.baseUrl)}, not ${target.api} at ${target.baseUrl}: ` +
      'pass another --journal for this target.');
  }
  const done = new Map<string, JournalEntry>();
  // A line cut short by a kill does not parse: its row counts as not answered and is sent again.
  for (const line of lines) {
    const entry = parseLine(line) as JournalEntry | undefined;
    if (entry && typeof entry.key === 'string' && ACCEPTED.has(entry.outcome)) done.set(entry.key, entry);
  }
  return done;
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
