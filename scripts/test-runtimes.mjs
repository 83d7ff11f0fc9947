#!/usr/bin/env node
// Runtime matrix: packs the package, installs the tarball into test-runtimes/ (whose own lockfile pins
// Node 22 and 24, Bun, Deno and workerd, so none of them is a dependency of the package), then runs
// every consumer project there against the fake FirstPromoter of the installed tarball's
// `firstpromoter/testing` (one fake per run) and checks both what the consumer reports and what reached
// the fake. Each consumer also receives webhooks (Request objects everywhere, real HTTP through
// node:http where the runtime has it), and the runner delivers to the workerd receiver over HTTP. The
// `testing/` consumers import `firstpromoter/testing` themselves and run a webhook-handler test against
// a fake of their own; `proxy/env-proxy.mjs` sends a sale through a proxy from the environment (Node).
// One line per run, then `N passed, N failed`.
// Usage: node scripts/test-runtimes.mjs [--no-build] [--only <substring>]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test-runtimes');
const scratch = join(dir, '.runtimes');
const modules = join(dir, 'node_modules');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const started = Date.now();
const step = (what) => process.stdout.write(`· ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
const quiet = { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] };

// 1. The tarball exactly as `npm publish` would upload it.
if (!args.includes('--no-build')) execFileSync(join(root, 'node_modules/.bin/tsup'), [], quiet);
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch], quiet);
const tarball = join(scratch, readdirSync(scratch).find((f) => f.endsWith('.tgz')));
step(`packed ${tarball.slice(root.length + 1)}`);

// 2. Runtimes from test-runtimes/package-lock.json, reinstalled whenever the lockfile changes.
const lock = readFileSync(join(dir, 'package-lock.json'), 'utf8');
const stamp = join(modules, '.installed-lock.json');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], quiet);
  writeFileSync(stamp, lock);
  step('npm ci --prefix test-runtimes');
}
// --no-save keeps test-runtimes' package.json and lockfile free of the ever-changing tarball.
execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', tarball], quiet);
step('installed the tarball into test-runtimes/node_modules');

// The fake FirstPromoter, from the tarball just installed (its CommonJS build, as require() finds it).
const { startFakeFirstPromoter } = createRequire(join(dir, 'package.json'))('firstpromoter/testing');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The User-Agent names the adapter that sent the request: node:http on a Node with
// process.getBuiltinModule (20.16+, 22.3+), fetch on older Node, Bun, Deno and workerd.
const userAgent = (adapter) => `${pkg.name}/${pkg.version} (${adapter})`;

// 3. Type-check the TypeScript consumers (this emits the JavaScript the runtimes then execute), and the
// README's snippets as the tarball ships them, in a strict consumer project (ts-readme, compile only).
const snippets = join(dir, 'ts-readme', 'snippets');
rmSync(snippets, { recursive: true, force: true });
mkdirSync(snippets, { recursive: true });
const readme = readFileSync(join(modules, 'firstpromoter', 'README.md'), 'utf8');
// Names the snippets use without defining them, as the reader's surrounding code would.
const context = 'export {};\ndeclare const invoice: { id: string; plan?: string };\n';
[...readme.matchAll(/```ts\n([\s\S]*?)```/g)].forEach((match, index) => writeFileSync(join(snippets, `block-${index}.ts`), context + match[1]));
const results = [];
const record = (name, ok, ms, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(40)} ${String(ms).padStart(6)} ms${detail ? `  ${detail}` : ''}`);
};
const tsProjects = {
  'ts-node16-esm': 'ts-esm/tsconfig.node16.json', 'ts-bundler-esm': 'ts-esm/tsconfig.bundler.json', 'ts-node16-cjs': 'ts-cjs/tsconfig.json',
  'ts-readme (README snippets, exactOptionalPropertyTypes)': 'ts-readme/tsconfig.json',
};
const compiled = {};
await Promise.all(Object.entries(tsProjects).map(async ([name, config]) => {
  const t0 = Date.now();
  const out = await exec(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, config)], name, '', 300_000);
  compiled[name] = out.code === 0;
  record(`tsc ${name}`, compiled[name], Date.now() - t0, compiled[name] ? '' : firstLines(out.stdout + out.stderr, 8));
}));

// What the first paginate() call costs a consumer's type-checker (scripts/type-cost.mjs, same build).
{
  const t0 = Date.now();
  const out = await exec(process.execPath, [join(root, 'scripts/type-cost.mjs'), '--no-build'], 'type-cost', '', 120_000);
  record('type cost of a paginate() call', out.code === 0, Date.now() - t0, firstLines(out.stdout + out.stderr, 2));
}

// 4. The worker bundle, built the way a Workers project would (wrangler uses esbuild with these conditions).
const esbuild = await import(join(root, 'node_modules/esbuild/lib/main.js'));
const workerDir = join(scratch, 'workerd');
mkdirSync(workerDir, { recursive: true });
const bundle = await esbuild.build({
  entryPoints: [join(dir, 'workerd/worker.mjs')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
  conditions: ['workerd', 'worker', 'browser'], outfile: join(workerDir, 'worker.bundle.mjs'), minify: true, logLevel: 'silent',
});
if (bundle.errors.length) throw new Error(bundle.errors.map((e) => e.text).join('\n'));

// 5. The runs, each against a fake of its own; the tag names the run and makes its credentials.
const bin = (path) => join(modules, path);
const version = (cmd, ...a) => execFileSync(cmd, [...a, '--version'], quiet).match(/\d+\.\d+\.\d+|\d{4}-\d\d-\d\d/)[0];
const runs = [];
// The oldest Node that `engines` admits, this machine's Node, and the current LTS lines.
for (const node of [bin('node20/bin/node'), process.execPath, bin('node22/bin/node'), bin('node24/bin/node')]) {
  const label = `node ${version(node)}`;
  const adapter = execFileSync(node, ['-p', 'typeof process.getBuiltinModule'], quiet).trim() === 'function' ? 'node:http' : 'fetch';
  runs.push({ name: `${label} cjs`, cmd: node, args: ['cjs/index.cjs'], adapter });
  runs.push({ name: `${label} esm`, cmd: node, args: ['esm/index.mjs'], adapter });
  runs.push({ name: `${label} esm+cjs together`, cmd: node, args: ['dual/index.mjs'], adapter });
  runs.push({ name: `${label} ts-node16-esm`, cmd: node, args: ['ts-esm/dist/node16/index.js'], needs: 'ts-node16-esm', adapter });
  runs.push({ name: `${label} ts-bundler-esm`, cmd: node, args: ['ts-esm/dist/bundler/index.js'], needs: 'ts-bundler-esm', adapter });
  runs.push({ name: `${label} ts-node16-cjs`, cmd: node, args: ['ts-cjs/dist/index.js'], needs: 'ts-node16-cjs', adapter });
}
const bun = `bun ${version(bin('.bin/bun'))}`;
const deno = `deno ${version(bin('.bin/deno'))}`;
runs.push({ name: `${bun} ts-esm (source)`, cmd: bin('.bin/bun'), args: ['ts-esm/index.ts'] });
runs.push({ name: `${bun} cjs`, cmd: bin('.bin/bun'), args: ['cjs/index.cjs'] });
// Loopback only: each run's fake has its own port, the testing consumers start one themselves, and the
// webhook scenario serves its receiver on a free port.
const denoFlags = ['run', '--quiet', '--no-lock', '--node-modules-dir=manual', '--allow-env=FP_ORIGIN,FP_TAG', '--allow-net=127.0.0.1'];
runs.push({ name: `${deno} ts-esm (source)`, cmd: bin('.bin/deno'), args: [...denoFlags, 'ts-esm/index.ts'] });
runs.push({ name: `${deno} esm`, cmd: bin('.bin/deno'), args: [...denoFlags, 'esm/index.mjs'] });
runs.push({ name: `workerd ${version(bin('.bin/workerd'))} worker bundle`, workerd: true });
// The fake needs node:http, which Bun and Deno provide; workerd resolves firstpromoter/testing to its
// Workers build (sendWebhook and the examples), which the worker bundle's webhook scenario runs on.
for (const node of [bin('node20/bin/node'), process.execPath, bin('node24/bin/node')]) {
  runs.push({ name: `node ${version(node)} testing esm`, cmd: node, args: ['testing/esm.mjs'], ownFake: true });
  runs.push({ name: `node ${version(node)} testing cjs`, cmd: node, args: ['testing/cjs.cjs'], ownFake: true });
}
runs.push({ name: `${bun} testing esm`, cmd: bin('.bin/bun'), args: ['testing/esm.mjs'], ownFake: true });
runs.push({ name: `${bun} testing cjs`, cmd: bin('.bin/bun'), args: ['testing/cjs.cjs'], ownFake: true });
runs.push({ name: `${deno} testing esm`, cmd: bin('.bin/deno'), args: [...denoFlags, 'testing/esm.mjs'], ownFake: true });
runs.push({ name: `node ${version(process.execPath)} testing without Prism`, withoutPrism: true, ownFake: true });
// Proxies from the environment: through the proxy where Node's agents take them, direct (on fetch) on Node 20.
for (const [node, expected] of [[process.execPath, 'direct'], [bin('node22/bin/node'), 'proxied'], [bin('node24/bin/node'), 'proxied']]) {
  runs.push({ name: `node ${version(node)} proxy from the environment (${expected})`, cmd: node, args: ['proxy/env-proxy.mjs', expected], ownFake: true });
}

for (const run of runs) {
  if (only && !run.name.includes(only)) continue;
  const tag = run.name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
  const t0 = Date.now();
  // The consumers' credentials are made from the tag; ada@example.com is a referred customer of Maria, the
  // starting promoter, whose dashboard session has the token `fresh-<tag>` (the scenario's first, `expired-<tag>`, is refused).
  const fake = await startFakeFirstPromoter({
    apiKey: `key-${tag}`, accountId: tag, v1ApiKey: `v1-${tag}`, affiliateAccessToken: `fresh-${tag}`,
    promoter: { email: 'maria.lopez@example.com', name: 'Maria Lopez', ref_id: 'maria' }, referrals: [{ email: 'ada@example.com' }],
  });
  let problem;
  try {
    if (run.needs && !compiled[run.needs]) problem = 'not compiled';
    else if (run.workerd) problem = await runWorkerd(tag, fake.origin);
    else {
      const out = run.withoutPrism ? await runWithoutPrism(tag) : await exec(run.cmd, run.args, tag, fake.origin);
      // Every consumer of the client entries receives webhooks; the plain JavaScript ones also over real HTTP (node:http).
      const wanted = ['RESULT ', ...(run.ownFake ? [] : ['"affiliate":"refreshed"', '"webhooks":"received"']), ...(/^(cjs|esm)\//.test(run.args?.at(-1)) ? ['"webhooksOverHttp":"received"'] : [])];
      const missing = wanted.find((text) => !out.stdout.includes(text));
      problem = out.code !== 0 ? `exit ${out.code}: ${firstLines(out.stderr || out.stdout)}` : missing ? `no ${missing} in the output` : undefined;
    }
    if (!run.ownFake) problem ??= wireProblem(fake, tag, run.adapter ?? 'fetch');
  } finally {
    await fake.close();
  }
  record(run.name, !problem, Date.now() - t0, problem);
}

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
step(`done, bundle for workerd ${(readFileSync(join(workerDir, 'worker.bundle.mjs')).length / 1024).toFixed(1)} kB minified`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/**
 * What the fake should have seen from one run: a v2 sale in cents, its duplicate, an affiliate call sent
 * twice (the ended session's token refused, then the new one accepted) and a v1 form sale, two sales
 * recorded, and every request naming the client and the adapter its runtime should choose in its User-Agent.
 */
function wireProblem(fake, tag, adapter) {
  // The both-builds consumer also sends one sale with a wrong key under Account-ID `<tag>-401`, to see the 401.
  const seen = fake.requests.filter((r) => r.headers['account-id'] !== `${tag}-401`);
  const v2 = seen.filter((r) => r.api === 'v2' && r.operationId === 'trackSale');
  const v1 = seen.filter((r) => r.api === 'v1' && r.operationId === 'trackSale');
  const affiliate = seen.filter((r) => r.api === 'affiliate' && r.operationId === 'getCurrentPromoter');
  if (seen.length !== 5) return `the fake saw ${seen.length} requests, expected 5: ${seen.map((r) => `${r.api} ${r.target}`).join(', ')}`;
  const tokens = affiliate.map((r) => `${r.headers.authorization} ${r.status}`).join();
  if (tokens !== `Bearer expired-${tag} 401,Bearer fresh-${tag} 200`) return `affiliate call was not refused with the ended session's token and then accepted with the new one (${tokens})`;
  if (v2.length !== 2 || v2[0].body?.amount !== 1999 || v2[0].body?.currency !== 'USD' || !v2[0].headers['content-type']?.startsWith('application/json')) return 'v2 sale body was not JSON with amount 1999 USD';
  if (v1.length !== 1 || v1[0].body?.amount !== '550' || v1[0].body?.currency !== 'EUR' || v1[0].headers['x-api-key'] !== `v1-${tag}`) return 'v1 sale was not a form with amount=550 EUR';
  const statuses = [...v2, ...v1].map((r) => r.status).join();
  if (statuses !== '200,409,200' || fake.records.sales.length !== 2) return `the fake answered the sales ${statuses} and recorded ${fake.records.sales.length} of them`;
  const agents = [...new Set(seen.map((r) => r.headers['user-agent']))];
  if (agents.length !== 1 || agents[0] !== userAgent(adapter)) return `User-Agent was ${agents.join(', ')}, expected ${userAgent(adapter)}`;
  return undefined;
}

/** The testing entry from a folder outside the repo with no Prism in reach (only the installed package). */
function runWithoutPrism(tag) {
  const alone = mkdtempSync(join(tmpdir(), 'fp-without-prism-'));
  cpSync(join(modules, 'firstpromoter'), join(alone, 'node_modules/firstpromoter'), { recursive: true });
  cpSync(join(dir, 'testing/without-prism.mjs'), join(alone, 'without-prism.mjs'));
  return exec(process.execPath, ['without-prism.mjs'], tag, '', 60_000, alone).finally(() => rmSync(alone, { recursive: true, force: true }));
}

function exec(cmd, cmdArgs, tag, origin, timeoutMs = 60_000, cwd = dir) {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', FP_ORIGIN: origin, FP_TAG: tag, DENO_DIR: join(scratch, 'deno') };
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => (stderr += String(error)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 'killed', stdout, stderr });
    });
  });
}

async function runWorkerd(tag, origin) {
  const port = await freePort();
  const date = execFileSync(bin('.bin/workerd'), ['--version'], quiet).trim().split(' ').pop();
  const config = readFileSync(join(dir, 'workerd/config.capnp.template'), 'utf8')
    .replaceAll('{{WORKER_PORT}}', String(port)).replaceAll('{{COMPATIBILITY_DATE}}', date)
    .replaceAll('{{ORIGIN}}', origin).replaceAll('{{TAG}}', tag);
  writeFileSync(join(workerDir, 'config.capnp'), config);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const child = spawn(bin('.bin/workerd'), ['serve', 'config.capnp'], { cwd: workerDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  try {
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) return `workerd exited ${child.exitCode}: ${firstLines(log)}`;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        if (res.status !== 200 || !text.includes('"v1":"tracked"') || !text.includes('"affiliate":"refreshed"') || !text.includes('"webhooks":"received"')) return `worker answered ${res.status}: ${firstLines(text)} ${firstLines(log)}`;
        return await webhooksOverHttp(`http://127.0.0.1:${port}/webhooks`);
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return `workerd did not listen: ${firstLines(log)}`;
  } finally {
    child.kill('SIGTERM');
  }
}

/** Deliveries to the worker's receiver over real HTTP, built by the packed `firstpromoter/testing`. */
async function webhooksOverHttp(url) {
  const testing = await import(pathToFileURL(join(modules, 'firstpromoter/dist/testing.js')).href);
  const event = testing.webhookExample('referral.created');
  const send = (secret) => testing.sendWebhook(url, event, { headers: { 'X-Webhook-Secret': secret } });
  const answers = [];
  for (const secret of ['whsec-workerd', 'whsec-workerd', 'whsec-guess']) {
    const res = await send(secret);
    answers.push(`${res.status} ${await res.text()}`);
  }
  const expected = ['200 {"received":true}', '200 {"received":true,"duplicate":true}', '401 {"error":"unauthorized"}'];
  return answers.join() === expected.join() ? undefined : `worker webhook receiver answered ${answers.join(' | ')}`;
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The error line first (Node prints the source location before it), then the first few lines. */
function firstLines(text, n = 4) {
  const lines = String(text).trim().split('\n');
  const error = lines.find((line) => /Error\b/.test(line));
  return [...(error ? [error.trim()] : []), ...lines.slice(0, n)].join(' | ').slice(0, 400);
}
