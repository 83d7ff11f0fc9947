// What a caller's value may be before any of it goes on the wire (query strings, form and JSON bodies):
// plain objects, arrays, strings, finite numbers, booleans, null/undefined and valid Dates. Anything
// else is refused, because serializers either throw untyped errors on it (cycles, BigInt, lone
// surrogates, deep nesting) or send garbage without a word: a Map or Set as `{}` (a filter silently
// dropped), a String object as its characters, a date-library object as its internals, NaN or an
// invalid Date as null. The value is read once into a clean copy, so what was checked is what is sent
// and no serializer ever runs the caller's code (getters, toJSON) again.
import { setOwn } from './set-own.js';

/**
 * A value that has no wire form. Thrown instead of the public ValidationError because this folder
 * imports nothing from the rest of src/; the client's serializers turn it into one (apis/serializers.ts).
 */
export class UnencodableValue extends Error {
  override name = 'UnencodableValue';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Deeper than any FirstPromoter parameter or body by far; also keeps recursion off the stack limit. */
const MAX_DEPTH = 32;
/** Longest array accepted: a sparse `[].length = 2 ** 32 - 1` would otherwise be walked for minutes. */
const MAX_ITEMS = 100_000;

/** How a child's field name is written: `filters[from]` for key-value encodings, `promoter.email` for JSON. */
export type NameStyle = 'brackets' | 'dots';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** False for text with a lone surrogate, which has no UTF-8 form (encodeURIComponent throws on it). */
export function isWellFormed(text: string): boolean {
  return nativeWellFormed ? nativeWellFormed.call(text) : !LONE_SURROGATE.test(text);
}

/**
 * A clean copy of `value`: plain objects (own enumerable string keys, `undefined` members left out),
 * arrays, strings, finite numbers, booleans and null, with Dates as ISO 8601 text. Throws
 * UnencodableValue naming the field (`root` for the value itself) for anything else.
 */
export function plainData(value: unknown, root: string, style: NameStyle): unknown {
  const ancestors = new Set<object>();
  const child = (parent: string | undefined, key: string) =>
    parent === undefined ? key : style === 'brackets' ? `${parent}[${key}]` : `${parent}.${key}`;

  const walk = (item: unknown, field: string | undefined, depth: number): unknown => {
    const name = field ?? root;
    switch (typeof item) {
      case 'undefined':
        return undefined;
      case 'string':
        if (!isWellFormed(item)) throw new UnencodableValue(name, `${name} contains a lone UTF-16 surrogate (broken text) and cannot be sent.`);
        return item;
      case 'number':
        if (!Number.isFinite(item)) throw new UnencodableValue(name, `${name} must be a finite number, got ${item}.`);
        return item;
      case 'boolean':
        return item;
      case 'object':
        break;
      default:
        throw new UnencodableValue(name, `${name} cannot be sent (a ${typeof item}); use a string, a number or a boolean.`);
    }
    if (item === null) return null;
    const time = dateTime(item);
    if (time !== undefined) {
      if (Number.isNaN(time)) throw new UnencodableValue(name, `${name} is an invalid Date.`);
      return new Date(time).toISOString();
    }
    if (depth >= MAX_DEPTH) throw new UnencodableValue(name, `${name} is nested deeper than ${MAX_DEPTH} levels.`);
    if (ancestors.has(item)) throw new UnencodableValue(name, `${name} contains itself (a cycle) and cannot be sent.`);
    ancestors.add(item);
    try {
      if (Array.isArray(item)) {
        if (item.length > MAX_ITEMS) throw new UnencodableValue(name, `${name} has more than ${MAX_ITEMS} items.`);
        const out: unknown[] = new Array(item.length);
        for (let index = 0; index < item.length; index++) out[index] = walk(item[index], `${name}[${index}]`, depth + 1);
        return out;
      }
      if (!isPlainObject(item)) {
        throw new UnencodableValue(name, `${name} is ${describeObject(item)}, which has no wire form: pass a plain object, an array, a string, a number, a boolean or a Date.`);
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(item)) {
        if (!isWellFormed(key)) throw new UnencodableValue(name, `${name} has a key with a lone UTF-16 surrogate (broken text).`);
        const member = walk((item as Record<string, unknown>)[key], child(field, key), depth + 1);
        if (member === undefined) continue;
        // A `__proto__` key stays a key instead of replacing the copy's prototype.
        if (key === '__proto__') setOwn(out, key, member);
        else out[key] = member;
      }
      return out;
    } finally {
      ancestors.delete(item);
    }
  };

  try {
    return walk(value, undefined, 0);
  } catch (error) {
    if (error instanceof UnencodableValue) throw error;
    // A getter or a Proxy trap of the caller's threw. What it threw is not chained: its text is not
    // ours, and every error the client throws carries only its own words.
    throw new UnencodableValue(root, `${root} could not be read: reading one of its members threw.`);
  }
}

/**
 * The time of a real Date (NaN when invalid), from any realm; undefined for anything else, look-alikes
 * built on Date.prototype included. The tag check first: a throwing getTime per plain object is slow.
 */
function dateTime(value: object): number | undefined {
  if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]') return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/** Object literals and Object.create(null), from this realm or another (an iframe, a vm context). */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** "a Map", "a String object", "an instance of Dayjs": the type, never the value (it may be a secret). */
function describeObject(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (['String', 'Number', 'Boolean', 'BigInt', 'Symbol'].includes(tag)) return `a ${tag} object`;
  if (tag !== 'Object') return `a ${tag}`;
  const constructor = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } }).constructor;
  const name = typeof constructor?.name === 'string' && /^[A-Za-z_$][\w$]{0,40}$/.test(constructor.name) ? constructor.name : 'a class';
  return `an instance of ${name}`;
}
