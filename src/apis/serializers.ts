// The serializers every API's client hands openapi-fetch: path parameters as single encoded segments,
// query strings and form bodies in bracket form, JSON bodies from a checked copy of plain data. Each
// turns a value with no wire form into a ValidationError naming the field, thrown before anything is
// sent (openapi-fetch calls them while it builds the request). `fillPath` is the path rule on its own,
// for any code that builds a URL from a template without going through openapi-fetch.
import { ValidationError } from '../core/errors.js';
import { encodeBrackets } from '../internal/brackets.js';
import { fillPathTemplate } from '../internal/path-params.js';
import { plainData, UnencodableValue } from '../internal/plain-data.js';

/** `template` (`/company/promoters/{id}`) with its parameters, each one encoded segment; ValidationError otherwise. */
export function fillPath(template: string, params: unknown): string {
  return typed(() => fillPathTemplate(template, params));
}

export function encodeQuery(params: unknown): string {
  return typed(() => encodeBrackets(params as Record<string, unknown>));
}

/** JSON text of a body of plain data (Dates as ISO 8601); FormData passes through for multipart calls. */
export function encodeJson(body: unknown): string {
  return typed(() => JSON.stringify(plainData(body, 'body', 'dots')));
}

/** The body serializer of a JSON API: JSON, or bracket form when the call says it sends a form. */
export function jsonBodySerializer(body: unknown, headers?: Headers | Record<string, string | undefined>): string | FormData {
  if (typeof FormData !== 'undefined' && body instanceof FormData) return body;
  const type = headers instanceof Headers ? headers.get('content-type') : headers?.['Content-Type'] ?? headers?.['content-type'];
  return type === 'application/x-www-form-urlencoded' ? encodeQuery(body) : encodeJson(body);
}

function typed<T>(encode: () => T): T {
  try {
    return encode();
  } catch (error) {
    if (error instanceof UnencodableValue) throw new ValidationError(error.field, error.message);
    throw error;
  }
}
