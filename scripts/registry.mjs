// Loads openapi/registry.yaml, the one list of APIs and entry points, for every tool that needs it
// (generator, lint, Prism setup, contract harness, build, package check, code-samples test, docs site).
// @ts-check
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The project's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ option: string, env: string, scheme: string, label: string }} Credential
 * @typedef {{ defaultPerPage: number, maxPerPage?: number }} Paging
 * @typedef {{ name: string, spec: string, entry: string, credentials: Credential[], paging: Paging }} Api
 * @typedef {{ name: string, spec: string }} Receiver
 * @typedef {{ subpath: string, source: string, alone?: boolean, workers?: string }} Entry
 * @typedef {{ name: string, source: string }} Bin
 */

const raw = parse(readFileSync(join(root, 'openapi/registry.yaml'), 'utf8'));
const packageName = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;

/** @type {Api[]} Every API, in registry order; `spec` is relative to the project root. */
export const apis = Object.entries(raw.apis).map(([name, api]) => ({ name, ...api, spec: `openapi/${api.spec}` }));

/**
 * @type {Receiver[]} Receiver-side specs (what FirstPromoter sends to you: OpenAPI 3.1 `webhooks`, no
 * paths). Linted and generated like the APIs, but no client, mock or contract suite calls them.
 */
export const receivers = Object.entries(raw.receivers ?? {}).map(([name, receiver]) => ({ name, ...receiver, spec: `openapi/${receiver.spec}` }));

/**
 * @type {Entry[]} Every package entry point; `subpath` is `.` or a name such as `v1`. `alone`: built on its
 * own, sharing no chunk with the other entries (tsup.config.ts). `workers`: the source of a runtime-neutral
 * build of the entry (ESM only, `dist/<name>-workers.js`) that the exports map gives runtimes without
 * Node's built-ins (`WORKER_CONDITIONS`).
 */
export const entries = Object.entries(raw.entries).map(([subpath, entry]) => ({ subpath, ...entry }));

/** @type {Bin[]} Every executable of the package (`bin`), by command name. */
export const bins = Object.entries(raw.bin ?? {}).map(([name, bin]) => ({ name, ...bin }));

/** The build's output file of an executable, relative to the project root. */
export const binFile = (/** @type {Bin} */ bin) => `dist/${bin.name}.cjs`;

/** Where the generator writes each artefact of an API, relative to the project root. */
export const generatedFiles = (/** @type {string} */ name) => ({
  bundle: `generated/${name}.openapi.yaml`,
  types: `generated/${name}.ts`,
  operations: `generated/${name}.operations.ts`,
});

/** Where the generator writes each artefact of a receiver-side spec, relative to the project root. */
export const receiverFiles = (/** @type {string} */ name) => ({
  bundle: `generated/${name}.openapi.yaml`,
  types: `generated/${name}.ts`,
  events: `generated/${name}.events.ts`,
  examples: `generated/${name}.examples.ts`,
});

/** The bundle of every spec, APIs then receivers: what the package ships beside dist/. */
export const bundleFiles = [...apis.map((api) => generatedFiles(api.name).bundle), ...receivers.map((r) => receiverFiles(r.name).bundle)];

/** The build's name for an entry's output files (`dist/<name>.js`): `index` for the root. */
export const distName = (/** @type {Entry} */ entry) => (entry.subpath === '.' ? 'index' : entry.subpath);

/** The export conditions of runtimes without Node's built-ins (Cloudflare Workers, web workers, browsers). */
export const WORKER_CONDITIONS = ['workerd', 'worker', 'browser'];

/** The build's name for an entry's runtime-neutral build, if it has one: `testing-workers`. */
export const workersDistName = (/** @type {Entry} */ entry) => (entry.workers ? `${distName(entry)}-workers` : undefined);

/** The import specifier users write for an entry: `firstpromoter` or `firstpromoter/v1`. */
export const specifier = (/** @type {Entry} */ entry) => (entry.subpath === '.' ? packageName : `${packageName}/${entry.subpath}`);
