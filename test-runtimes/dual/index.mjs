// Both builds in one process, as when an ES module app uses a CommonJS library that depends on this
// package too (the dual package hazard): Node loads dist/*.js and dist/*.cjs as two modules with two
// sets of error classes. An error thrown by either must pass `instanceof` against the other's classes
// (and only the right ones). Then the shared scenarios: tracking with the ESM entries, webhooks received by
// the CommonJS handler from the ESM testing kit.
import { createRequire } from 'node:module';
import * as root from 'firstpromoter';
import * as track from 'firstpromoter/track';
import * as v1 from 'firstpromoter/v1';
import * as money from 'firstpromoter/money';
import * as affiliate from 'firstpromoter/affiliate';
import * as testing from 'firstpromoter/testing';
import { ERRORS, runScenario } from '../support/scenario.mjs';
import { runWebhookScenario } from '../support/webhook-scenario.mjs';

const require = createRequire(import.meta.url);
const cjs = require('firstpromoter');
const cjsTrack = require('firstpromoter/track');
const origin = process.env.FP_ORIGIN;
const tag = process.env.FP_TAG;
const check = (ok, what) => {
  if (!ok) throw new Error(`${tag}: ${what}`);
};

check(cjs.APIError !== root.APIError, 'the CommonJS and ESM builds are two modules here');
for (const name of ERRORS) check(typeof cjs[name] === 'function', `the CommonJS build exports ${name}`);

// A ValidationError from the CommonJS client, caught with the ESM classes, and the other way round.
const fromCjs = await cjs.createFirstPromoter({ apiKey: 'k', accountId: 'a', baseUrl: origin }).track.sale({ email: 'a@example.com', amount: 1 }).catch((e) => e);
check(fromCjs instanceof root.ValidationError && fromCjs instanceof root.FirstPromoterError && fromCjs instanceof money.ValidationError, 'a CommonJS ValidationError is an ESM ValidationError');
check(!(fromCjs instanceof root.APIError) && !(fromCjs instanceof root.MoneyError), 'and nothing else');
const fromEsm = await root.createFirstPromoter({ apiKey: 'k', accountId: 'a', baseUrl: origin }).track.sale({ email: 'a@example.com', amount: 1.5, event_id: 'e' }).catch((e) => e);
check(fromEsm instanceof cjs.MoneyError && fromEsm instanceof cjs.ValidationError, 'an ESM MoneyError is a CommonJS MoneyError');

// An answer error: 401 from the loopback server (wrong key; a tag of its own keeps it out of the wire check).
const refused = await cjsTrack.createTracking({ apiKey: 'wrong', accountId: `${tag}-401`, baseUrl: `${origin}/api/v2`, maxRetries: 0 })
  .track.sale({ email: 'a@example.com', event_id: 'e401', amount: 1 }).catch((e) => e);
check(refused instanceof root.AuthenticationError && refused instanceof root.APIError && refused instanceof track.APIError, `a CommonJS AuthenticationError is an ESM one (got ${refused})`);
check(!(refused instanceof root.RateLimitError) && !(refused instanceof root.NotFoundError), 'and no other status class');
check(JSON.parse(JSON.stringify(refused)).message === refused.message, 'JSON.stringify keeps the message');

const result = await runScenario({ root, track, v1, money, affiliate }, { origin, tag });
// The webhook receiver of the CommonJS build, fed by the ESM testing kit.
const received = await runWebhookScenario({ webhooks: require('firstpromoter/webhooks'), testing, root }, { tag });
console.log(`RESULT ${JSON.stringify({ ...result, ...received })}`);
