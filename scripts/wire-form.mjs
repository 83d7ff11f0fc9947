// The bundle we ship (generated/<api>.openapi.yaml) describes requests as they travel, so a stock Prism
// (or any OpenAPI tool) started on it checks what this client and other clients of FirstPromoter send.
// The specs in openapi/ name parameters the way code uses them (`ids`, `columns`); the generator keeps
// that form for the types and the operation table, and applies these rules to the shipped bundle only.
// Being rules of the bundle step, they hold for every API of the registry, present and future:
//
// 1. Rails arrays: a query parameter of type array is named `name[]` on the wire (`ids[]=1&ids[]=2`),
//    which OpenAPI 3.0 has no style for. Renamed in the bundle, a stock Prism reads and checks it.
// 2. Key-value parameters in the query: Rails reads form fields from the query string and from an
//    `application/x-www-form-urlencoded` body alike, FirstPromoter's own v1 files declare every
//    parameter `in: query`, and its official integrations send them there. Each field of a form body
//    is also declared as an optional query parameter, and the body is optional. OpenAPI 3.0 cannot say
//    "required in one of the two places", so the body's required fields are checked when a body is
//    sent; in the query form only the values are checked.
// 3. Closed objects: where FirstPromoter documents the set of keys (filters, sorting, JSON bodies), a key
//    outside it is an error, not something to ignore. deepObject query objects (at any depth) and JSON
//    request bodies get `additionalProperties: false` unless the spec states `additionalProperties`
//    itself (`true` keeps an object open). Prism does not check unknown keys of deepObject parameters;
//    the contract harness does (contract-tests/support/query-keys.ts).
import { operationsOf, resolver } from './operation-table.mjs';

const FORM = 'application/x-www-form-urlencoded';

/** Rewrites a parsed bundle (in place) into its wire form and returns it. */
export function toWireForm(spec) {
  const deref = resolver(spec);
  for (const { op, parameters } of operationsOf(spec, deref)) {
    for (const parameter of parameters) {
      if (parameter.in !== 'query') continue;
      const schema = deref(parameter.schema);
      if (parameter.style === 'deepObject') closeObject(schema, deref, new Set());
      else if (schema?.type === 'array' && !parameter.name.endsWith('[]')) {
        parameter.name = `${parameter.name}[]`;
        // OpenAPI's default for query arrays, written out: Prism 5 otherwise reads only the last value.
        parameter.explode ??= true;
      }
    }
    const body = deref(op.requestBody);
    const json = body?.content?.['application/json'];
    if (json) closeObject(deref(json.schema), deref, new Set(), false);
    if (body?.content?.[FORM]) {
      op.parameters = [...(op.parameters ?? []), ...formFieldsAsQuery(body.content[FORM], parameters, deref)];
      // An inline copy: a shared requestBody component may serve an operation left as it is.
      op.requestBody = { ...body, required: false };
    }
  }
  return spec;
}

/** One optional query parameter per field of a form body, named and styled as the wire carries it. */
function formFieldsAsQuery(media, existing, deref) {
  const taken = new Set(existing.filter((p) => p.in === 'query').map((p) => p.name.replace(/\[\]$/, '')));
  return Object.entries(propertiesOf(deref(media.schema), deref))
    .filter(([name]) => !taken.has(name))
    .map(([name, schema]) => {
      const resolved = deref(schema);
      const base = { in: 'query', required: false, description: `Also accepted in the query string: see the \`${name}\` field of the form body.`, schema };
      if (resolved?.type === 'array') return { name: `${name}[]`, ...base, explode: true };
      if (resolved?.type === 'object') return { name, ...base, style: 'deepObject', explode: true };
      return { name, ...base };
    });
}

/** The properties of an object schema, including those of its allOf parts. */
function propertiesOf(schema, deref) {
  if (!schema) return {};
  const parts = (schema.allOf ?? []).map((part) => propertiesOf(deref(part), deref));
  return Object.assign({}, ...parts, schema.properties ?? {});
}

/**
 * `additionalProperties: false` on an object with declared properties, when every property it can
 * hold is declared at its own level (allOf parts that declare properties would be refused by it).
 * `deep`: also inside its properties, array items and oneOf/anyOf branches (query objects).
 */
function closeObject(schema, deref, seen, deep = true) {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) closeObject(deref(branch), deref, seen, deep);
  const partsDeclare = (schema.allOf ?? []).some((part) => deref(part)?.properties);
  if (schema.properties && !partsDeclare && schema.additionalProperties === undefined) schema.additionalProperties = false;
  if (!deep) return;
  for (const property of Object.values(schema.properties ?? {})) closeObject(deref(property), deref, seen, deep);
  if (schema.items) closeObject(deref(schema.items), deref, seen, deep);
}
