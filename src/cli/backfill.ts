// Sends checked rows through the client with a bounded number in flight, each answer journaled before
// the next row of its worker starts. Pacing is the client's rate limiter (one for all workers); retries
// are the client's. `stop` lets the rows in flight finish and starts no more (first Ctrl-C); `abort`
// cancels those in flight too (second Ctrl-C): their outcome is unknown, so they are not journaled and
// a re-run sends them again.
import { AbortError, APIError, ConnectionError, RedirectError, TimeoutError, ValidationError } from '../core/errors.js';
import { RateLimitStoreError } from '../core/store-error.js';
import type { LooseTracking } from './clients.js';
import type { Journal, JournalEntry, RowOutcome } from './journal.js';
import type { TrackingRow } from './rows.js';

export interface RowResult {
  row: TrackingRow;
  outcome: RowOutcome;
  status?: number;
  reason?: string;
  message?: string;
}

export interface BackfillRun {
  rows: readonly TrackingRow[];
  track: LooseTracking;
  concurrency: number;
  journal: Journal;
  /** Start no more rows. */
  stop: AbortSignal;
  /** Cancel the rows in flight as well. */
  abort: AbortSignal;
  onResult(result: RowResult): void;
}

/** Runs until every row is answered or `stop` fires; resolves with the answered rows. */
export async function runBackfill(run: BackfillRun): Promise<RowResult[]> {
  const results: RowResult[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (!run.stop.aborted && next < run.rows.length) {
      const row = run.rows[next++] as TrackingRow;
      const result = await sendRow(row, run.track, run.abort);
      if (result === undefined) continue;
      const entry: JournalEntry = { key: row.key, line: row.line, outcome: result.outcome };
      if (result.status !== undefined) entry.status = result.status;
      if (result.reason !== undefined) entry.reason = result.reason;
      if (result.message !== undefined) entry.message = result.message;
      run.journal.append(entry);
      results.push(result);
      run.onResult(result);
    }
  }
  await Promise.all(Array.from({ length: Math.min(run.concurrency, run.rows.length) }, worker));
  return results;
}

/** The row's answer, or undefined when it was cancelled and its outcome is unknown. */
async function sendRow(row: TrackingRow, track: LooseTracking, abort: AbortSignal): Promise<RowResult | undefined> {
  try {
    const answer = await track[row.type](row.params, { signal: abort });
    return { row, outcome: answer.outcome, status: answer.status };
  } catch (error) {
    if (error instanceof AbortError && abort.aborted) return undefined;
    return { row, outcome: 'failed', ...failure(error) };
  }
}

/** A short reason for counting (`http_422`, `timeout`...) and the client's message, which holds no secret. */
function failure(error: unknown): { reason: string; message: string; status?: number } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof APIError) return { reason: `http_${error.status}`, message, status: error.status };
  if (error instanceof TimeoutError) return { reason: 'timeout', message };
  if (error instanceof ConnectionError) return { reason: 'connection', message };
  if (error instanceof RedirectError) return { reason: 'redirect', message };
  if (error instanceof ValidationError) return { reason: 'invalid', message };
  if (error instanceof RateLimitStoreError) return { reason: 'rate_limit_store', message };
  return { reason: 'error', message };
}
