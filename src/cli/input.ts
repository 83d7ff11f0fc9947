// Reads an import file into records with their line numbers and their original text, so every message
// can name a line and failed rows can be written back exactly as they came. The format follows the
// extension: `.csv` (a header row of field names; parsed by csv-parse) or `.jsonl` / `.ndjson` (one
// JSON object per line).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { UsageError } from './exit-codes.js';

export type InputFormat = 'csv' | 'jsonl';

export interface InputRecord {
  /** Line of the file where the record starts, from 1. */
  line: number;
  /** Field name → value: text for CSV (an empty cell is absent), any JSON value for JSON Lines. */
  values: Record<string, unknown>;
  /** The record's text as read, without its line ending. */
  raw: string;
}

export interface Input {
  format: InputFormat;
  /** CSV: the column names in order. */
  columns: string[];
  records: InputRecord[];
  /** Records that could not be read at all (JSON Lines); CSV syntax errors stop the read instead. */
  unreadable: Array<{ line: number; message: string }>;
}

function formatOf(path: string): InputFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  throw new UsageError(`Cannot tell the format of ${path}: name it .csv or .jsonl (JSON Lines).`);
}

export function readInput(path: string): Input {
  const format = formatOf(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  return format === 'csv' ? readCsv(path, text) : readJsonLines(text);
}

function readCsv(path: string, text: string): Input {
  let columns: string[] = [];
  let parsed: Array<{ record: Record<string, string>; raw: string; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      bom: true,
      columns: (header: string[]) => (columns = header),
      info: true,
      raw: true,
      skip_empty_lines: true,
    }) as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${path}: line ${String((error as CsvError & { lines?: number }).lines ?? '?')}: ${error.message}`);
    throw error;
  }
  const records = parsed.map(({ record, raw, info }) => {
    const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
    const values = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
    return { line: info.lines - (body.match(/\n/g)?.length ?? 0), values, raw: body };
  });
  return { format: 'csv', columns, records, unreadable: [] };
}

function readJsonLines(text: string): Input {
  const records: InputRecord[] = [];
  const unreadable: Input['unreadable'] = [];
  text.replace(/^\ufeff/, '').split('\n').forEach((rawLine, index) => {
    const raw = rawLine.replace(/\r$/, '');
    if (raw.trim() === '') return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      unreadable.push({ line, message: 'not valid JSON' });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      unreadable.push({ line, message: 'not a JSON object' });
      return;
    }
    const values = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== ''));
    records.push({ line, values, raw });
  });
  return { format: 'jsonl', columns: [], records, unreadable };
}
