// A custom `fetch` whose failures carry the request's secrets: URLs with promoter tokens, header
// lists with the API key and Account-ID, codes and names that are credentials, causes, aggregates,
// bodies that fail mid-read, answers that are not Responses. The client's errors and log events must
// say what failed in its own words (plus a system code such as ECONNRESET), in every rendering, while
// what fetch threw stays reachable for the caller at `error.cause.thrown`. The same holds for a rate
// limit store that fails with an ioredis-like message: a redis:// URL with a password, the keys.
import { expect } from 'vitest';
import { AbortError, ConnectionError, RateLimitStoreError, TimeoutError, type FirstPromoterOptions, type RateLimitStore } from '../../src/index.js';
import { CANARY } from '../support/canary.js';
import { PROMOTER_CANARY } from '../support/leak-scan.js';
import { attack, outcomeOf, type CaseContext } from './kit.js';

const GROUP = 'foreign errors';
const { apiKey, accountId, v1ApiKey } = CANARY;
const url = `https://api.firstpromoter.com/api/v2/company/promoters/${PROMOTER_CANARY.authToken}?find_by=auth_token`;
const headerList = `authorization: Bearer ${apiKey}, account-id: ${accountId}, x-api-key: ${v1ApiKey}`;

/** What a fetch throws (a fresh value per attempt), and the code the client may show for it. */
const shapes: Array<[string, () => unknown, string?]> = [
  ['a TypeError quoting the URL and the headers', () => new TypeError(`request to ${url} failed; sent ${headerList}`)],
  ['undici\'s shape with the socket code on the cause', () => new TypeError('fetch failed', { cause: Object.assign(new Error(`read ECONNRESET ${headerList}`), { code: 'ECONNRESET' }) }), 'ECONNRESET'],
  ['a refused connection quoting the URL', () => new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ECONNREFUSED ${url}`), { code: 'ECONNREFUSED' }) }), 'ECONNREFUSED'],
  ['a cause holding the headers object', () => new Error('proxy failed', { cause: { headers: { authorization: `Bearer ${apiKey}`, 'account-id': accountId } } })],
  ['a thrown string', () => `fetch to ${url} with ${headerList} failed`],
  ['a plain object with a code that is the key', () => ({ code: apiKey, message: accountId })],
  ['an error named after the key', () => Object.assign(new Error('x'), { name: apiKey, code: accountId })],
  ['an AggregateError of two attempts', () => new AggregateError([new Error(headerList), new Error(url)], `all ${v1ApiKey} attempts failed`)],
  ['a DOMException', () => new DOMException(`NetworkError ${headerList}`, 'NetworkError')],
  ['an error whose stack was rewritten', () => Object.assign(new Error('x'), { stack: `Error: ${headerList}\n    at fetch (${url})` })],
  ['an error with enumerable fields', () => Object.assign(new Error('x'), { request: { url, headers: headerList } })],
  ['null', () => null],
];

type Call = (client: ReturnType<CaseContext['offline']>) => Promise<unknown>;
const calls: Array<[string, Call]> = [
  ['v2 track.sale', ({ v2 }) => v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 })],
  ['v2 GET a promoter by auth_token', ({ v2 }) => v2.api.GET('/company/promoters/{id}', { params: { path: { id: PROMOTER_CANARY.authToken }, query: { find_by: 'auth_token' } } })],
  ['v1 track.sale', ({ v1 }) => v1.track.sale({ uid: 'cus_1', event_id: 'in_1', amount: 100 })],
];

/** Runs `call` on clients whose fetch does `fetch` (the counting one when undefined), collects everything, returns the error. */
async function failing(context: CaseContext, call: Call, fetch: typeof globalThis.fetch | undefined, options: Partial<FirstPromoterOptions> = {}): Promise<unknown> {
  const clients = context.offline({ ...(fetch && { fetch }), maxRetries: 1, ...options });
  context.leaks.object('clients', clients);
  const { error } = await outcomeOf(() => call(clients));
  context.leaks.error('call', error);
  return error;
}

for (const [shape, make, code] of shapes) {
  for (const [label, call] of calls) {
    attack(GROUP, `${label}: fetch throws ${shape}`, async (context) => {
      const thrown: unknown[] = [];
      const error = await failing(context, call, (async () => {
        const value = make();
        thrown.push(value);
        throw value;
      }) as typeof fetch);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toMatch(code ? new RegExp(`\\(connection failed: ${code}\\)`) : /\(connection failed\)/);
      // Reachable on purpose, never printed: the last attempt's own value.
      expect((error as ConnectionError & { cause: { thrown(): unknown } }).cause.thrown()).toBe(thrown.at(-1));
    });
  }
}

const bodyFails = (async () => new Response(new ReadableStream({
  start(controller) {
    controller.enqueue(new TextEncoder().encode('{"id":'));
    controller.error(new Error(`stream reset while reading ${url} (${headerList})`));
  },
}), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
const notResponses: Array<[string, typeof fetch]> = [
  ['a body that fails half way', bodyFails],
  ['an answer that is not a Response', (async () => ({ status: 200, get headers() { throw new Error(headerList); } })) as unknown as typeof fetch],
  ['undefined instead of a Response', (async () => undefined) as unknown as typeof fetch],
  ['a fetch that throws synchronously', (() => { throw new Error(headerList); }) as unknown as typeof fetch],
];
for (const [what, fetch] of notResponses) {
  for (const [label, call] of calls) {
    attack(GROUP, `${label}: ${what}`, async (context) => {
      expect(await failing(context, call, fetch)).toBeInstanceOf(ConnectionError);
    });
  }
}

attack(GROUP, 'v1 track.sale: a code shaped like a system code that is the key upper-cased', async (context) => {
  const fetch = (async () => { throw Object.assign(new TypeError('fetch failed'), { code: v1ApiKey.toUpperCase() }); }) as typeof globalThis.fetch;
  const error = await failing(context, ({ v1 }) => v1.track.sale({ uid: 'cus_1', event_id: 'in_1', amount: 100 }), fetch);
  expect((error as Error).message).toMatch(/\(connection failed\)/);
});
attack(GROUP, 'a fetch that throws with the key after the caller aborted: an AbortError', async (context) => {
  const controller = new AbortController();
  const fetch = (async () => {
    controller.abort(new Error('caller gave up'));
    throw new Error(`aborted ${headerList}`);
  }) as typeof globalThis.fetch;
  const error = await failing(context, ({ v2 }) => v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }, { signal: controller.signal }), fetch);
  expect(error).toBeInstanceOf(AbortError);
});
attack(GROUP, 'a fetch that rejects with the key once its signal fires on timeout: a TimeoutError', async (context) => {
  const fetch = ((_input: unknown, init?: RequestInit) => new Promise((_, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new Error(`timed out: ${headerList}`)));
  })) as typeof globalThis.fetch;
  const error = await failing(context, ({ v2 }) => v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }), fetch, { timeoutMs: 20 });
  expect(error).toBeInstanceOf(TimeoutError);
});

const stores: Array<[string, (thrown: Error) => RateLimitStore]> = [
  ['throws at once', (thrown) => ({ update() { throw thrown; } })],
  ['rejects', (thrown) => ({ update: () => Promise.reject(thrown) })],
];
for (const [how, store] of stores) {
  for (const [label, call] of calls) {
    attack(GROUP, `${label}: the rate limit store ${how} with a redis:// URL holding the key`, async (context) => {
      const thrown = new Error(`connect ECONNREFUSED redis://default:${apiKey}@redis.internal:6379 (${headerList})`);
      const error = await failing(context, call, undefined, { rateLimit: { requestsPerMinute: 400, store: store(thrown) } });
      expect(error).toBeInstanceOf(RateLimitStoreError);
      expect((error as RateLimitStoreError).cause.thrown()).toBe(thrown);
      expect(context.attempts, 'requests sent').toEqual([]);
    });
  }
}
