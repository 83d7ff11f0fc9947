#!/usr/bin/env node
// What a user's type-checker pays for the first `paginate()` call: two tiny consumer projects against
// the built declarations (dist/, as in the tarball), one that only creates a client and one that also
// walks a list, each checked by `tsc --extendedDiagnostics`; the difference in type instantiations is
// the paginate call's cost. Prints `type-instantiations: paginate=N (...)` and exits 1 above the budget.
// Usage: node scripts/type-cost.mjs [--no-build] [--budget N]   (default budget 50000)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './registry.mjs';

const args = process.argv.slice(2);
const budget = args.includes('--budget') ? Number(args[args.indexOf('--budget') + 1]) : 50_000;
if (!args.includes('--no-build')) execFileSync(join(root, 'node_modules/.bin/tsup'), [], { cwd: root, stdio: 'ignore' });

const scratch = join(root, 'scripts', '.type-cost');
const client = `import { createFirstPromoter, paginate } from 'firstpromoter';
const fp = createFirstPromoter({ apiKey: 'key', accountId: 'acc' });
void paginate;
export { fp };
`;
const walk = `import { fp } from './client.js';
import { paginate } from 'firstpromoter';
for await (const promoter of paginate(fp, '/company/promoters', { query: { filters: { state: 'accepted' } } })) {
  console.log(promoter.email);
}
`;

/** Type instantiations tsc reports for a project of `files`. */
function instantiations(name, files) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [],
      strict: true, exactOptionalPropertyTypes: true, skipLibCheck: true, noEmit: true,
      paths: { firstpromoter: [join(root, 'dist/index.d.ts')] },
    },
    files: Object.keys(files),
  }));
  const out = execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', dir, '--extendedDiagnostics'], { cwd: root, encoding: 'utf8' });
  return Number(/Instantiations:\s+(\d+)/.exec(out)[1]);
}

try {
  const base = instantiations('client', { 'client.ts': client });
  const withWalk = instantiations('paginate', { 'client.ts': client, 'walk.ts': walk });
  const cost = withWalk - base;
  console.log(`type-instantiations: paginate=${cost} (client alone ${base}, with one paginate call ${withWalk}; budget ${budget})`);
  process.exitCode = cost <= budget ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
