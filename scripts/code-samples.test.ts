// The TypeScript samples of the README and of every guide of the docs site (docs/**/*.md) are code
// users copy: each ```ts block is type-checked against the sources (package imports mapped to src/
// through the registry's entries), so an API change that breaks a sample fails the tests.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { entries, specifier } from './registry.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = join(root, 'scripts', '.samples-check');
// Each entry point of the registry, as its source file seen from a sample in the scratch folder.
const imports: Record<string, string> = Object.fromEntries(
  entries.map((entry) => [specifier(entry), `../../../${entry.source.replace(/\.ts$/, '.js')}`]),
);
// Names the samples use without defining them, as a reader's surrounding code would.
const context = 'export {};\ndeclare const invoice: { id: string; plan?: string };\n';
const contextLines = context.split('\n').length - 1;
// Blocks marked ```ts jest use Jest's globals, which Jest injects and this project does not install:
// they are declared with vitest's types, which match Jest's for the calls the examples make (on the
// block's first line, so the line numbers of problems stay those of the block).
const jestGlobals = "import type * as vi from 'vitest'; "
  + 'declare const describe: typeof vi.describe, it: typeof vi.it, expect: typeof vi.expect; '
  + 'declare const beforeAll: typeof vi.beforeAll, afterAll: typeof vi.afterAll, beforeEach: typeof vi.beforeEach;';

/** Markdown files holding samples: the README and every page of the docs site (not its build). */
function documents(): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return entry.name === '.vitepress' || entry.name.startsWith('.') ? [] : walk(path);
      return entry.name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...walk('docs')];
}

const samples = documents().map((document) => {
  const text = readFileSync(join(root, document), 'utf8');
  const blocks = [...text.matchAll(/```(?:ts|typescript)([ \t][^\n]*)?\n([\s\S]*?)```/g)]
    .map((match) => (/\bjest\b/.test(match[1] ?? '') ? jestGlobals : '') + (match[2] ?? ''));
  return { document, blocks, files: [] as string[] };
});
const problems = new Map<string, string[]>();

beforeAll(() => {
  for (const sample of samples) {
    const folder = join(scratch, sample.document.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-'));
    mkdirSync(folder, { recursive: true });
    sample.files = sample.blocks.map((block, index) => {
      const file = join(folder, `block-${index}.ts`);
      writeFileSync(file, context + block.replace(/from '([^']+)'/g, (_, name: string) => `from '${imports[name] ?? name}'`));
      return file;
    });
  }
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  // One program for every sample: the sources are checked once, not once per document.
  const program = ts.createProgram(samples.flatMap((sample) => sample.files), { ...config!.options, noEmit: true });
  for (const sample of samples) {
    problems.set(
      sample.document,
      sample.files.flatMap((file) =>
        ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
          const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
          return `${relative(scratch, file)}:${line - contextLines}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
        }),
      ),
    );
  }
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('the README and the guides hold TypeScript samples', () => {
  const count = (filter: (document: string) => boolean) => samples.filter((s) => filter(s.document)).reduce((sum, s) => sum + s.blocks.length, 0);
  expect(count((document) => document === 'README.md')).toBeGreaterThanOrEqual(4);
  expect(count((document) => document.startsWith('docs/'))).toBeGreaterThanOrEqual(10);
});

it.each(samples.filter((sample) => sample.blocks.length > 0).map((sample) => sample.document))('every ts block of %s type-checks against src/', (document) => {
  expect(problems.get(document)).toEqual([]);
});
