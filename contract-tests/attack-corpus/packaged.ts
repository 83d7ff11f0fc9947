// The two defects that crashed or leaked in the packed package, checked against the built files: the
// project's library build (tsup.config.ts, declarations off) builds the entries into node_modules/.cache, and a child
// Node process loads them as ESM and as CommonJS (packaged-probe.mjs). A child, because an unhandled
// rejection ends its process: exactly what an async logger's rejection did to users.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { root } from '../../scripts/registry.mjs';
import { CANARY } from '../support/canary.js';
import { attack } from './kit.js';

const GROUP = 'packaged build';
const dist = join(root, 'node_modules/.cache/attack-corpus-dist');
let built: Promise<void> | undefined;

/** One build per run, shared by the cases. */
function buildOnce(): Promise<void> {
  built ??= (async () => {
    const { build } = await import('tsup');
    const { libraryBuild } = await import('../../tsup.config.js');
    await build({ ...libraryBuild, dts: false, outDir: dist, clean: true, silent: true, config: false });
  })();
  return built;
}

for (const format of ['esm', 'cjs'] as const) {
  attack(GROUP, `${format} build: a custom fetch quoting the credentials, and an async logger that rejects`, async ({ leaks }) => {
    await buildOnce();
    const probe = join(root, 'contract-tests/attack-corpus/packaged-probe.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [probe, dist, format, CANARY.apiKey, CANARY.accountId], { timeout: 30_000 });
    const report = JSON.parse(stdout) as { connectionError: boolean; thrownReachable: boolean; outcome: string; events: string[]; renderings: string[] };
    for (const [i, text] of report.renderings.entries()) leaks.text(`${format} rendering ${i}`, text);
    expect(report).toMatchObject({ connectionError: true, thrownReachable: true, outcome: 'tracked', events: ['retry', 'failure'] });
    expect(report.renderings.length).toBeGreaterThan(8);
  });
}
