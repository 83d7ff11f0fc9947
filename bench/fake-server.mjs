// The fake FirstPromoter of firstpromoter/testing, as built (dist/testing.js), in its own process for
// the backfill benchmark, so its work shares no event loop with the importing CLI or the bench. The
// first line on stdin is its options as JSON (thousands of referred customers are too long for an
// argument), with `rateLimit` for the account limit switch. It prints its address and credentials as
// one JSON line, answers each later `stats` line with one JSON line of what the benchmark reads, and
// exits when stdin closes.
import { createInterface } from 'node:readline';
import { startFakeFirstPromoter } from '../dist/testing.js';

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const { rateLimit, ...options } = JSON.parse((await lines.next()).value ?? '{}');
const fake = await startFakeFirstPromoter(options);
if (rateLimit) fake.rateLimit(rateLimit);
const cpuAtStart = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ v2BaseUrl: fake.v2BaseUrl, apiKey: fake.apiKey, accountId: fake.accountId })}\n`);

/** Arrival times of the answered requests the limit let through, the 429s, what was recorded, and this process's CPU. */
function stats() {
  const answered = fake.requests.filter((request) => request.status !== undefined);
  const limited = answered.filter((request) => request.status === 429 && request.fault === undefined);
  const cpu = process.cpuUsage(cpuAtStart);
  return {
    accepted: answered.filter((request) => request.status !== 429).map((request) => request.receivedAt),
    rateLimited: limited.length,
    requests: fake.requests.length,
    recorded: fake.records.sales.length,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

for (let line = await lines.next(); !line.done; line = await lines.next()) {
  if (line.value.trim() === 'stats') process.stdout.write(`${JSON.stringify(stats())}\n`);
}
await fake.close();
