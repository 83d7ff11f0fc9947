// Hostile servers, on real loopback HTTP: decompression bombs and huge bodies (stopped at the cap with
// a ResponseTooLargeError, never retried, the connection dropped), bodies whose keys attack the
// prototype, and answers that echo the client's own credentials back (401 bodies, reflected headers,
// header names, object keys, URL-encoded and JSON-escaped) or carry promoter secrets in every shape.
import { expect } from 'vitest';
import {
  APIError, AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, RedirectError, ResponseTooLargeError, unwrap,
} from '../../src/index.js';
import { BOMB_ENCODINGS, pumpZeros, sendBomb, type Route } from '../../src/transport/adapters/loopback-server.js';
import { CANARY } from '../support/canary.js';
import { PROMOTER_CANARY } from '../support/leak-scan.js';
import { attack, outcomeOf, routes, type CaseContext } from './kit.js';

const GROUP = 'hostile servers';
const MiB = 1024 * 1024;
const { apiKey, accountId, v1ApiKey } = CANARY;
const { authToken, passwordSetupUrl } = PROMOTER_CANARY;

/** A route under `/h/<name>`; returns the prefix to use as baseUrl. */
function serve(name: string, path: string, route: Route): string {
  routes[`/h/${name}${path}`] = route;
  return `/h/${name}`;
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Route => (_req, res) =>
  void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));

async function tooLarge(context: CaseContext, call: () => Promise<unknown>, prefix: string, path: string, status: number) {
  const { error } = await outcomeOf(call);
  context.leaks.error('too large', error);
  expect(error).toBeInstanceOf(ResponseTooLargeError);
  expect(error).toMatchObject({ status, attempts: 1 });
  expect(context.server.hits(`${prefix}${path}`), 'never retried').toBe(1);
}

// Bombs: every encoding, on a list, on a retryable 5xx, on a tracking call; the default cap and a small one.
for (const encoding of BOMB_ENCODINGS) {
  for (const [what, status, cap] of [['a list page', 200, undefined], ['a 503 a GET would retry', 503, MiB]] as const) {
    const prefix = serve(`bomb-${encoding}-${status}`, '/company/promoters', (_req, res) => void res.on('close', sendBomb(res, status, encoding)));
    attack(GROUP, `an endless ${encoding} bomb as ${what} (cap ${cap ?? 'default 32 MiB'})`, (context) =>
      tooLarge(context, () => unwrap(context.online(prefix, { maxRetries: 2, ...(cap ? { maxResponseBytes: cap } : {}) }).v2.api.GET('/company/promoters')), prefix, '/company/promoters', status));
  }
  const prefix = serve(`bomb-${encoding}-track`, '/track/sale', (_req, res) => void res.on('close', sendBomb(res, 200, encoding)));
  attack(GROUP, `an endless ${encoding} bomb answering a sale`, (context) =>
    tooLarge(context, () => context.online(prefix, { maxRetries: 2, maxResponseBytes: MiB }).v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }), prefix, '/track/sale', 200));
}
const huge = (status: number, declared: boolean): Route => (_req, res) => {
  res.writeHead(status, { 'content-type': 'text/plain', ...(declared ? { 'content-length': String(50 * MiB) } : {}) });
  pumpZeros(res, 50 * MiB);
};
for (const [label, declared] of [['with its Content-Length', true], ['chunked', false]] as const) {
  const prefix = serve(`huge-${declared}`, '/company/promoters', huge(502, declared));
  attack(GROUP, `a 50 MB text error body ${label}, default cap`, (context) =>
    tooLarge(context, () => unwrap(context.online(prefix, { maxRetries: 2 }).v2.api.GET('/company/promoters')), prefix, '/company/promoters', 502));
}
const lying = serve('lying', '/company/promoters', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 ** 3) }).end('[]'));
attack(GROUP, 'a Content-Length of 2 GB on a tiny body: refused from the header alone', (context) =>
  tooLarge(context, () => unwrap(context.online(lying).v2.api.GET('/company/promoters')), lying, '/company/promoters', 200));
const exact = serve('exact', '/company/promoters', json(200, `[${'0,'.repeat(510)}0]`));
attack(GROUP, 'a body of exactly maxResponseBytes is read; with a cap one byte smaller it is refused', async (context) => {
  const rows = await unwrap(context.online(exact, { maxResponseBytes: 1023 }).v2.api.GET('/company/promoters'));
  expect(rows).toHaveLength(511);
  const { error } = await outcomeOf(() => unwrap(context.online(exact, { maxResponseBytes: 1022 }).v2.api.GET('/company/promoters')));
  context.leaks.error('one byte over', error);
  expect(error).toMatchObject({ name: 'ResponseTooLargeError', status: 200, maxResponseBytes: 1022 });
});

// Large but allowed: the message is built from the first KB, the body is kept (redacted).
const tail = `auth_token=${authToken} key=${apiKey}`;
const bigText = serve('big-text', '/company/promoters', (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end(`${'<p>oops</p>\n'.repeat(400_000)}${tail}`));
attack(GROUP, 'a 4.8 MB HTML error page: a short message, the body kept with its secrets redacted', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(bigText, { maxRetries: 0 }).v2.api.GET('/company/promoters')));
  context.leaks.error('big text', error);
  expect(error).toBeInstanceOf(APIError);
  expect((error as Error).message.length).toBeLessThan(600);
  expect(((error as APIError).body as string).endsWith('auth_token=[redacted] key=[redacted]')).toBe(true);
});
const bigJson = serve('big-json', '/company/promoters', json(422, { errors: Array.from({ length: 100_000 }, (_, i) => ({ field: `f${i}`, code: 'invalid' })) }));
attack(GROUP, 'a 4 MB JSON error body without a message: a short message all the same', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(bigJson).v2.api.GET('/company/promoters')));
  context.leaks.error('big json', error);
  expect((error as Error).message.length).toBeLessThan(600);
  expect((error as Error).message).toMatch(/answered 422 to GET \/company\/promoters: \{.*"field":"f0","code":"invalid"\},\{"field":"f1"/);
});

// Keys that attack the prototype.
const proto = serve('proto', '/company/promoters/1', json(404, '{"__proto__":{"message":"pwned"},"error":"Not found"}'));
attack(GROUP, 'a __proto__ key in an error body stays a key', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(proto).v2.api.GET('/company/promoters/{id}', { params: { path: { id: '1' } } })));
  context.leaks.error('proto', error);
  expect(error).toBeInstanceOf(NotFoundError);
  const { body, message } = error as APIError;
  expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
  expect(Object.keys(body as object)).toEqual(['__proto__', 'error']);
  expect(message).toContain(': Not found. ');
  expect(message).not.toContain('pwned');
});
const protoDuplicate = serve('proto-409', '/track/sale', json(409, '{"__proto__":{"message":"pwned"}}'));
attack(GROUP, 'a __proto__ key in a duplicate answer does not supply its message', async (context) => {
  const outcome = await context.online(protoDuplicate).v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 });
  context.leaks.object('outcome', outcome);
  expect(outcome).toMatchObject({ outcome: 'duplicate', message: undefined });
});
const pollute = serve('pollute', '/company/promoters', json(400, '{"constructor":{"prototype":{"polluted":"yes"}},"__proto__":{"polluted":"yes"}}', JSON.parse('{"__proto__":"header"}')));
attack(GROUP, 'constructor.prototype and __proto__ in a body or a header name pollute nothing', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(pollute).v2.api.GET('/company/promoters')));
  context.leaks.error('pollute', error);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(Object.getPrototypeOf((error as APIError).headers)).toBe(Object.prototype);
});

// The client's own credentials echoed back, in every place a server can put them.
const echoes: Array<[string, string, Route, abstract new (...args: never[]) => Error]> = [
  ['a 401 JSON body', '/company/promoters', json(401, { message: `Invalid key ${apiKey} for account ${accountId}` }), AuthenticationError],
  ['reflected headers', '/company/promoters', json(403, { message: 'Denied' }, { 'x-echo-authorization': `Bearer ${apiKey}`, 'x-account': accountId, 'www-authenticate': `Bearer error="invalid_token", token="${apiKey}"` }), PermissionDeniedError],
  ['a header name', '/company/promoters', json(403, {}, { [`x-${apiKey}`]: '1' }), PermissionDeniedError],
  ['object keys', '/company/promoters', json(401, { [apiKey]: 'yours', nested: { [accountId]: [apiKey] } }), AuthenticationError],
  ['URL-encoded, in a link', '/company/promoters', json(400, { error: `See https://x.test/help?key=${encodeURIComponent(apiKey)}&acct=${encodeURIComponent(accountId)}` }), APIError],
  ['JSON-escaped, in half a JSON body', '/company/promoters', json(500, `{"message":"bad \\"${apiKey}\\"","account":"${accountId}`), APIError],
  ['a 2xx page that is not JSON', '/company/promoters', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>Welcome ${accountId}, key ${apiKey}</p>`), APIError],
];
for (const [label, path, route, type] of echoes) {
  const prefix = serve(`echo-${label.replace(/\W+/g, '-')}`, path, route);
  attack(GROUP, `credentials echoed back in ${label}`, async (context) => {
    const { error } = await outcomeOf(() => unwrap(context.online(prefix).v2.api.GET('/company/promoters')));
    context.leaks.error(label, error);
    expect(error).toBeInstanceOf(type);
    expect(JSON.stringify(error)).toContain('[redacted]');
  });
}
const v1Echo = serve('v1-echo', '/promoters/list', (_req, res) => void res.writeHead(401, { 'content-type': 'text/html', 'x-api-key': v1ApiKey }).end(`<h1>Bad key ${v1ApiKey}</h1>`));
attack(GROUP, 'a v1 key echoed in an HTML 401 and a header', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(v1Echo).v1.api.GET('/promoters/list')));
  context.leaks.error('v1 echo', error);
  expect(error).toBeInstanceOf(AuthenticationError);
});
const duplicateEcho = serve('dup-echo', '/track/sale', json(409, { message: `Event in_1 already tracked for ${accountId} (${apiKey})` }));
attack(GROUP, 'credentials echoed in a duplicate answer\'s message', async (context) => {
  const outcome = await context.online(duplicateEcho).v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 });
  context.leaks.object('duplicate outcome', outcome);
  expect(outcome).toMatchObject({ outcome: 'duplicate', message: 'Event in_1 already tracked for [redacted] ([redacted])' });
});
const conflict = serve('conflict', '/company/promoters', json(409, { message: `exists: ${apiKey}` }));
attack(GROUP, 'credentials echoed in a 409 of an admin call', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(conflict).v2.api.POST('/company/promoters', { body: { email: 'a@example.com' } })));
  context.leaks.error('conflict', error);
  expect(error).toBeInstanceOf(ConflictError);
});

// Promoter secrets in shapes the field-name redaction must still catch.
const promoterShapes: Array<[string, Route]> = [
  ['upper-case field names', json(422, { promoter: { AUTH_TOKEN: authToken, Password_Setup_Url: passwordSetupUrl } })],
  ['a setup link whose token follows an &', (_req, res) => void res.writeHead(422, { 'content-type': 'text/html' }).end(`<p>password_setup_url: https://app.firstpromoter.test/setup?email=a@b.test&token=pset_canary_93b1f0e2</p>`)],
  ['an HTML-escaped link', (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end(`<a>password_setup_url=https://x.test/s?e=1&amp;token=pset_canary_93b1f0e2</a>`)],
  ['a link after a fragment', (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end(`password_setup_url=https://x.test/s#e=1&token=pset_canary_93b1f0e2`)],
  ['a reflected header', json(404, {}, { 'x-debug': `auth_token=${authToken}` })],
];
for (const [label, route] of promoterShapes) {
  const prefix = serve(`promoter-${label.replace(/\W+/g, '-')}`, '/company/promoters', route);
  attack(GROUP, `promoter secrets in ${label}`, async (context) => {
    const { error } = await outcomeOf(() => unwrap(context.online(prefix).v2.api.GET('/company/promoters')));
    context.leaks.error(label, error);
    expect(error).toBeInstanceOf(APIError);
  });
}
const redirect = serve('redirect', '/company/promoters', (_req, res) => void res.writeHead(302, { location: `https://evil.test/?key=${apiKey}&auth_token=${authToken}` }).end());
attack(GROUP, 'a redirect whose Location carries the key', async (context) => {
  const { error } = await outcomeOf(() => unwrap(context.online(redirect).v2.api.GET('/company/promoters')));
  context.leaks.error('redirect', error);
  expect(error).toBeInstanceOf(RedirectError);
});
