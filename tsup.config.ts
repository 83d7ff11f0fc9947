// Builds the published package: ESM (.js) and CommonJS (.cjs) for every entry of openapi/registry.yaml,
// with type declarations for each (.d.ts / .d.cts) that inline generated/*.ts, so the tarball needs
// nothing from this repo. Shared code goes into chunks (splitting), so `instanceof ValidationError`
// holds across entries.
import { defineConfig } from 'tsup';
import { distName, entries } from './scripts/registry.mjs';

export default defineConfig({
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
  clean: true,
  outDir: 'dist',
  // openapi-fetch is the one runtime dependency: imported, never bundled.
  external: ['openapi-fetch'],
});
