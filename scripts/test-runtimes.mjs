#!/usr/bin/env node
// Runtime matrix: packs the package, installs the tarball into test-runtimes/ (whose own lockfile pins
// Node 22 and 24, Bun, Deno and workerd, so none of them is a dependency of the package), then runs
// every consumer project there against a loopback stand-in for FirstPromoter and checks both what the
// consumer reports and what reached the server. Each consumer also receives webhooks (Request objects
// everywhere, real HTTP through node:http where the runtime has it), and the runner delivers to the
// workerd receiver over HTTP. One line per run, then `N passed, N failed`.
// Usage: node scripts/test-runtimes.mjs [--no-build] [--only <substring>]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLoopback } from '../test-runtimes/support/loopback.mjs';

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

const server = await startLoopback();
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
  const out = await exec(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, config)], name, 300_000);
  compiled[name] = out.code === 0;
  record(`tsc ${name}`, compiled[name], Date.now() - t0, compiled[name] ? '' : firstLines(out.stdout + out.stderr, 8));
}));

// What the first paginate() call costs a consumer's type-checker (scripts/type-cost.mjs, same build).
{
  const t0 = Date.now();
  const out = await exec(process.execPath, [join(root, 'scripts/type-cost.mjs'), '--no-build'], 'type-cost', 120_000);
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

// 5. The runs. Tags keep each run's requests apart on the server.
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
// Loopback only: the tracking server, and the webhook receiver the scenario serves on a free port.
const denoFlags = ['run', '--quiet', '--no-lock', '--node-modules-dir=manual', '--allow-env=FP_ORIGIN,FP_TAG', '--allow-net=127.0.0.1'];
runs.push({ name: `${deno} ts-esm (source)`, cmd: bin('.bin/deno'), args: [...denoFlags, 'ts-esm/index.ts'] });
runs.push({ name: `${deno} esm`, cmd: bin('.bin/deno'), args: [...denoFlags, 'esm/index.mjs'] });
runs.push({ name: `workerd ${version(bin('.bin/workerd'))} worker bundle`, workerd: true });

try {
  for (const run of runs) {
    if (only && !run.name.includes(only)) continue;
    const tag = run.name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
    const t0 = Date.now();
    let problem;
    if (run.needs && !compiled[run.needs]) problem = 'not compiled';
    else if (run.workerd) problem = await runWorkerd(tag);
    else {
      const out = await exec(run.cmd, run.args, tag);
      // Every consumer receives webhooks; the plain JavaScript ones also over real HTTP (node:http).
      const wanted = ['RESULT ', '"webhooks":"received"', ...(/^(cjs|esm)\//.test(run.args.at(-1)) ? ['"webhooksOverHttp":"received"'] : [])];
      const missing = wanted.find((text) => !out.stdout.includes(text));
      problem = out.code !== 0 ? `exit ${out.code}: ${firstLines(out.stderr || out.stdout)}` : missing ? `no ${missing} in the output` : undefined;
    }
    problem ??= wireProblem(tag, run.adapter ?? 'fetch');
    record(run.name, !problem, Date.now() - t0, problem);
  }
} finally {
  await server.close();
}

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
step(`done, bundle for workerd ${(readFileSync(join(workerDir, 'worker.bundle.mjs')).length / 1024).toFixed(1)} kB minified`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** What the server should have seen from one run: a v2 sale in cents, its duplicate, a v1 form sale, and an affiliate call sent twice (refused token, then the new one), each naming the client and the adapter the runtime should have chosen. */
function wireProblem(tag, adapter) {
  const seen = server.requestsFor(tag);
  const v2 = seen.filter((r) => r.url === '/api/v2/track/sale');
  const v1 = seen.filter((r) => r.url === '/api/v1/track/sale');
  const affiliate = seen.filter((r) => r.url === '/api/v2/affiliate/promoters/current').map((r) => r.headers.authorization);
  if (seen.length !== 5) return `server saw ${seen.length} requests, expected 5: ${seen.map((r) => r.url).join(', ')}`;
  if (affiliate.join() !== `Bearer expired-${tag},Bearer fresh-${tag}`) return `affiliate call was not sent with the refused token and then the new one (${affiliate.length} requests)`;
  if (v2.length !== 2 || v2[0].body?.amount !== 1999 || v2[0].body?.currency !== 'USD' || !v2[0].type.startsWith('application/json')) return 'v2 sale body was not JSON with amount 1999 USD';
  if (v1.length !== 1 || v1[0].body?.amount !== '550' || v1[0].body?.currency !== 'EUR' || v1[0].headers['x-api-key'] !== `v1-${tag}`) return 'v1 sale was not a form with amount=550 EUR';
  const agents = [...new Set(seen.map((r) => r.headers['user-agent']))];
  if (agents.length !== 1 || agents[0] !== userAgent(adapter)) return `User-Agent was ${agents.join(', ')}, expected ${userAgent(adapter)}`;
  return undefined;
}

function exec(cmd, cmdArgs, tag, timeoutMs = 60_000) {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', FP_ORIGIN: server.origin, FP_TAG: tag, DENO_DIR: join(scratch, 'deno') };
    const child = spawn(cmd, cmdArgs, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function runWorkerd(tag) {
  const port = await freePort();
  const date = execFileSync(bin('.bin/workerd'), ['--version'], quiet).trim().split(' ').pop();
  const config = readFileSync(join(dir, 'workerd/config.capnp.template'), 'utf8')
    .replaceAll('{{WORKER_PORT}}', String(port)).replaceAll('{{COMPATIBILITY_DATE}}', date)
    .replaceAll('{{ORIGIN}}', server.origin).replaceAll('{{TAG}}', tag);
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
