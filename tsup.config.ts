// Builds the published package: ESM (.js) and CommonJS (.cjs) for every entry of openapi/registry.yaml,
// with type declarations for each (.d.ts / .d.cts) that inline generated/*.ts, so the tarball needs
// nothing from this repo. Shared code goes into chunks (splitting), so `instanceof ValidationError`
// holds across entries. Each executable of the registry's `bin` is one CommonJS file for Node with its
// command-line libraries bundled in, so `npm install firstpromoter` adds no dependency for library
// users; only ioredis (an optional peer, for `import --redis`) stays outside and is loaded on demand.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { binFile, bins, distName, entries } from './scripts/registry.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig([
  {
    entry: Object.fromEntries(entries.map((entry) => [distName(entry), entry.source])),
    format: ['esm', 'cjs'],
    // Node 20, Bun, Deno and workerd all run ES2022 natively: no down-levelling, no helpers.
    target: 'es2022',
    platform: 'neutral',
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    minify: false,
    // Everything but the executables, which the second build writes at the same time.
    clean: bins.map((bin) => `!${binFile(bin).replace(/^dist\//, '')}`),
    outDir: 'dist',
    // openapi-fetch is the one runtime dependency: imported, never bundled.
    external: ['openapi-fetch'],
  },
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
