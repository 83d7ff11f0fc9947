#!/usr/bin/env node
// `npm run bench:backfill`: how much of a rate budget `firstpromoter import` uses without a 429. The
// fake FirstPromoter of firstpromoter/testing, built, in its own process (bench/fake-server.mjs),
// enforces a scaled-down budget over a sliding window with its rate limit switch, answering 429 past
// it; the built CLI backfills a few thousand sales of referred customers at it, once as one process,
// then as two processes sharing the budget through a real redis-server.
//   utilisation = accepted requests per ms over the span from the first to the last one, ÷ budget per ms
// Prints `backfill: utilisation=<x.xx> rate_limited=<n> shared_utilisation=<x.xx> shared_rate_limited=<n>`,
// and the fake's CPU per request beside the budget's interval (it must stay far below it, or the
// server's own work would shift the arrival times the figure is made of).
// Usage: node bench/backfill.mjs [--no-build] [--quick]    (--quick: a fifth of the rows)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../scripts/redis-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rows = args.includes('--quick') ? 600 : 3_000;
// The budget: 1,000 requests in any 10 s, FirstPromoter's 400 a minute 15 times faster over a window
// six times shorter. The CLI is told the budget less half a percent: 50 ms of slack per window for the
// scheduling jitter of two processes on a busy machine (a minute-long window leaves 300 ms).
const budget = { requests: 1_000, windowMs: 10_000 };
const perMinute = (budget.requests * 60_000) / budget.windowMs;
const rate = Math.floor(perMinute * 0.995);
const cli = join(root, 'dist/firstpromoter.cjs');
if (!args.includes('--no-build')) execFileSync(join(root, 'node_modules/.bin/tsup'), [], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

/** The fake in its own process, limited to the budget, with the customers of `rows` sales referred. */
async function startServer() {
  const child = spawn(process.execPath, [join(root, 'bench/fake-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const referrals = Array.from({ length: rows }, (_, i) => ({ email: `customer${i}@example.com` }));
  child.stdin.write(`${JSON.stringify({ apiKey: 'sk_bench', accountId: 'acct_bench', referrals, rateLimit: { requests: budget.requests, perMs: budget.windowMs } })}\n`);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const { v2BaseUrl } = JSON.parse((await lines.next()).value);
  return {
    url: v2BaseUrl,
    async stats() {
      child.stdin.write('stats\n');
      return JSON.parse((await lines.next()).value);
    },
    stop: () => child.stdin.end(),
  };
}

function writeSales(dir, name, from, count) {
  const lines = ['type,email,event_id,amount,currency'];
  for (let i = from; i < from + count; i++) lines.push(`sale,customer${i}@example.com,in_bench_${i},${10 + (i % 90)}.99,USD`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function importFile(url, file, extra = []) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, FIRSTPROMOTER_API_KEY: 'sk_bench', FIRSTPROMOTER_ACCOUNT_ID: 'acct_bench' };
    const child = spawn(process.execPath, [cli, '--base-url', url, 'import', file, '--rate', String(rate), '--concurrency', '16', '--progress-interval', '3600', ...extra], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`import exited ${code}:\n${out}`))));
  });
}

/** Achieved rate over the budget's, from the server's arrival times. */
function utilisation(accepted) {
  const sorted = [...accepted].sort((a, b) => a - b);
  const spanMs = sorted.at(-1) - sorted[0];
  return ((sorted.length - 1) / spanMs) / (budget.requests / budget.windowMs);
}

const scratch = mkdtempSync(join(tmpdir(), 'fp-bench-backfill-'));
try {
  const single = await startServer();
  const started = performance.now();
  await importFile(single.url, writeSales(scratch, 'single.csv', 0, rows));
  const singleSeconds = (performance.now() - started) / 1000;
  const one = await single.stats();
  single.stop();

  const redis = await startRedisServer();
  const shared = await startServer();
  try {
    const half = rows / 2;
    const files = [writeSales(scratch, 'a.csv', 0, half), writeSales(scratch, 'b.csv', half, half)];
    await Promise.all(files.map((file) => importFile(shared.url, file, ['--redis', redis.url])));
  } finally {
    await redis.stop();
  }
  const two = await shared.stats();
  shared.stop();

  const check = (stats) => {
    if (stats.recorded !== rows) throw new Error(`the fake recorded ${stats.recorded} of ${rows} rows`);
  };
  const cpuPerRequest = (stats) => (stats.cpuMs / stats.requests).toFixed(2);
  check(one);
  check(two);
  console.log(`Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`budget ${budget.requests} per ${budget.windowMs} ms (${perMinute}/min), --rate ${rate}, ${rows} rows, one process ${singleSeconds.toFixed(1)} s`);
  console.log(`fake: ${cpuPerRequest(one)} ms CPU per request (one process), ${cpuPerRequest(two)} ms (two); the budget's interval is ${budget.windowMs / budget.requests} ms`);
  console.log(`backfill: utilisation=${utilisation(one.accepted).toFixed(2)} rate_limited=${one.rateLimited} shared_utilisation=${utilisation(two.accepted).toFixed(2)} shared_rate_limited=${two.rateLimited}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
