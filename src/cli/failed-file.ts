// Failed rows go back out in the input's own format and text (the CSV header and each row as read, or
// each JSON line), so the file can be fixed and imported again as it is. A run without failures removes
// the failed file an earlier run left at the same path, so what is there is always the latest run's.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Input } from './input.js';

/** `sales.csv` → `sales.failed.csv`, next to the input. */
export function defaultFailedPath(inputPath: string): string {
  const extension = extname(inputPath);
  return join(dirname(inputPath), `${basename(inputPath, extension)}.failed${extension}`);
}

/** Writes the rows (by line) to `path`, or removes a stale file there when there are none. */
export function writeFailedRows(path: string, input: Input, rows: ReadonlyArray<{ line: number; raw: string }>): 'written' | 'removed' | 'none' {
  if (rows.length === 0) {
    if (!existsSync(path)) return 'none';
    rmSync(path);
    return 'removed';
  }
  const body = [...rows].sort((a, b) => a.line - b.line).map((row) => `${row.raw}\n`).join('');
  const header = input.format === 'csv' ? stringify([input.columns]) : '';
  writeFileSync(path, header + body);
  return 'written';
}
