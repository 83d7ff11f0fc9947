// ES module consumer: namespace imports of every entry, then the shared scenarios (tracking, webhooks).
import * as root from 'firstpromoter';
import * as track from 'firstpromoter/track';
import * as v1 from 'firstpromoter/v1';
import * as money from 'firstpromoter/money';
import * as affiliate from 'firstpromoter/affiliate';
import * as webhooks from 'firstpromoter/webhooks';
import * as testing from 'firstpromoter/testing';
import { runScenario } from '../support/scenario.mjs';
import { runWebhookScenario } from '../support/webhook-scenario.mjs';
import { serveOnLoopback } from '../support/webhook-http.mjs';

// import.meta.resolve exists from Node 20.6; older ones skip this check.
const resolved = import.meta.resolve?.('firstpromoter/track') ?? '/dist/track.js';
if (!resolved.endsWith('/dist/track.js')) throw new Error(`import resolved to ${resolved}, not the ESM build`);

const result = await runScenario({ root, track, v1, money, affiliate }, { origin: process.env.FP_ORIGIN, tag: process.env.FP_TAG });
const received = await runWebhookScenario({ webhooks, testing, root }, { tag: process.env.FP_TAG, serve: serveOnLoopback });
console.log(`RESULT ${JSON.stringify({ ...result, ...received })}`);
