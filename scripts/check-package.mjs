#!/usr/bin/env node
// Builds the package, packs it the way `npm publish` would, and checks the tarball (not the work tree)
// with publint (package.json fields, files present, module formats) and Are The Types Wrong (types
// resolve for node10, node16 CJS and ESM, and bundler resolution, for every subpath).
// Usage: node scripts/check-package.mjs [--no-build] [--keep <dir>]   (--keep copies the tarball there)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFiles, root } from './registry.mjs';

const args = process.argv.slice(2);
const keepIndex = args.indexOf('--keep');
const keepDir = keepIndex >= 0 ? args[keepIndex + 1] : undefined;
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, cmdArgs, options = {}) {
  return execFileSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

const failures = [];
function check(name, cmd, cmdArgs) {
  try {
    const out = run(cmd, cmdArgs);
    process.stdout.write(`--- ${name}\n${out.trim()}\n`);
  } catch (error) {
    process.stdout.write(`--- ${name} FAILED\n${String(error.stdout ?? '').trim()}\n${String(error.stderr ?? '').trim()}\n`);
    failures.push(name);
  }
}

if (!args.includes('--no-build')) {
  run(bin('tsup'), [], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const scratch = mkdtempSync(join(tmpdir(), 'fp-pack-'));
try {
  // --ignore-scripts: prepublishOnly/prepack must not rebuild (or recurse into this script).
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch]))[0];
  const tarball = join(scratch, readdirSync(scratch).find((f) => f.endsWith('.tgz')));
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${kb(packed.size)} kB packed, ${kb(packed.unpackedSize)} kB unpacked`);
  for (const file of packed.files) console.log(`  ${file.path} (${kb(file.size)} kB)`);
  // The allow-list: the build, each registry spec's bundle (APIs and receivers), and the package's own documents.
  const allowed = new Set(['package.json', 'README.md', 'LICENSE', ...bundleFiles]);
  const leaked = packed.files.map((f) => f.path).filter((p) => !p.startsWith('dist/') && !allowed.has(p));
  if (leaked.length > 0) {
    console.log(`--- files FAILED: not on the allow-list: ${leaked.join(', ')}`);
    failures.push('files');
  }

  check('publint', bin('publint'), ['run', tarball, '--strict', '--level', 'suggestion']);
  check('attw', bin('attw'), [tarball, '--profile', 'strict', '--format', 'table-flipped', '--no-emoji', '--no-color']);
  if (keepDir) copyFileSync(tarball, join(keepDir, packed.filename));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.log(`check:package failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('check:package: publint and attw found no problems');
