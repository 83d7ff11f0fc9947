// Prism reads a deepObject query parameter by the properties its schema declares and drops every
// other key unseen, so `filters[bogus]=1` passes although the shipped bundle closes the object
// (`additionalProperties: false`, scripts/wire-form.mjs). This check does what Prism leaves out: each
// bracket key of a request's query is followed through its parameter's schema, and a key the schema
// does not declare, where the object is closed, is a violation with Prism's wording for bodies.
import type { ContractViolation } from '../../src/testing/violations.js';
import { readBundle, type Schema } from './spec-operations.js';

interface ClosedSchema extends Schema {
  additionalProperties?: boolean | Schema;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** deepObject query parameters of the operation, by name. */
  objects: Map<string, ClosedSchema>;
}

type QueryKeyViolation = ContractViolation['violations'][number];

const routesByApi = new Map<string, { routes: Route[]; deref: (node: unknown) => ClosedSchema }>();

function routesOf(apiName: string) {
  const cached = routesByApi.get(apiName);
  if (cached) return cached;
  const bundle = readBundle(apiName);
  const deref = (node: unknown) => bundle.deref(node) as ClosedSchema;
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(bundle.paths)) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(item as Record<string, { parameters?: unknown[] }>)) {
      const objects = new Map<string, ClosedSchema>();
      for (const raw of op.parameters ?? []) {
        const parameter = deref(raw) as unknown as { in: string; name: string; style?: string; schema: unknown };
        if (parameter.in === 'query' && parameter.style === 'deepObject') objects.set(parameter.name, deref(parameter.schema));
      }
      routes.push({ method: method.toUpperCase(), pattern, objects });
    }
  }
  const loaded = { routes, deref };
  routesByApi.set(apiName, loaded);
  return loaded;
}

/** Unknown keys of closed deepObject parameters in `url`, a request to `baseUrl` of API `apiName`. */
export function unknownQueryKeys(apiName: string, baseUrl: string, method: string, url: string): QueryKeyViolation[] {
  const { routes, deref } = routesOf(apiName);
  const parsed = new URL(url);
  const path = parsed.pathname.slice(new URL(baseUrl).pathname.replace(/\/$/, '').length);
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  if (!route) return [];
  const problems: QueryKeyViolation[] = [];
  for (const key of new Set(parsed.searchParams.keys())) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])+)$/.exec(key);
    const root = match && route.objects.get(match[1]!);
    if (!root) continue;
    const segments = [...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    const unknown = firstUnknown(root, segments, deref);
    if (unknown !== undefined) {
      const at = [match[1]!, ...segments.slice(0, unknown)];
      problems.push({
        location: ['request', 'query', ...at],
        code: 'additionalProperties',
        message: `Request query parameter ${at.join('.')} must NOT have additional properties: ${segments[unknown]}`,
        severity: 'Error',
      });
    }
  }
  return problems;
}

/** Index of the first segment the schema does not declare where its object is closed, if any. */
function firstUnknown(start: ClosedSchema, segments: string[], deref: (node: unknown) => ClosedSchema): number | undefined {
  let schemas = [deref(start)];
  for (const [index, segment] of segments.entries()) {
    // A value-or-array property (`oneOf`) is any of its branches.
    schemas = schemas.flatMap((s) => [s, ...[...(s.oneOf ?? []), ...(s.anyOf ?? [])].map(deref)]);
    if (segment === '' || /^\d+$/.test(segment)) {
      schemas = schemas.filter((s) => s.items).map((s) => deref(s.items));
      continue;
    }
    const declared = schemas.filter((s) => s.properties?.[segment]).map((s) => deref(s.properties![segment]));
    if (declared.length) {
      schemas = declared;
      continue;
    }
    const objects = schemas.filter((s) => s.properties || s.additionalProperties !== undefined);
    if (objects.length && objects.every((s) => s.additionalProperties === false)) return index;
    return undefined;
  }
  return undefined;
}
