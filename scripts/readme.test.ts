// The README's TypeScript examples are code users copy: each block is type-checked against the
// sources (package imports mapped to src/), so an API change that breaks an example fails the tests.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { entries, specifier } from './registry.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = join(root, 'scripts', '.readme-check');
// Each entry point of the registry, as its source file seen from the scratch folder.
const imports: Record<string, string> = Object.fromEntries(
  entries.map((entry) => [specifier(entry), `../../${entry.source.replace(/\.ts$/, '.js')}`]),
);
// Names the examples use without defining them, as a reader's surrounding code would.
const context = 'export {};\ndeclare const invoice: { id: string; plan?: string };\n';
// Blocks marked ```ts jest use Jest's globals, which Jest injects and this project does not install:
// they are declared with vitest's types, which match Jest's for the calls the examples make.
const jestGlobals = "import type * as vi from 'vitest';\n"
  + 'declare const describe: typeof vi.describe, it: typeof vi.it, expect: typeof vi.expect;\n'
  + 'declare const beforeAll: typeof vi.beforeAll, afterAll: typeof vi.afterAll, beforeEach: typeof vi.beforeEach;\n';

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('every ts block of the README type-checks against src/', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts( jest)?\n([\s\S]*?)```/g)].map((match) => (match[1] ? jestGlobals : '') + (match[2] ?? ''));
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  mkdirSync(scratch, { recursive: true });
  const files = blocks.map((block, index) => {
    const file = join(scratch, `block-${index}.ts`);
    const source = block.replace(/from '([^']+)'/g, (_, name: string) => `from '${imports[name] ?? name}'`);
    writeFileSync(file, context + source);
    return file;
  });
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  const program = ts.createProgram(files, { ...config!.options, noEmit: true });
  const problems = files.flatMap((file) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${file.slice(scratch.length + 1)}:${line - 2}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    }),
  );
  expect(problems).toEqual([]);
}, 60_000);
