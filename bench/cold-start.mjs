// Cold start, each figure from fresh Node processes: how long `await import(...)` of an entry takes,
// and how long a program takes from importing the client to the parsed answer of its first sale,
// against openapi-fetch's import alone and against the first call of bare fetch (which loads Node's
// fetch implementation on first use). Timed inside the process (Node's own boot is the same for every
// variant and would only dilute the ratios), the clock read before anything is written to stdout.
// Every module is imported by the name a user writes ('openapi-fetch', 'firstpromoter/track': the
// package's own exports, through Node's self-reference), so each side pays the same package lookup:
// a file URL would skip ours (1.2-1.5 ms on Node 20 and 24) and flatter the ratio.
// Variants alternate run by run; each figure is the median.
import { execFileSync } from 'node:child_process';
import { HEADERS, median, SALE } from './calls.mjs';

/** Each script leaves its time in `ms` (set before any output); `ORIGIN` is the bench server. */
function scripts() {
  const entry = (subpath) => JSON.stringify(subpath === '.' ? 'firstpromoter' : `firstpromoter/${subpath}`);
  const imported = (spec) => `const t = performance.now(); await import(${spec}); const ms = performance.now() - t;`;
  return {
    imports: {
      '(empty module)': imported(JSON.stringify('data:text/javascript,export{}')),
      'openapi-fetch': imported(JSON.stringify('openapi-fetch')),
      'firstpromoter/track': imported(entry('track')),
      firstpromoter: imported(entry('.')),
    },
    firstCalls: {
      'firstpromoter/track: import + createTracking + sale': `const t = performance.now();
        const { createTracking } = await import(${entry('track')});
        const { track } = createTracking({ apiKey: 'bench-key', accountId: 'bench-account', baseUrl: process.env.ORIGIN + '/api/v2' });
        const result = await track.sale(${JSON.stringify(SALE)});
        const ms = performance.now() - t;
        if (result.outcome !== 'tracked') throw new Error(result.outcome);`,
      'bare fetch: first call': `const t = performance.now();
        const response = await fetch(process.env.ORIGIN + '/api/v2/track/sale', { method: 'POST', headers: ${JSON.stringify(HEADERS)}, body: JSON.stringify(${JSON.stringify(SALE)}) });
        const data = await response.json();
        const ms = performance.now() - t;
        if (data.etype !== 'sale') throw new Error(response.status);`,
      'raw node:http: import + first call': `const t = performance.now();
        const http = await import('node:http');
        const data = await new Promise((resolve, reject) => {
          const body = JSON.stringify(${JSON.stringify(SALE)});
          http.request(process.env.ORIGIN + '/api/v2/track/sale', { method: 'POST', headers: { ...${JSON.stringify(HEADERS)}, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
            const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
          }).on('error', reject).end(body);
        });
        const ms = performance.now() - t;
        if (data.etype !== 'sale') throw new Error('answer');`,
    },
  };
}

/** Medians (ms) of every cold-start figure, `runs` fresh processes each after one warm-up round. */
export function coldStart(root, origin, { runs = 21 } = {}) {
  const all = scripts();
  const variants = { ...all.imports, ...all.firstCalls };
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const env = { ...process.env, ORIGIN: origin };
  for (let i = 0; i < runs + 1; i++) {
    for (const [name, body] of Object.entries(variants)) {
      const ms = Number(execFileSync(process.execPath, ['--input-type=module', '-e', `${body}\nprocess.stdout.write(String(ms));`], { cwd: root, encoding: 'utf8', env }));
      if (i > 0) times[name].push(ms); // the first round warms the OS file cache
    }
  }
  const medians = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  return { medians, imports: Object.keys(all.imports), firstCalls: Object.keys(all.firstCalls), runs };
}
