// Per-call cost and throughput of a v2 sale: our tracking client against the same call made by bare
// fetch, by raw node:http with a keep-alive agent (the floor: what any client on Node pays at least),
// and by axios (what FirstPromoter's own example uses). Every variant sends the same URL, headers and
// JSON body, and reads and parses the JSON answer.
import * as http from 'node:http';
import axios from 'axios';

/** The sale every variant sends, here and in cold-start.mjs. */
export const SALE = { email: 'jane.doe@example.com', event_id: 'in_bench', amount: 1999 };
/** The headers the baselines send, as our client does for the bench's credentials. */
export const HEADERS = { Authorization: 'Bearer bench-key', 'Account-ID': 'bench-account', Accept: 'application/json', 'Content-Type': 'application/json' };

/** The four callers, each making one complete sale call. */
export function callers(createTracking, origin) {
  const url = `${origin}/api/v2/track/sale`;
  const { track } = createTracking({ apiKey: 'bench-key', accountId: 'bench-account', baseUrl: `${origin}/api/v2` });
  const check = (status, data) => {
    if (status !== 200 || data.etype !== 'sale') throw new Error(`unexpected answer ${status}`);
  };
  const agent = new http.Agent({ keepAlive: true });
  return {
    ours: async () => {
      const result = await track.sale(SALE);
      if (result.outcome !== 'tracked') throw new Error(`unexpected outcome ${result.outcome}`);
    },
    fetch: async () => {
      const response = await fetch(url, { method: 'POST', headers: HEADERS, body: JSON.stringify(SALE) });
      check(response.status, await response.json());
    },
    'node:http': () => new Promise((resolve, reject) => {
      const body = JSON.stringify(SALE);
      const request = http.request(url, { method: 'POST', agent, headers: { ...HEADERS, 'Content-Length': Buffer.byteLength(body) } }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          try {
            check(response.statusCode, JSON.parse(Buffer.concat(chunks).toString('utf8')));
            resolve();
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    }),
    axios: async () => {
      const response = await axios.post(url, SALE, { headers: HEADERS });
      check(response.status, response.data);
    },
  };
}

/** Runs `n` calls, `concurrency` at a time; returns [wall ms, this process's CPU ms]. */
async function measure(call, n, concurrency) {
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

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `total` calls per variant in `rounds` short rounds; in each round every variant runs once, back to
 * back, the order rotating from round to round. Each ratio (ours over a baseline) is the median of the
 * per-round ratios: a neighbour's burst of load slows every part of a round, so pairing cancels most
 * of it. The server runs in another process, so this process's CPU time per call is the client's alone.
 */
async function interleaved(variants, { total, rounds, concurrency, warmup }) {
  const names = Object.keys(variants);
  for (const name of names) await measure(variants[name], warmup, concurrency);
  const per = Math.round(total / rounds);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length];
      runs[name].push(await measure(variants[name], per, concurrency));
    }
  }
  const out = {};
  for (const name of names) {
    const list = runs[name];
    out[name] = {
      wallUs: median(list.map((x) => x[0])) * 1000 / per,
      cpuUs: median(list.map((x) => x[1])) * 1000 / per,
      perS: (per * rounds * 1000) / list.reduce((acc, x) => acc + x[0], 0),
      // ours over this variant, round by round
      wallRatio: median(list.map((x, i) => runs.ours[i][0] / x[0])),
      cpuRatio: median(list.map((x, i) => runs.ours[i][1] / x[1])),
    };
  }
  return out;
}

/** Sequential calls: the cost one call adds to a request handler. */
export const perCall = (calls, { total = 5_000, rounds = 20, warmup = 500 } = {}) => interleaved(calls, { total, rounds, concurrency: 1, warmup });

/** Many calls in flight: how many a busy process can make per second. */
export const throughput = (calls, { total = 10_000, concurrency = 32, rounds = 10, warmup = 1_000 } = {}) => interleaved(calls, { total, rounds, concurrency, warmup });
