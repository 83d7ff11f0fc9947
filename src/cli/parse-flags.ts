// Flag values as the commands need them: whole numbers, event types, and `--query` pairs in
// FirstPromoter's bracket notation (`filters[state]=accepted`, `ids[]=1`) turned into the nested
// query objects the client encodes back into brackets.
import { InvalidArgumentError } from 'commander';
import { TRACK_TYPES, type TrackType } from './fields.js';
import { UsageError } from './exit-codes.js';

export function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${flag} takes a whole number of 1 or more.`);
    return Number(value);
  };
}

export function trackType(value: string): TrackType {
  if ((TRACK_TYPES as readonly string[]).includes(value)) return value as TrackType;
  throw new UsageError(`Unknown event type ${JSON.stringify(value)}: use ${TRACK_TYPES.join(', ')}.`);
}

/** Commander's collector for a repeatable flag. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

type QueryNode = Record<string, unknown>;

/** `['filters[state]=accepted', 'ids[]=1', 'ids[]=2', 'q=jane']` → `{ filters: { state: 'accepted' }, ids: ['1', '2'], q: 'jane' }`. */
export function queryObject(pairs: readonly string[]): QueryNode {
  const query: QueryNode = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals < 1) throw new UsageError(`--query takes name=value, got ${JSON.stringify(pair)}.`);
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    if (!match) throw new UsageError(`--query: ${JSON.stringify(name)} is not a name such as q, filters[state] or ids[].`);
    const path = [match[1] as string, ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string)];
    place(query, path, value, name);
  }
  return query;
}

function place(node: QueryNode, path: string[], value: string, name: string): void {
  const [head, ...rest] = path as [string, ...string[]];
  const existing = node[head];
  if (rest.length === 0) {
    node[head] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    return;
  }
  if (rest.length === 1 && rest[0] === '') {
    if (existing !== undefined && !Array.isArray(existing)) throw new UsageError(`--query ${name}: ${head} is given both as a list and otherwise.`);
    node[head] = [...((existing as unknown[] | undefined) ?? []), value];
    return;
  }
  if (rest[0] === '') throw new UsageError(`--query ${name}: a list ([]) can only be the last part of a name.`);
  if (existing !== undefined && (typeof existing !== 'object' || Array.isArray(existing))) {
    throw new UsageError(`--query ${name}: ${head} is given both as an object and otherwise.`);
  }
  const child = (existing as QueryNode | undefined) ?? {};
  node[head] = child;
  place(child, rest, value, name);
}

export function amountsUnit(value: string): 'decimal' | 'minor' {
  if (value === 'decimal' || value === 'minor') return value;
  throw new UsageError(`--amounts must be decimal or minor, got ${JSON.stringify(value)}.`);
}
