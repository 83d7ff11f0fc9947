#!/usr/bin/env node
// `npm run bench`: builds the package and measures what users pay for it against baselines in the same
// run, on the Node running it: a v2 sale per call and with 32 in flight against bare fetch, raw
// node:http with a keep-alive agent (the floor) and axios; cold start (import, and import + first sale)
// against openapi-fetch's import and bare fetch's first call; bundle sizes against openapi-fetch.
// Prints a table, the machine load beside each part, then one `bench:` line with the ratios.
// Ratios are ours over the baseline (0.50 = half the time), except axios_ratio: ours over axios too.
// Usage: node bench/run.mjs [--no-build] [--quick]    (--quick: a tenth of the calls, for a smoke run)
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { callers, perCall, throughput } from './calls.mjs';
import { coldStart } from './cold-start.mjs';
import { sizes } from './size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const scale = args.includes('--quick') ? 0.1 : 1;
if (!args.includes('--no-build')) execFileSync(join(root, 'node_modules/.bin/tsup'), [], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const server = spawn(process.execPath, [join(root, 'bench/server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
const origin = `http://127.0.0.1:${port}`;
const load = () => loadavg()[0].toFixed(1);

try {
  const { createTracking } = await import(pathToFileURL(join(root, 'dist/track.js')).href);
  const calls = callers(createTracking, origin);
  const loads = { start: load() };
  const seq = await perCall(calls, { total: 5_000 * scale });
  loads.perCall = load();
  const conc = await throughput(calls, { total: 10_000 * scale });
  loads.concurrent = load();
  const cold = coldStart(root, origin, { runs: Math.max(5, Math.round(21 * scale)) });
  loads.cold = load();
  const size = await sizes(root);

  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const x = (ratio) => `×${ratio.toFixed(2)}`;
  const ms = cold.medians;
  const rows = [];
  for (const base of ['fetch', 'node:http', 'axios']) {
    rows.push([`v2 sale, sequential, vs ${base}: µs/call wall (client CPU)`, `${seq.ours.wallUs.toFixed(0)} (${seq.ours.cpuUs.toFixed(0)})`, `${seq[base].wallUs.toFixed(0)} (${seq[base].cpuUs.toFixed(0)})`, `${x(seq[base].wallRatio)} (${x(seq[base].cpuRatio)})`]);
  }
  for (const base of ['fetch', 'node:http', 'axios']) {
    rows.push([`v2 sale, 32 in flight, vs ${base}: calls/s (client CPU µs/call)`, `${conc.ours.perS.toFixed(0)} (${conc.ours.cpuUs.toFixed(0)})`, `${conc[base].perS.toFixed(0)} (${conc[base].cpuUs.toFixed(0)})`, `${x(conc[base].wallRatio)} time (${x(conc[base].cpuRatio)})`]);
  }
  for (const name of cold.imports.filter((n) => n !== 'openapi-fetch' && n !== '(empty module)')) {
    rows.push([`import ${name}: ms, fresh process`, ms[name].toFixed(1), `${ms['openapi-fetch'].toFixed(1)} (openapi-fetch)`, x(ms[name] / ms['openapi-fetch'])]);
  }
  rows.push(['import of an empty module (loader fixed cost): ms', ms['(empty module)'].toFixed(1), '', '']);
  const [ourFirst, ...otherFirst] = cold.firstCalls;
  for (const name of otherFirst) rows.push([`${ourFirst} vs ${name}: ms, fresh process`, ms[ourFirst].toFixed(1), ms[name].toFixed(1), x(ms[ourFirst] / ms[name])]);
  const baseline = size['openapi-fetch alone'];
  for (const [name, s] of Object.entries(size)) {
    if (name === 'openapi-fetch alone') continue;
    const split = s.dependencyMinBytes > 0 ? ` = ${kb(s.minBytes - s.dependencyMinBytes)} + ${kb(s.dependencyMinBytes)}` : '';
    rows.push([`${name}: kB min+gz (min${split ? ' = ours + openapi-fetch' : ''})`, `${kb(s.gzBytes)} (${kb(s.minBytes)}${split})`, `${kb(baseline.gzBytes)} (${kb(baseline.minBytes)})`, x(s.gzBytes / baseline.gzBytes)]);
  }

  console.log(`Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}; 1-minute load average at start ${loads.start}, after per call ${loads.perCall}, after 32 in flight ${loads.concurrent}, after cold start ${loads.cold}`);
  console.log('| figure | ours | baseline | ratio |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  const ratios = {
    per_call_ratio: seq.fetch.wallRatio,
    floor_ratio: seq['node:http'].wallRatio,
    concurrent_ratio: conc.fetch.wallRatio,
    axios_ratio: seq.axios.wallRatio,
    first_call_ratio: ms[ourFirst] / ms['bare fetch: first call'],
  };
  const line = Object.entries(ratios).map(([name, value]) => `${name}=${value.toFixed(2)}`).join(' ');
  const tracking = size['firstpromoter/track (createTracking)'].gzBytes;
  const full = size['firstpromoter (root, everything)'].gzBytes;
  console.log(`bench: ${line} tracking_gz_kb=${kb(tracking)} full_gz_kb=${kb(full)} import_ratio=${(ms['firstpromoter/track'] / ms['openapi-fetch']).toFixed(2)}`);
} finally {
  server.stdin.end();
}
