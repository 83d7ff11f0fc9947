// Path parameters that would reach another endpoint: for every operation with a path parameter in
// every API of the registry (read from the bundled specs, so a new API is covered without a change
// here), dot segments, empty and missing values and objects are refused before anything is sent; a
// value full of URL syntax arrives as exactly one encoded segment. Then every odd value type on one
// template, the raw `request()` escape hatch and the paging helper.
import { createApiClient } from '../../src/apis/client.js';
import { pages } from '../../src/index.js';
import type { ApiFacts } from '../../src/internal/api-facts.js';
import { apis } from '../../scripts/registry.mjs';
import { CREDENTIALS } from '../support/canary.js';
import { PROMOTER_CANARY } from '../support/leak-scan.js';
import { readBundle } from '../support/spec-operations.js';
import { onTheWire, refused, type CaseContext } from './kit.js';

const GROUP = 'path parameters';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation { api: string; facts: ApiFacts; method: Uppercase<(typeof METHODS)[number]>; template: string; names: string[] }

const operations: Operation[] = [];
for (const api of apis) {
  const { API: facts } = (await import(`../../generated/${api.name}.operations.ts`)) as { API: ApiFacts };
  for (const [template, item] of Object.entries(readBundle(api.name).paths)) {
    const names = [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
    if (names.length === 0) continue;
    for (const method of METHODS) if (item[method]) operations.push({ api: api.name, facts, method: method.toUpperCase() as Operation['method'], template, names });
  }
}

type Loose = (path: string, init?: object) => Promise<unknown>;

/** The API's typed client with its canary credentials, offline (counting fetch) or against the loopback server. */
function clientFor(op: Operation, context: CaseContext, online: boolean) {
  const counting = (async (input: RequestInfo | URL) => {
    context.attempts.push(String(input));
    return new Response('{}');
  }) as typeof fetch;
  const target = online ? { baseUrl: context.server.url(`/paths/${op.api}`) } : { baseUrl: 'http://127.0.0.1:9/api', fetch: counting };
  const { api } = createApiClient<object>(op.facts, { ...CREDENTIALS[op.api], maxRetries: 0, logger: context.leaks.logger, ...target });
  return api as unknown as Record<Operation['method'], Loose> & { request: (method: string, path: string, init?: object) => Promise<unknown> };
}

/** Every parameter 42, except `bad` (the last one unless given) set to `value`. */
function params(op: Operation, value: unknown, bad = op.names.at(-1) as string): Record<string, unknown> {
  return Object.fromEntries(op.names.map((name) => [name, name === bad ? value : 42]));
}

const body = (op: Operation) => (op.method === 'GET' || op.method === 'DELETE' ? {} : { body: {} });

for (const op of operations) {
  const what = `${op.api} ${op.method} ${op.template}`;
  const last = op.names.at(-1) as string;
  for (const [label, value] of [['"."', '.'], ['".."', '..'], ['empty', ''], ['an object', { id: 1, find_by: 'email' }]] as const) {
    refused(GROUP, `${what}: ${last} ${label}`, (context) => clientFor(op, context, false)[op.method](op.template, { params: { path: params(op, value) }, ...body(op) }), { field: last });
  }
  refused(GROUP, `${what}: no params.path at all`, (context) => clientFor(op, context, false)[op.method](op.template, body(op)), { field: op.names[0] as string });
  refused(GROUP, `${what}: ${op.names[0]} left out of params.path`, (context) => {
    const { [op.names[0] as string]: _, ...rest } = params(op, 42);
    return clientFor(op, context, false)[op.method](op.template, { params: { path: rest }, ...body(op) });
  }, { field: op.names[0] as string });
  // URL syntax of every kind, a promoter token among it: one segment, every reserved byte encoded
  // (written out, not recomputed with the encodeURIComponent the client itself uses).
  const hostile = `../${PROMOTER_CANARY.authToken}/..?x=1#%2e%2e;a,b`;
  const segment = `..%2F${PROMOTER_CANARY.authToken}%2F..%3Fx%3D1%23%252e%252e%3Ba%2Cb`;
  const filled = op.template.replace(/\{([^{}]+)\}/g, (_, name: string) => (name === last ? segment : '42'));
  onTheWire(GROUP, `${what}: URL syntax in ${last} stays one encoded segment`, async (context) => {
    await clientFor(op, context, true)[op.method](op.template, { params: { path: params(op, hostile) }, ...body(op) });
  }, { target: `/paths/${op.api}${filled}` });
}

// Every kind of value on one template: refused by name, or sent as exactly one segment.
const promoter = operations.find((op) => op.template === '/company/promoters/{id}' && op.method === 'GET');
if (!promoter) throw new Error('the corpus expects GET /company/promoters/{id} in the v2 spec');
const odd: Array<[string, unknown]> = [
  ['a space', ' '], ['a tab', '\t'], ['null', null], ['undefined', undefined], ['NaN', Number.NaN], ['Infinity', Infinity],
  ['-Infinity', -Infinity], ['true', true], ['false', false], ['a BigInt', 10n], ['a symbol', Symbol('id')], ['a function', () => 42],
  ['an array', [1]], ['an empty array', []], ['a Date', new Date('2025-01-01')], ['a String object', new String('42')],
  ['a Number object', new Number(42)], ['a Map', new Map([['id', 42]])], ['a lone high surrogate', '\uD800'],
  ['a lone low surrogate', '\uDC00'], ['reversed surrogates', '\uDC00\uD800'], ['a surrogate inside text', `${PROMOTER_CANARY.authToken}\uD800`],
];
for (const [label, value] of odd) {
  refused(GROUP, `GET /company/promoters/{id}: id ${label}`, (context) => clientFor(promoter, context, false).GET(promoter.template, { params: { path: { id: value } } }), { field: 'id' });
}
const exact: Array<[string, string | number, string]> = [
  ['an email', 'jane+1@example.com', 'jane%2B1%40example.com'], ['a number', 42, '42'], ['a negative number', -1, '-1'],
  ['zero', 0, '0'], ['a fraction', 1.5, '1.5'], ['accents', 'Zoë', 'Zo%C3%AB'], ['an emoji (a valid pair)', '😀', '%F0%9F%98%80'],
  ['a space inside', 'a b', 'a%20b'], ['a slash', 'a/b', 'a%2Fb'], ['a question mark', 'a?b', 'a%3Fb'], ['a hash', 'a#b', 'a%23b'],
  ['encoded dots', '%2e%2e', '%252e%252e'], ['three dots', '...', '...'], ['a backslash', 'a\\..\\b', 'a%5C..%5Cb'],
];
for (const [label, value, segment] of exact) {
  onTheWire(GROUP, `GET /company/promoters/{id}: id ${label} is sent as ${segment}`, (context) => clientFor(promoter, context, true).GET(promoter.template, { params: { path: { id: value } } }),
    { target: `/paths/v2/company/promoters/${segment}` });
}
refused(GROUP, 'params.path as a string', (context) => clientFor(promoter, context, false).GET(promoter.template, { params: { path: 'id=1' } }), { field: 'path' });
refused(GROUP, 'params.path as an array', (context) => clientFor(promoter, context, false).GET(promoter.template, { params: { path: ['1'] } }), { field: 'path' });
refused(GROUP, 'raw request(): a dot segment', (context) => clientFor(promoter, context, false).request('DELETE', promoter.template, { params: { path: { id: '..' } } }), { field: 'id' });
refused(GROUP, 'raw request(): no params', (context) => clientFor(promoter, context, false).request('get', promoter.template), { field: 'id' });
refused(GROUP, 'raw request(): a method that only Unicode case mapping makes POST', (context) => clientFor(promoter, context, false).request('poſt', '/company/promoters', { body: {} }), { field: 'method' });
refused(GROUP, 'raw request(): a method that is not HTTP', (context) => clientFor(promoter, context, false).request('GET /x HTTP/1.1\r\n', '/company/promoters'), { field: 'method' });
refused(GROUP, 'a path that is not a string', (context) => clientFor(promoter, context, false).GET(42 as unknown as string), { field: 'path' });
refused(GROUP, 'pages(): a dot segment in a list path', async (context) => {
  const { v2 } = context.offline();
  const walk = pages(v2, '/company/webhooks/{webhook_id}/webhook_deliveries', { path: { webhook_id: '..' as unknown as number } });
  await walk.next();
}, { field: 'webhook_id' });
refused(GROUP, 'pages(): a list path without its parameter', async (context) => {
  const { v2 } = context.offline();
  const walk = (pages as (client: unknown, path: string) => AsyncGenerator)(v2, '/company/webhooks/{webhook_id}/webhook_deliveries');
  await walk.next();
}, { field: 'webhook_id' });

if (operations.length < 20) throw new Error(`only ${operations.length} operations with path parameters found in the specs`);
