// The valid requests of an operation, built from the spec alone: every parameter that has an example
// (its own, or its schema's `example`, first `enum` value or `default`) and the request body's example,
// one request per named body example when the body has several (a oneOf of shapes).
// A required parameter or a body without one is an error naming the operation, so an operation added
// later cannot be skipped in silence.
import type { SpecOperation, SpecParameter } from './spec-operations.js';

export interface ExampleRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /** The body's example; undefined when the operation takes no body. */
  body: unknown;
}

/** The value the suite sends for a parameter, or undefined when the spec gives none. */
export function parameterValue(parameter: SpecParameter): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const { schema } = parameter;
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  return schema.default;
}

/** The operation's requests from its examples; `where` (`v2 GET /company/promoters`) names it in errors. */
export function exampleRequests(where: string, operation: SpecOperation): ExampleRequest[] {
  const request: ExampleRequest = { path: {}, query: {}, headers: {}, body: undefined };
  const missing: string[] = [];
  for (const parameter of operation.parameters) {
    const value = parameterValue(parameter);
    if (value === undefined) {
      if (parameter.required) missing.push(`${parameter.in}:${parameter.name}`);
      continue;
    }
    if (parameter.in === 'path') request.path[parameter.name] = value;
    else if (parameter.in === 'query') request.query[parameter.name] = value;
    else if (parameter.in === 'header') request.headers[parameter.name] = String(value);
    else throw new Error(`${where}: ${parameter.in} parameter ${parameter.name} cannot be sent by the suite`);
  }
  if (missing.length) throw new Error(`${where}: required parameter ${missing.join(', ')} has no example in the spec`);
  if (!operation.body) return [request];
  if (!operation.body.examples.length) throw new Error(`${where}: the ${operation.body.media} request body has no example in the spec`);
  return operation.body.examples.map((body) => structuredClone({ ...request, body }));
}
