// Checks every record of an import file before anything is sent: each row on its own (rows.ts), and
// the file as a whole, where two rows for the same event (one type and event_id) would leave one of
// them answered as a duplicate without ever being recorded as written.
import type { Input } from './input.js';
import { checkRecord, type RowSettings, type TrackingRow } from './rows.js';

export interface InvalidRow {
  line: number;
  raw: string;
  errors: string[];
}

export interface CheckedFile {
  rows: TrackingRow[];
  invalid: InvalidRow[];
}

export function checkFile(input: Input, settings: RowSettings): CheckedFile {
  const rows: TrackingRow[] = [];
  const invalid: InvalidRow[] = input.unreadable.map(({ line, message }) => ({ line, raw: '', errors: [message] }));
  const firstLineOf = new Map<string, number>();
  for (const record of input.records) {
    const checked = checkRecord(record, settings);
    if (!('row' in checked)) {
      invalid.push({ line: record.line, raw: record.raw, errors: checked.errors });
      continue;
    }
    const earlier = firstLineOf.get(checked.row.key);
    if (earlier !== undefined) {
      invalid.push({ line: record.line, raw: record.raw, errors: [`the same ${checked.row.type} as line ${earlier}${checked.row.key.includes(':') ? ` (event_id ${String(checked.row.params.event_id)})` : ''}`] });
      continue;
    }
    firstLineOf.set(checked.row.key, record.line);
    rows.push(checked.row);
  }
  invalid.sort((a, b) => a.line - b.line);
  return { rows, invalid };
}
