// Rails-style bracket encoding, the one wire format FirstPromoter reads for key-value parameters:
// v2 query strings (`filters[created_at][from]=2025-01-01`, `ids[]=1&ids[]=2`) and v1 query strings and
// form bodies (`custom_fields[plan]=pro`). openapi-fetch's own serializer throws on nested objects and
// URLSearchParams writes `[object Object]` and `undefined`, so both are replaced by this one function.
// What may be encoded at all is plain-data.ts's rule; this file only writes the pairs.
import { plainData, UnencodableValue } from './plain-data.js';

export { UnencodableValue };

/**
 * Encodes `params` at any depth; undefined and null are left out, never sent as text. Throws
 * UnencodableValue (naming the parameter) for values with no key-value form.
 */
export function encodeBrackets(params: Readonly<Record<string, unknown>> | undefined): string {
  const clean = plainData(params, 'params', 'brackets');
  if (clean === undefined || clean === null) return '';
  if (typeof clean !== 'object' || Array.isArray(clean)) {
    throw new UnencodableValue('params', 'Parameters must be one object of names and values.');
  }
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(clean)) append(pairs, encodeURIComponent(key), value);
  return pairs.join('&');
}

/** `value` is plain data here: objects, arrays, strings, finite numbers, booleans, null, undefined. */
function append(pairs: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    // Primitives as `name[]=v` (Rails' array form); objects need an index to keep their fields together.
    value.forEach((item, index) => append(pairs, item !== null && typeof item === 'object' ? `${name}[${index}]` : `${name}[]`, item));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) append(pairs, `${name}[${encodeURIComponent(key)}]`, item);
    return;
  }
  pairs.push(`${name}=${encodeURIComponent(String(value))}`);
}
