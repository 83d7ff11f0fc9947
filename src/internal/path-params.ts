// Path parameters into a path template (`/company/promoters/{id}`), each as exactly one encoded
// segment. openapi-fetch's default leaves a missing value as the literal `{id}`, writes objects as
// unencoded `key,value` lists and passes `.` and `..` through, which the URL parser then resolves:
// `{ id: '..' }` on DELETE /company/promoters/{id} would reach DELETE /company/. Here every value must
// be a non-empty string or a finite number, never a dot segment; anything else is refused by name.
import { isWellFormed, UnencodableValue } from './plain-data.js';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** True when `template` has `{name}` placeholders to fill. */
export function hasPlaceholders(template: string): boolean {
  return template.includes('{');
}

/** `template` with every `{name}` replaced by its encoded segment; throws UnencodableValue naming the parameter. */
export function fillPathTemplate(template: string, params: unknown): string {
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new UnencodableValue('path', 'Path parameters must be one object such as { id: 42 }.');
  }
  const given = (params ?? {}) as Record<string, unknown>;
  return template.replace(PLACEHOLDER, (_, name: string) => pathSegment(name, Object.hasOwn(given, name) ? given[name] : undefined));
}

/** One path segment from a parameter value; the value never appears in a message (ids can be tokens). */
function pathSegment(name: string, value: unknown): string {
  const refuse = (why: string): never => {
    throw new UnencodableValue(name, `Path parameter \`${name}\` ${why}; nothing was sent.`);
  };
  if (value === undefined || value === null) return refuse('is missing: without it the call would reach another endpoint');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return refuse(`must be a finite number, got ${value}`);
    return encodeURIComponent(String(value));
  }
  if (typeof value !== 'string') {
    return refuse(`must be a string or a finite number, got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}`);
  }
  if (value.trim() === '') return refuse('is empty: the call would reach the collection instead of one record');
  if (value === '.' || value === '..') return refuse('is a dot segment ("." or ".."), which the URL would resolve to another endpoint');
  if (!isWellFormed(value)) return refuse('contains a lone UTF-16 surrogate (broken text)');
  return encodeURIComponent(value);
}
