// Rails-style bracket encoding, the one wire format FirstPromoter reads for key-value parameters:
// v2 query strings (`filters[created_at][from]=2025-01-01`, `ids[]=1&ids[]=2`) and v1 query strings and
// form bodies (`custom_fields[plan]=pro`). openapi-fetch's own serializer throws on nested objects and
// URLSearchParams writes `[object Object]` and `undefined`, so both are replaced by this one function.

/**
 * A value that has no key-value form. Thrown instead of the public ValidationError because this folder
 * imports nothing from the rest of src/; the client's serializers turn it into one (apis/client.ts).
 */
export class UnencodableValue extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Encodes `params` at any depth; undefined and null are left out, never sent as text. */
export function encodeBrackets(params: Readonly<Record<string, unknown>> | undefined): string {
  const pairs: string[] = [];
  if (params) for (const [key, value] of Object.entries(params)) append(pairs, encodeURIComponent(key), value);
  return pairs.join('&');
}

function append(pairs: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    // Primitives as `name[]=v` (Rails' array form); objects need an index to keep their fields together.
    value.forEach((item, index) => {
      const isObject = item !== null && typeof item === 'object' && !(item instanceof Date);
      append(pairs, isObject ? `${name}[${index}]` : `${name}[]`, item);
    });
    return;
  }
  if (value instanceof Date) {
    pairs.push(`${name}=${encodeURIComponent(value.toISOString())}`);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) append(pairs, `${name}[${encodeURIComponent(key)}]`, item);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new UnencodableValue(decodeURIComponent(name), `${decodeURIComponent(name)} must be a finite number, got ${value}.`);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    pairs.push(`${name}=${encodeURIComponent(String(value))}`);
    return;
  }
  throw new UnencodableValue(decodeURIComponent(name), `${decodeURIComponent(name)} cannot be sent as a parameter (${typeof value}).`);
}
