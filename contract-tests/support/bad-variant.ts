// A deliberately bad variant of an operation's example request, derived from the spec, that Prism must
// reject: the proof that the contract checks can fail for this operation. The first that applies, in
// this order: a required body field dropped; every field of an "at least one of" rule dropped; a body
// field given a value of the wrong type; a required query parameter dropped; a query or path parameter
// given a value of the wrong type. An operation with none of these (no body, no required or typed
// parameter) has nothing to break.
import type { ExampleRequest } from './example-request.js';
import type { Schema, SpecOperation, SpecReader } from './spec-operations.js';

export interface BadVariant {
  /** What was broken, e.g. `body without required email`, `query filters.created_at.from: text that is no date`. */
  description: string;
  /** What one of Prism's messages must say, e.g. `required property 'email'` or `filters.created_at.from`. */
  expected: string | RegExp;
  request: ExampleRequest;
}

/** In a JSON body a value keeps its type; in a query, a path or a form body everything travels as text. */
type Carrier = 'json' | 'text';

interface Break {
  at: string[];
  value: unknown;
  why: string;
}

export function badVariant(operation: SpecOperation, good: ExampleRequest, deref: SpecReader['deref']): BadVariant | undefined {
  const { body } = operation;
  if (body && isRecord(good.body)) {
    const schema = deref(body.schema);
    const present = Object.keys(good.body);
    const carrier: Carrier = body.media.includes('json') ? 'json' : 'text';
    const without = (names: string[], description: string, expected: string): BadVariant => {
      // An empty form body is no body at all, which the contract allows: form fields may travel in the
      // query string instead (scripts/wire-form.mjs). A field the schema does not name keeps it a body.
      const emptied = carrier === 'text' && present.every((name) => names.includes(name));
      return variant(good, emptied ? `${description} (an unrelated field kept)` : description, expected, (r) => {
        for (const name of names) delete (r.body as Record<string, unknown>)[name];
        if (emptied) (r.body as Record<string, unknown>).unrelated_field = 'x';
      });
    };
    const required = requiredOf(schema, deref).find((name) => present.includes(name));
    if (required) return without([required], `body without required ${required}`, `required property '${required}'`);
    const alternatives = alternativesOf(schema, deref);
    const identifying = [...new Set(alternatives.flat())].filter((name) => present.includes(name));
    if (identifying.length) {
      const description = `body without any of ${alternatives.map((names) => names.join('+')).join(', ')}`;
      return without(identifying, description, `required property '${alternatives[0]![0]}'`);
    }
    const broken = findBreak(good.body, schema, carrier, deref, []);
    if (broken?.at.length) {
      return variant(good, `body ${broken.at.join('.')}: ${broken.why}`, broken.at.join('.'), (r) => setAt(r.body as Record<string, unknown>, broken.at, broken.value));
    }
  }
  const query = operation.parameters.filter((p) => p.in === 'query' && p.name in good.query);
  const dropped = query.find((p) => p.required);
  if (dropped) {
    // Prism reads a missing deepObject parameter as an empty object and names what that object lacks.
    const wire = dropped.wireName.replace(/[[\]]/g, '\\$&');
    const expected = new RegExp(`required property '${wire}'|parameter ${wire} must`);
    return variant(good, `query without required ${dropped.name}`, expected, (r) => delete r.query[dropped.name]);
  }
  for (const parameter of [...query, ...operation.parameters.filter((p) => p.in === 'path')]) {
    const where = parameter.in as 'query' | 'path';
    const broken = findBreak(good[where][parameter.name], parameter.schema, 'text', deref, [parameter.name]);
    if (!broken) continue;
    // Prism names the parameter as the bundle does (`ids[].0`).
    const named = [parameter.wireName, ...broken.at.slice(1)].join('.');
    return variant(good, `${where} ${broken.at.join('.')}: ${broken.why}`, named, (r) => setAt(r[where], broken.at, broken.value));
  }
  return undefined;
}

function variant(good: ExampleRequest, description: string, expected: BadVariant['expected'], change: (request: ExampleRequest) => void): BadVariant {
  const request = structuredClone(good);
  change(request);
  return { description, expected, request };
}

/** The first place inside `value` where a wrong value can be put, following the schema. */
function findBreak(value: unknown, raw: Schema | undefined, carrier: Carrier, deref: SpecReader['deref'], at: string[]): Break | undefined {
  const schema = deref(raw);
  if (!schema) return undefined;
  if (isRecord(value)) {
    const object = schema.properties || schema.allOf ? schema : branchFor(schema, value, deref);
    for (const [name, item] of Object.entries(value)) {
      const found = object && findBreak(item, propertyOf(object, name, deref), carrier, deref, [...at, name]);
      if (found) return found;
    }
  }
  const branches = (schema.oneOf ?? schema.anyOf)?.map((branch) => deref(branch));
  if (branches) {
    // A value of one of several shapes breaks only with what every shape refuses: a value outside their enums.
    const enumOnly = branches.every((b) => b.enum || deref(b.items)?.enum);
    return enumOnly && typeof value !== 'object' ? { at, value: 'not-an-allowed-value', why: 'a value outside its enums' } : undefined;
  }
  if (Array.isArray(value) && value.length > 0 && carrier === 'text') return findBreak(value[0], schema.items, carrier, deref, [...at, '0']);
  const wrong = wrongValue(schema, carrier);
  return wrong && { at, ...wrong };
}

/** The branch of a oneOf/anyOf object schema that declares every field of `value`. */
function branchFor(schema: Schema, value: Record<string, unknown>, deref: SpecReader['deref']): Schema | undefined {
  const branches = (schema.oneOf ?? schema.anyOf ?? []).map((branch) => deref(branch));
  return branches.find((b) => b.properties && Object.keys(value).every((name) => propertyOf(b, name, deref)));
}

function wrongValue(schema: Schema, carrier: Carrier): Omit<Break, 'at'> | undefined {
  if (schema.enum) return { value: 'not-an-allowed-value', why: 'a value outside its enum' };
  if (schema.type === 'integer' || schema.type === 'number') return { value: 'not-a-number', why: `text for ${schema.type === 'integer' ? 'an' : 'a'} ${schema.type}` };
  if (schema.type === 'boolean') return { value: 'not-a-boolean', why: 'text for a boolean' };
  if (schema.type === 'string' && (schema.format === 'date' || schema.format === 'date-time')) {
    return { value: 'not-a-date', why: `text that is no ${schema.format}` };
  }
  if (schema.type === 'string' && (schema.minLength ?? 0) > 0) return { value: '', why: 'an empty string' };
  if (carrier === 'text') return undefined;
  if (schema.type === 'string') return { value: 12345, why: 'a number for a string' };
  if (schema.type === 'array' || schema.type === 'object') return { value: `not-an-${schema.type}`, why: `text for an ${schema.type}` };
  return undefined;
}

function requiredOf(schema: Schema, deref: SpecReader['deref']): string[] {
  return [...(schema.required ?? []), ...(schema.allOf ?? []).flatMap((part) => requiredOf(deref(part), deref))];
}

/** The `required` lists of an "at least one of" rule (anyOf/oneOf of bare `required`), here or in allOf parts. */
function alternativesOf(schema: Schema, deref: SpecReader['deref']): string[][] {
  const branches = (schema.anyOf ?? schema.oneOf ?? []).map((branch) => deref(branch));
  const own = branches.length && branches.every((b) => b.required && !b.properties) ? branches.map((b) => b.required!) : [];
  return [...own, ...(schema.allOf ?? []).flatMap((part) => alternativesOf(deref(part), deref))];
}

function propertyOf(schema: Schema, name: string, deref: SpecReader['deref']): Schema | undefined {
  return schema.properties?.[name] ?? (schema.allOf ?? []).map((part) => propertyOf(deref(part), name, deref)).find(Boolean);
}

/** Puts `value` at the keys `at` inside `target` (a body, or the query or path parameters). */
function setAt(target: Record<string, unknown>, at: string[], value: unknown): void {
  let holder = target;
  for (const key of at.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[at.at(-1)!] = value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
