#!/usr/bin/env node
// `npm run bench`: builds the package and measures what users pay for it against a baseline in the same
// run: per-call cost and throughput versus bare fetch, bundle size versus openapi-fetch alone, and
// import time versus openapi-fetch alone. Prints a table, then one `bench:` line with the ratios.
// Baselines: bare fetch (ratios are our time over its time, so 1.10 = 10 % slower) and openapi-fetch.
// Usage: node bench/run.mjs [--no-build] [--quick]    (--quick: a tenth of the calls, for a smoke run)
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { callers, perCall, throughput } from './calls.mjs';
import { importTimes } from './import-time.mjs';
import { sizes } from './size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const scale = args.includes('--quick') ? 0.1 : 1;
if (!args.includes('--no-build')) execFileSync(join(root, 'node_modules/.bin/tsup'), [], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const server = spawn(process.execPath, [join(root, 'bench/server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
const origin = `http://127.0.0.1:${port}`;

try {
  const { createTracking } = await import(pathToFileURL(join(root, 'dist/track.js')).href);
  const calls = callers(createTracking, origin);
  const seq = await perCall(calls, { total: 5_000 * scale });
  const seqTimeout = await perCall({ ours: calls.ours, bare: calls.bareWithTimeout }, { total: 5_000 * scale });
  const conc = await throughput(calls, { total: 10_000 * scale });
  const size = await sizes(root);
  const imports = importTimes(root, { runs: Math.max(5, Math.round(21 * scale)) });

  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const x = (ratio) => `×${ratio.toFixed(2)}`;
  const rows = [
    ['v2 sale, sequential: µs/call wall', seq.ours.wallUs.toFixed(0), seq.bare.wallUs.toFixed(0), x(seq.wallRatio)],
    ['v2 sale, sequential: client CPU µs/call', seq.ours.cpuUs.toFixed(0), seq.bare.cpuUs.toFixed(0), x(seq.cpuRatio)],
    ['v2 sale, sequential, baseline with AbortSignal.timeout: µs/call wall', seqTimeout.ours.wallUs.toFixed(0), seqTimeout.bare.wallUs.toFixed(0), x(seqTimeout.wallRatio)],
    ['v2 sale, 32 in flight: calls/s', conc.ours.perS.toFixed(0), conc.bare.perS.toFixed(0), x(conc.wallRatio)],
    ['v2 sale, 32 in flight: client CPU µs/call', conc.ours.cpuUs.toFixed(0), conc.bare.cpuUs.toFixed(0), x(conc.cpuRatio)],
    ...Object.entries(size).filter(([name]) => name !== 'openapi-fetch alone').map(([name, s]) => [`${name}: kB min+gz (min = ours + openapi-fetch)`, `${kb(s.gzBytes)} (${kb(s.minBytes)} = ${kb(s.minBytes - s.dependencyMinBytes)} + ${kb(s.dependencyMinBytes)})`, `${kb(size['openapi-fetch alone'].gzBytes)} (${kb(size['openapi-fetch alone'].minBytes)})`, x(s.gzBytes / size['openapi-fetch alone'].gzBytes)]),
    ...Object.entries(imports.medians).filter(([name]) => !['openapi-fetch', '(empty module)'].includes(name)).map(([name, ms]) => [`import ${name}: ms, fresh process`, ms.toFixed(1), imports.medians['openapi-fetch'].toFixed(1), x(ms / imports.medians['openapi-fetch'])]),
    ['import of an empty module (loader fixed cost): ms', imports.medians['(empty module)']?.toFixed(1) ?? '', '', ''],
  ];
  console.log(`Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| figure | ours | baseline | ratio |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  const perCallRatio = seq.wallRatio;
  const concurrentRatio = conc.wallRatio;
  const tracking = size['firstpromoter/track (createTracking)'].gzBytes;
  const full = size['firstpromoter (root, everything)'].gzBytes;
  const importRatio = imports.medians.firstpromoter / imports.medians['openapi-fetch'];
  console.log(`bench: per_call_ratio=${perCallRatio.toFixed(2)} concurrent_ratio=${concurrentRatio.toFixed(2)} tracking_gz_kb=${kb(tracking)} full_gz_kb=${kb(full)} import_ratio=${importRatio.toFixed(2)}`);
} finally {
  server.stdin.end();
}
