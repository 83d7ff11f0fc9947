// Global setup of the `cli` test project: builds the executable exactly as the package build does
// (the `bin` configuration of tsup.config.ts), into a scratch folder, so the tests run the real binary
// in child processes. It takes a second or two: no type declarations, one bundle. The folder is under
// node_modules/, so the binary finds ioredis (for --redis) where an installed package would.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import type { TestProject } from 'vitest/node';
import { builds } from '../../tsup.config.js';
import { binFile, bins, root } from '../../scripts/registry.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    cliPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'fp-cli-'));
  const bin = bins[0]!;
  const options = builds.find((config: Options) => JSON.stringify(config.entry).includes(bin.source));
  if (!options) throw new Error(`tsup.config.ts has no build for ${bin.source}`);
  await build({ ...options, outDir, silent: true, config: false });
  project.provide('cliPath', join(outDir, binFile(bin).replace(/^dist\//, '')));
  return () => rmSync(outDir, { recursive: true, force: true });
}
