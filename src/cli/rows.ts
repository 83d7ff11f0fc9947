// One record of an import file (or the flags of `track`) becomes a checked tracking event: its type,
// its parameters in the client's terms, and the key the journal knows it by. The checks are the
// client's own (v1TrackingBodies / v2TrackingBodies) after the field-by-field conversion, so a row
// that passes here is one the client will send. Every problem of a row is reported, not just the first.
import { createHash } from 'node:crypto';
import { closest } from 'fastest-levenshtein';
import { v1TrackingBodies } from '../apis/v1/tracking.js';
import { v2TrackingBodies } from '../apis/v2/tracking.js';
import { ValidationError } from '../core/errors.js';
import { ALL_FIELDS, TRACK_TYPES, fieldsOf, type ApiName, type TrackType } from './fields.js';
import type { InputRecord } from './input.js';
import { convertValue, type AmountSettings } from './values.js';

export interface RowSettings {
  api: ApiName;
  /** --type: the type of rows that have no `type` value. */
  type: TrackType | undefined;
  amounts: AmountSettings['amounts'];
  /** --currency: the currency of rows that have no `currency` value. */
  currency: string | undefined;
}

export interface TrackingRow {
  line: number;
  type: TrackType;
  params: Record<string, unknown>;
  /** `type:event_id`, or for events without one a digest of the parameters. */
  key: string;
  raw: string;
}

export type Checked = { row: TrackingRow } | { line: number; errors: string[] };

const BODIES = { v1: v1TrackingBodies(), v2: v2TrackingBodies() };

export function checkRecord(record: InputRecord, settings: RowSettings): Checked {
  const errors: string[] = [];
  const { type: given, ...values } = record.values;
  const type = typeOf(given, settings.type, errors);
  if (type === undefined) return { line: record.line, errors };

  const fields = fieldsOf(settings.api, type);
  const currency = typeof values.currency === 'string' ? values.currency : settings.currency;
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const kind = fields[name];
    if (kind === undefined) {
      errors.push(unknownField(name, settings.api, type, Object.keys(fields)));
      continue;
    }
    const converted = convertValue(kind, value, { amounts: settings.amounts, currency });
    if ('error' in converted) errors.push(`\`${name}\`: ${converted.error.replace(/\.$/, '')}`);
    else params[name] = converted.value;
  }
  if (errors.length === 0 && 'currency' in fields && params.currency === undefined && settings.currency !== undefined) {
    params.currency = settings.currency;
  }
  if (errors.length > 0) return { line: record.line, errors };
  try {
    BODIES[settings.api][type](structuredClone(params));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { line: record.line, errors: [error.message.replace(/\.$/, '')] };
  }
  return { row: { line: record.line, type, params, key: rowKey(type, params), raw: record.raw } };
}

function typeOf(given: unknown, fallback: TrackType | undefined, errors: string[]): TrackType | undefined {
  if (given === undefined) {
    if (fallback === undefined) errors.push(`no event type: add a \`type\` column (${TRACK_TYPES.join(', ')}) or pass --type`);
    return fallback;
  }
  if (typeof given !== 'string' || !(TRACK_TYPES as readonly string[]).includes(given)) {
    errors.push(`\`type\` must be one of ${TRACK_TYPES.join(', ')}, got ${JSON.stringify(given)}`);
    return undefined;
  }
  if (fallback !== undefined && fallback !== given) {
    errors.push(`\`type\` is ${given} but --type says ${fallback}`);
    return undefined;
  }
  return given as TrackType;
}

function unknownField(name: string, api: ApiName, type: TrackType, known: string[]): string {
  if (ALL_FIELDS.includes(name)) {
    const other: ApiName = api === 'v1' ? 'v2' : 'v1';
    const hint = name in fieldsOf(other, type) ? ` (${other}'s ${type} takes it${other === 'v1' ? ': --v1' : ''})` : '';
    return `\`${name}\` is not a field of ${api} ${type}${hint}`;
  }
  return `\`${name}\` is not a field FirstPromoter knows; did you mean \`${closest(name, known)}\`?`;
}

function rowKey(type: TrackType, params: Record<string, unknown>): string {
  if (typeof params.event_id === 'string') return `${type}:${params.event_id}`;
  const canonical = JSON.stringify(Object.keys(params).sort().map((name) => [name, params[name]]));
  return `${type}#${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
