// Builds the published package: ESM (.js) and CommonJS (.cjs) for every entry of openapi/registry.yaml,
// with type declarations for each (.d.ts / .d.cts) that inline generated/*.ts, so the tarball needs
// nothing from this repo. The entries of the API clients (`apis.*.entry`: the root, v1, affiliate)
// share their code in chunks, so helpers taken from one (`callOptions`, `unwrap`, `paginate`) work on
// a client of another. Every other entry (track, money, webhooks, redis, testing) is one file, so
// importing it loads one file (each chunk costs 0.7-1 ms at import): they hold no state a client of
// another entry reads, and their error classes pass `instanceof` across copies (src/internal/brand.ts).
// Each executable of the registry's `bin` is one CommonJS file for Node with its
// command-line libraries bundled in, so `npm install firstpromoter` adds no dependency for library
// users; only ioredis (an optional peer, for `import --redis`) stays outside and is loaded on demand.
import { readFileSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { apis, binFile, bins, distName, entries } from './scripts/registry.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// tsup cleans per build, at times that race between builds: dist/ is emptied once, here, instead.
rmSync('dist', { recursive: true, force: true });

const clientEntries = new Set(apis.map((api) => api.entry));
const library = (split: boolean) => ({
  entry: Object.fromEntries(entries.filter((entry) => clientEntries.has(entry.subpath) === split).map((entry) => [distName(entry), entry.source])),
  format: ['esm' as const, 'cjs' as const],
  // Node 20, Bun, Deno and workerd all run ES2022 natively: no down-levelling, no helpers.
  target: 'es2022',
  platform: 'neutral' as const,
  dts: true,
  splitting: split,
  treeshake: true,
  sourcemap: false,
  minify: false,
  clean: false,
  outDir: 'dist',
  // openapi-fetch is the one runtime dependency: imported, never bundled.
  external: ['openapi-fetch'],
});

export default defineConfig([
  library(true),
  library(false),
  ...bins.map((bin) => ({
    entry: { [binFile(bin).replace(/^dist\/|\.cjs$/g, '')]: bin.source },
    format: ['cjs' as const],
    target: 'node20',
    platform: 'node' as const,
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
]);
