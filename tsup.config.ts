// Builds the published package: ESM (.js) and CommonJS (.cjs) for every entry of openapi/registry.yaml,
// with type declarations for each (.d.ts / .d.cts) that inline generated/*.ts, so the tarball needs
// nothing from this repo. The entries of the API clients (`apis.*.entry`: the root, v1, affiliate)
// share their code in chunks, so helpers taken from one (`callOptions`, `unwrap`, `paginate`) work on a
// client of another. Every other library entry (track, money, webhooks, redis) is one file, so importing
// it loads one file (each chunk costs 0.7-1 ms at import): they hold no state a client of another entry
// reads, and their error classes pass `instanceof` across copies (src/internal/brand.ts). Entries marked
// `alone` (the test helpers) are a third build with no chunks, for Node; their `workers` builds a fourth.
// Each executable of the registry's `bin` is one CommonJS file for Node with its command-line libraries
// bundled in, so `npm install firstpromoter` adds no dependency for library users; only ioredis (an
// optional peer, for `import --redis`) stays outside and is loaded on demand.
import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { apis, binFile, bins, distName, entries, workersDistName } from './scripts/registry.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const common: Options = {
  format: ['esm', 'cjs'],
  // Node 20, Bun, Deno and workerd all run ES2022 natively: no down-levelling, no helpers.
  target: 'es2022',
  dts: true,
  treeshake: true,
  sourcemap: false,
  minify: false,
  clean: false,
  outDir: 'dist',
  // openapi-fetch is the one runtime dependency: imported, never bundled.
  external: ['openapi-fetch'],
};
const clientEntries = new Set(apis.map((api) => api.entry));
const build = (pick: (entry: (typeof entries)[number]) => boolean) => Object.fromEntries(entries.filter(pick).map((entry) => [distName(entry), entry.source]));
const workers = Object.fromEntries(entries.flatMap((entry) => (entry.workers ? [[workersDistName(entry)!, entry.workers]] : [])));

/** Every build, in order: the client entries, the other library entries, the `alone` entries, their Workers builds, the executables. */
export const builds: Options[] = [
  { ...common, entry: build((entry) => !entry.alone && clientEntries.has(entry.subpath)), platform: 'neutral', splitting: true },
  { ...common, entry: build((entry) => !entry.alone && !clientEntries.has(entry.subpath)), platform: 'neutral', splitting: false },
  // Prism (an optional peer dependency) stays external; `shims` gives the CommonJS build import.meta.url;
  // `node:` specifiers are kept, as Deno wants them.
  { ...common, entry: build((entry) => Boolean(entry.alone)), platform: 'node', splitting: false, shims: true, removeNodeProtocol: false, external: ['openapi-fetch', /^@stoplight\//] },
  // Their runtime-neutral parts, for Workers and browsers (ESM only): no Node built-in, so bundlers for
  // those platforms resolve them.
  { ...common, entry: workers, format: ['esm'], platform: 'neutral', splitting: false },
  ...bins.map((bin): Options => ({
    entry: { [binFile(bin).replace(/^dist\/|\.cjs$/g, '')]: bin.source },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    dts: false,
    splitting: false,
    sourcemap: false,
    minify: false,
    clean: false,
    outDir: 'dist',
    noExternal: [/^(?!ioredis$)/],
    external: ['ioredis'],
    define: { __FIRSTPROMOTER_VERSION__: JSON.stringify(version) },
  })),
];

/** The client entries' build (the attack corpus builds it into a scratch folder). */
export const libraryBuild: Options = builds[0]!;

// A function, so importing this file (the tests build parts of it) empties nothing: tsup calls it.
// dist/ is emptied once here because tsup cleans per build, at times that race between builds. A build
// with no entry (a registry without `alone` or `workers` entries) is left out: tsup refuses one.
export default defineConfig(() => {
  rmSync('dist', { recursive: true, force: true });
  return builds.filter((options) => Object.keys(options.entry as Record<string, string>).length > 0);
});
