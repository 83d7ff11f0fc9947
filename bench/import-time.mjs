// Cold start: how long `await import(...)` of an entry takes in a fresh Node process, measured inside
// the process (Node's own boot is the same for every variant and would only dilute the ratio).
// Variants alternate run by run; the figure is the median.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export function importTimes(root, { runs = 21 } = {}) {
  const variants = {
    '(empty module)': 'data:text/javascript,export{}',
    'openapi-fetch': 'openapi-fetch',
    firstpromoter: pathToFileURL(join(root, 'dist/index.js')).href,
    'firstpromoter/track': pathToFileURL(join(root, 'dist/track.js')).href,
  };
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const script = (spec) => `const t = performance.now(); await import(${JSON.stringify(spec)}); process.stdout.write(String(performance.now() - t));`;
  for (let i = 0; i < runs + 1; i++) {
    for (const [name, spec] of Object.entries(variants)) {
      const ms = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script(spec)], { cwd: root, encoding: 'utf8' }));
      if (i > 0) times[name].push(ms); // the first round warms the OS file cache
    }
  }
  return { medians: Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)])), runs };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
