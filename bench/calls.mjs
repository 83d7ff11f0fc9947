// Per-call cost and throughput of a v2 sale through our tracking client versus bare fetch with the same
// URL, headers and JSON body; both read and parse the JSON answer.

/** The two callers, each making one complete sale call. */
export function callers(createTracking, origin) {
  const headers = { Authorization: 'Bearer bench-key', 'Account-ID': 'bench-account', Accept: 'application/json', 'Content-Type': 'application/json' };
  const url = `${origin}/api/v2/track/sale`;
  const { track } = createTracking({ apiKey: 'bench-key', accountId: 'bench-account', baseUrl: `${origin}/api/v2` });
  const params = { email: 'jane.doe@example.com', event_id: 'in_bench', amount: 1999 };
  return {
    ours: async () => {
      const result = await track.sale(params);
      if (result.outcome !== 'tracked') throw new Error(`unexpected outcome ${result.outcome}`);
    },
    bare: async () => {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(params) });
      const data = await response.json();
      if (!response.ok || data.etype !== 'sale') throw new Error(`unexpected answer ${response.status}`);
    },
    // What a careful hand-written call adds: a timeout. Our transport needs the same kind of signal.
    bareWithTimeout: async () => {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(params), signal: AbortSignal.timeout(30_000) });
      const data = await response.json();
      if (!response.ok || data.etype !== 'sale') throw new Error(`unexpected answer ${response.status}`);
    },
  };
}

/** Runs `n` calls, `concurrency` at a time; returns [wall ms, this process's CPU ms]. */
async function measure(call, n, concurrency = 1) {
  let next = 0;
  const worker = async () => {
    while (next++ < n) await call();
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [wall, (cpu.user + cpu.system) / 1000];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `total` calls per variant in `rounds` short rounds, ours and bare back to back (order alternating).
 * Each ratio is the median of the per-round ratios: a neighbour's burst of load slows both halves of
 * a round, so pairing cancels most of it. The server runs in another process, so this process's CPU
 * time per call is the client-side cost alone.
 */
async function paired({ ours, bare }, { total, rounds, concurrency, warmup }) {
  await measure(ours, warmup, concurrency);
  await measure(bare, warmup, concurrency);
  const per = Math.round(total / rounds);
  const ourRounds = [];
  const bareRounds = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      bareRounds.push(await measure(bare, per, concurrency));
      ourRounds.push(await measure(ours, per, concurrency));
    } else {
      ourRounds.push(await measure(ours, per, concurrency));
      bareRounds.push(await measure(bare, per, concurrency));
    }
  }
  const sum = (list, i) => list.reduce((acc, x) => acc + x[i], 0);
  return {
    ours: { wallUs: median(ourRounds.map((x) => x[0])) * 1000 / per, cpuUs: median(ourRounds.map((x) => x[1])) * 1000 / per, perS: (per * rounds * 1000) / sum(ourRounds, 0) },
    bare: { wallUs: median(bareRounds.map((x) => x[0])) * 1000 / per, cpuUs: median(bareRounds.map((x) => x[1])) * 1000 / per, perS: (per * rounds * 1000) / sum(bareRounds, 0) },
    wallRatio: median(ourRounds.map((x, i) => x[0] / bareRounds[i][0])),
    cpuRatio: median(ourRounds.map((x, i) => x[1] / bareRounds[i][1])),
  };
}

/** Sequential calls: the cost one call adds to a request handler. */
export const perCall = (calls, { total = 5_000, rounds = 20, warmup = 500 } = {}) => paired(calls, { total, rounds, concurrency: 1, warmup });

/** Many calls in flight: how many a busy process can make per second. */
export const throughput = (calls, { total = 10_000, concurrency = 32, rounds = 10, warmup = 1_000 } = {}) => paired(calls, { total, rounds, concurrency, warmup });
