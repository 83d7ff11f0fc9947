// Run by packaged.ts in a child process against a fresh tsup build (ESM or CommonJS): a custom fetch
// whose error quotes the credentials, and an async logger that rejects. Prints one JSON line: every
// rendering of the error (for the parent's canary scan) and the outcomes. An unhandled rejection would
// end this process with exit code 1 before it prints, as it would end a user's server.
import { createRequire } from 'node:module';
import { inspect } from 'node:util';

const [dir, format, apiKey, accountId] = process.argv.slice(2);
const fp = format === 'cjs' ? createRequire(import.meta.url)(`${dir}/index.cjs`) : await import(`${dir}/index.js`);
const base = { apiKey, accountId, baseUrl: 'http://127.0.0.1:9/api/v2', maxRetries: 1, backoff: { baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } };
const events = [];

const thrown = new TypeError(`request to https://api.firstpromoter.com/api/v2/track/sale failed; sent authorization: Bearer ${apiKey}, account-id: ${accountId}`);
const failing = fp.createFirstPromoter({ ...base, logger: (event) => events.push(event), fetch: async () => { throw thrown; } });
const error = await failing.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }).catch((e) => e);
const chain = [];
for (let link = error; link !== undefined && chain.length < 10; link = link?.cause) chain.push(String(link?.message), String(link?.stack));
const renderings = [error.message, error.stack, JSON.stringify(error), String(error), inspect(error, { depth: Infinity, showHidden: true, getters: true }), ...chain, JSON.stringify(events)];

const rejecting = fp.createFirstPromoter({
  ...base,
  logger: async () => { throw new Error(`logger down ${apiKey}`); },
  fetch: async () => new Response('{"id":1,"event_id":"in_2"}', { status: 200, headers: { 'content-type': 'application/json' } }),
});
const sale = await rejecting.track.sale({ email: 'a@example.com', event_id: 'in_2', amount: 100 });
await new Promise((resolve) => setTimeout(resolve, 50)); // long enough for an unhandled rejection to end the process

console.log(JSON.stringify({
  connectionError: error instanceof fp.ConnectionError,
  thrownReachable: error.cause?.thrown?.() === thrown,
  outcome: sale.outcome,
  events: events.map((event) => event.type),
  renderings,
}));
