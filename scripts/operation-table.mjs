// Reads one bundled spec and derives what the client and the tools need to know about the API and
// each of its operations, so nothing downstream guesses from a path: the API's base URL, auth headers
// and body encoding, and per operation its statuses, media types and kind (list and page shape, bulk
// action, tracking call with its outcomes, download). scripts/generate.mjs writes the result as
// generated/<api>.operations.ts.

/** The HTTP methods a path item can hold an operation under. */
export const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * @typedef {'array' | 'envelope'} PageShape
 * @typedef {{ outcome: 'not_referral' | 'duplicate', when?: Record<string, string | true> }} OutcomeRule
 * @typedef {{
 *   id: string, method: string, path: string, statuses: number[], request: 'none' | 'json' | 'form',
 *   media: Record<string, string[]>, kind: 'list' | 'bulk' | 'tracking' | 'download' | 'call',
 *   page?: PageShape, outcomes?: Record<string, OutcomeRule>, parameters: string[], requiredParameters: string[],
 *   server?: string,
 * }} Operation
 */

/** Follows local `$ref`s (`#/components/...`) of the bundle until a real object is reached. */
export function resolver(spec) {
  return function deref(node) {
    let current = node;
    for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
      if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`Cannot resolve ${current.$ref}`);
      current = current.$ref.slice(2).split('/').reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    }
    return current;
  };
}

/** Header name and value prefix of a security scheme: `Authorization: Bearer …` or an apiKey header. */
function schemeHeader(spec, name) {
  const scheme = spec.components?.securitySchemes?.[name];
  if (!scheme) throw new Error(`Security scheme ${name} is not declared in the spec`);
  if (scheme.type === 'http' && scheme.scheme === 'bearer') return { header: 'Authorization', prefix: 'Bearer ' };
  if (scheme.type === 'apiKey' && scheme.in === 'header') return { header: scheme.name, prefix: '' };
  throw new Error(`Security scheme ${name} is neither a bearer token nor an apiKey header`);
}

/** The API-level facts: registry entry plus what the spec says about the wire. */
export function apiFacts(api, spec, operations) {
  const baseUrl = spec.servers?.[0]?.url;
  if (typeof baseUrl !== 'string') throw new Error(`${api.name}: the spec declares no server URL`);
  const encodings = new Set(operations.map((op) => op.request).filter((r) => r !== 'none'));
  if (encodings.size > 1) throw new Error(`${api.name}: request bodies mix ${[...encodings].join(' and ')}`);
  return {
    name: api.name,
    baseUrl,
    encoding: encodings.has('form') ? 'form' : 'json',
    credentials: api.credentials.map((c) => ({ option: c.option, env: c.env, label: c.label, ...schemeHeader(spec, c.scheme) })),
    paging: api.paging,
  };
}

/**
 * Every webhook of a receiver-side spec (OpenAPI 3.1 `webhooks`), in spec order: its name (the event
 * type FirstPromoter sends) and the example body of its POST, which each webhook must have.
 * @returns {{ name: string, example: unknown }[]}
 */
export function webhookList(specName, spec) {
  const deref = resolver(spec);
  return Object.entries(spec.webhooks ?? {}).map(([name, rawItem]) => {
    const post = deref(rawItem)?.post;
    const media = deref(post?.requestBody)?.content?.[JSON_TYPE];
    if (!media || media.example === undefined) throw new Error(`${specName} webhook ${name}: needs a POST with an application/json example`);
    return { name, example: media.example };
  });
}

/**
 * Every operation of the spec's `paths`, in path order: its path item, method, operation object and
 * parameters (the path item's then its own, `$ref`s followed).
 */
export function* operationsOf(spec, deref = resolver(spec)) {
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      yield { path, item, method, op, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref) };
    }
  }
}

/** Every operation of the spec, in path order. */
export function operationTable(apiName, spec) {
  const deref = resolver(spec);
  const apiBase = spec.servers?.[0]?.url;
  /** @type {Operation[]} */
  const table = [];
  for (const { path, item, method, op, parameters } of operationsOf(spec, deref)) {
    const where = `${apiName} ${method.toUpperCase()} ${path}`;
    // A path or an operation may name its own server (another base path or host than the API's).
    const server = (op.servers ?? item.servers)?.[0]?.url;
    const responses = Object.entries(op.responses ?? {}).map(([status, response]) => [status, deref(response)]);
    const media = Object.fromEntries(responses.filter(([, r]) => r.content).map(([status, r]) => [status, Object.keys(r.content)]));
    const requestTypes = Object.keys(deref(op.requestBody)?.content ?? {});
    const request = requestTypes.includes(FORM_TYPE) ? 'form' : requestTypes.includes(JSON_TYPE) ? 'json' : requestTypes.length ? 'other' : 'none';
    if (request === 'other') throw new Error(`${where}: request body is neither JSON nor a form`);
    const entry = {
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      statuses: responses.map(([status]) => Number(status)).sort((a, b) => a - b),
      request,
      media,
      ...kindOf(where, method, op, parameters, responses, deref),
      parameters: parameters.map((p) => `${p.in}:${p.name}`),
      requiredParameters: parameters.filter((p) => p.required).map((p) => `${p.in}:${p.name}`),
      ...(server && server !== apiBase ? { server } : {}),
    };
    table.push(entry);
  }
  return table;
}

/** What kind of operation this is, from its structure (the rules are in openapi/README.md). */
function kindOf(where, method, op, parameters, responses, deref) {
  if (op['x-outcomes']) return { kind: 'tracking', outcomes: outcomeRules(where, op['x-outcomes'], responses) };
  const success = responses.filter(([status]) => status.startsWith('2'));
  const binary = success.some(([, r]) => Object.keys(r.content ?? {}).some((type) => type !== JSON_TYPE));
  if (binary) return { kind: 'download' };
  if (method !== 'get' && success.some(([status, r]) => status === '202' && isBatch(jsonSchema(r, deref), deref))) return { kind: 'bulk' };
  if (method === 'get' && parameters.some((p) => p.in === 'query' && p.name === 'page')) {
    const ok = success.find(([status]) => status === '200');
    const schema = ok && jsonSchema(ok[1], deref);
    if (schema?.type === 'array') return { kind: 'list', page: 'array' };
    if (deref(schema?.properties?.data)?.type === 'array') return { kind: 'list', page: 'envelope' };
    throw new Error(`${where}: takes \`page\` but its 200 is neither an array nor { data: [...] }`);
  }
  return { kind: 'call' };
}

function jsonSchema(response, deref) {
  return deref(response.content?.[JSON_TYPE]?.schema);
}

/** A batch process (`id` and `status`), or the payouts envelope `{ data: batch }`. */
function isBatch(schema, deref) {
  const props = schema?.properties ?? {};
  if (props.id && props.status) return true;
  const inner = deref(props.data);
  return Boolean(inner?.properties?.id && inner?.properties?.status);
}

function outcomeRules(where, rules, responses) {
  const documented = new Set(responses.map(([status]) => status));
  for (const [status, rule] of Object.entries(rules)) {
    if (!documented.has(status)) throw new Error(`${where}: x-outcomes names ${status}, which is not a documented response`);
    if (!['not_referral', 'duplicate'].includes(rule?.outcome)) throw new Error(`${where}: x-outcomes ${status} has an unknown outcome`);
  }
  return rules;
}
