// Runs the built `firstpromoter` executable (cli-tests/setup/build-cli.ts) in a child process with
// canary credentials, and checks that no credential ever shows in what it printed or wrote.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject } from 'vitest';

/** Credentials nobody would print by accident: any sight of them in output is a leak. */
export const CANARY = {
  FIRSTPROMOTER_API_KEY: 'sk_live_cli_canary_v2_key_7f3a',
  FIRSTPROMOTER_ACCOUNT_ID: 'acct_cli_canary_91c2',
  FIRSTPROMOTER_V1_API_KEY: 'v1_cli_canary_key_55d0',
};

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  done: Promise<Finished>;
}

/** Starts the CLI with `args`; the environment holds the canary credentials and nothing of the real ones. */
export function startCli(args: string[], env: Record<string, string> = {}): Running {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FIRSTPROMOTER_')));
  const child = spawn(process.execPath, [inject('cliPath'), ...args], { env: { ...clean, ...CANARY, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, output: () => ({ stdout, stderr }), done };
}

/** Runs the CLI to its end and checks that its output holds no credential. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  const finished = await startCli(args, env).done;
  expectNoSecrets(finished.stdout, finished.stderr);
  return finished;
}

export function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) for (const secret of Object.values(CANARY)) expect(text).not.toContain(secret);
}

/** A fresh folder for one test's files. */
export const scratch = () => mkdtempSync(join(tmpdir(), 'fp-cli-test-'));

/** Writes `rows` as CSV (a header of the union of their fields) and returns the path. */
export function writeCsv(dir: string, name: string, rows: Array<Record<string, string | number>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const text = [columns.join(','), ...rows.map((row) => columns.map((c) => quote(String(row[c] ?? ''))).join(','))].join('\n');
  const path = join(dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

/** The journal's entries after its header line (a line cut short by a kill is skipped). */
export function journalEntries(path: string): Array<{ key: string; line: number; outcome: string; reason?: string }> {
  return readFileSync(path, 'utf8').split('\n').slice(1).flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}

/** `count` sales, one event_id each, with decimal USD amounts. */
export function sales(count: number, prefix = 'in'): Array<Record<string, string>> {
  return Array.from({ length: count }, (_, i) => ({ type: 'sale', email: `customer${i}@example.com`, event_id: `${prefix}_${i}`, amount: `${10 + (i % 90)}.${String(i % 100).padStart(2, '0')}`, currency: 'USD' }));
}
