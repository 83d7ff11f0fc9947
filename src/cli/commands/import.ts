// `firstpromoter import FILE`: a resumable backfill. Every row is checked before anything is sent
// (--dry-run stops there); then the rows the journal does not know as accepted go out at --rate with
// --concurrency in flight, each answer journaled; the summary counts every row of the file, failed
// rows are written back in the input's format, and the exit status is 1 when any row failed.
import type { Command } from 'commander';
import { createRateLimiter } from '../../core/rate-limit.js';
import { runBackfill } from '../backfill.js';
import { checkFile } from '../check-file.js';
import { apiName, createCliClient, credentialsOf, type GlobalOptions } from '../clients.js';
import { EXIT } from '../exit-codes.js';
import { defaultFailedPath, writeFailedRows } from '../failed-file.js';
import { readInput } from '../input.js';
import { interruption } from '../interruption.js';
import { openJournal } from '../journal.js';
import { amountsUnit, positiveInteger, trackType } from '../parse-flags.js';
import { startProgress, type Progress } from '../progress.js';
import { openRedisStore } from '../redis.js';
import type { TrackingRow } from '../rows.js';
import { summaryLines } from '../summary.js';

const STOPPING = 'stopping: waiting for the rows in flight (again to abandon them; running the same command resumes)';

export interface ImportOptions {
  type?: string;
  amounts: string;
  currency?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rate: number;
  concurrency: number;
  journal?: string;
  failed?: string;
  redis?: string;
  progressInterval: number;
}

export function registerImport(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program.command('import')
    .description('Send a CSV or JSON Lines file of tracking events, resumably, at the rate limit')
    .argument('<file>', '.csv (header of field names) or .jsonl; columns are FirstPromoter\'s field names plus `type`')
    .option('--type <type>', 'event type of rows without a `type` column: signup, sale, refund or cancellation')
    .option('--amounts <unit>', 'amounts are `decimal` (19.99, with a currency) or `minor` units (1999)', 'decimal')
    .option('--currency <code>', 'currency of rows without a `currency` value, e.g. USD')
    .option('--dry-run', 'check every row and stop; nothing is sent')
    .option('--skip-invalid', 'send the valid rows and write the invalid ones to the failed file, instead of stopping')
    .option('--rate <per-minute>', 'requests per minute, retries included (FirstPromoter allows 400)', positiveInteger('--rate'), 390)
    .option('--concurrency <n>', 'rows in flight at once', positiveInteger('--concurrency'), 8)
    .option('--journal <path>', 'the journal that makes a re-run resume (default: FILE.journal)')
    .option('--failed <path>', 'where failed rows go, in the input\'s format (default: FILE without extension + .failed + extension)')
    .option('--redis <url>', 'share the account\'s budget with other processes through this Redis (needs ioredis; default $FIRSTPROMOTER_REDIS_URL)')
    .option('--progress-interval <seconds>', 'seconds between progress lines when stderr is not a terminal', positiveInteger('--progress-interval'), 10)
    .action((file: string, options: ImportOptions, command: Command) => run(() => importFile(file, options, command.optsWithGlobals<GlobalOptions>())));
}

async function importFile(file: string, options: ImportOptions, globals: GlobalOptions): Promise<number> {
  const input = readInput(file);
  const { rows, invalid } = checkFile(input, {
    api: apiName(globals),
    type: options.type === undefined ? undefined : trackType(options.type),
    amounts: amountsUnit(options.amounts),
    currency: options.currency?.toUpperCase(),
  });
  for (const bad of invalid) process.stderr.write(`${file}:${bad.line}: ${bad.errors.join('; ')}\n`);
  const total = rows.length + invalid.length;
  if (options.dryRun) {
    process.stdout.write(`dry run: ${rows.length} of ${total} rows are valid${invalid.length ? `, ${invalid.length} invalid (listed above)` : ''}; nothing was sent.\n`);
    return invalid.length > 0 ? EXIT.usage : EXIT.ok;
  }
  if (invalid.length > 0 && !options.skipInvalid) {
    process.stderr.write(`${invalid.length} of ${total} rows are invalid (listed above); nothing was sent. Fix them, or pass --skip-invalid to send the rest.\n`);
    return EXIT.usage;
  }

  const journalPath = options.journal ?? `${file}.journal`;
  const failedPath = options.failed ?? defaultFailedPath(file);
  const { stopped, results, alreadyDone } = await sendRows(rows, options, globals, journalPath);
  const failedRows = [...results.filter((r) => r.outcome === 'failed').map((r) => r.row), ...invalid];
  const written = writeFailedRows(failedPath, input, failedRows);
  const lines = summaryLines({ file, rows: total, alreadyDone, invalid: invalid.length, results, notSent: rows.length - alreadyDone - results.length });
  if (written === 'written') lines.push(`failed rows: ${failedPath} (fix them and import that file)`);
  if (written === 'removed') lines.push(`failed rows: none (removed the out-of-date ${failedPath})`);
  lines.push(`journal: ${journalPath}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (stopped) return EXIT.interrupted;
  return failedRows.length > 0 ? EXIT.failed : EXIT.ok;
}

/** Sends the rows the journal does not know as accepted, paced, showing progress, until done or stopped. */
async function sendRows(rows: TrackingRow[], options: ImportOptions, globals: GlobalOptions, journalPath: string) {
  const redisUrl = options.redis ?? process.env.FIRSTPROMOTER_REDIS_URL;
  const { budgetKey } = credentialsOf(globals);
  const shared = redisUrl ? await openRedisStore(redisUrl) : undefined;
  let progress: Progress | undefined;
  const signals = interruption(() => {
    if (progress) progress.say(STOPPING);
    else process.stderr.write(`${STOPPING}\n`);
  });
  try {
    const limiter = createRateLimiter({ requestsPerMinute: options.rate, key: budgetKey, ...(shared ? { store: shared.store } : {}) });
    const client = createCliClient({ ...globals, maxRetries: globals.maxRetries ?? 4 }, { rateLimit: limiter });
    const journal = openJournal(journalPath, { api: client.name, baseUrl: client.baseUrl });
    const pending = rows.filter((row) => !journal.done.has(row.key));
    // Node loads its fetch on first use (tens of ms): do it now, so the first request does not leave
    // late, bunched up against the next ones, when a server counts by arrival.
    void globalThis.Response;
    const bar = startProgress({ total: pending.length, stream: process.stderr, intervalSeconds: options.progressInterval });
    progress = bar;
    const counts = { done: 0, failed: 0 };
    try {
      const results = await runBackfill({
        rows: pending, track: client.track, concurrency: options.concurrency, journal, stop: signals.stop, abort: signals.abort,
        onResult(result) {
          counts.done++;
          if (result.outcome === 'failed') counts.failed++;
          bar.update(counts);
        },
      });
      return { stopped: signals.stop.aborted, results, alreadyDone: rows.length - pending.length };
    } finally {
      bar.stop();
      journal.close();
    }
  } finally {
    signals.dispose();
    await shared?.close();
  }
}
