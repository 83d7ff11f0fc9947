// CommonJS consumer: require() of every entry, then the shared scenarios (tracking, webhooks).
const root = require('firstpromoter');
const track = require('firstpromoter/track');
const v1 = require('firstpromoter/v1');
const money = require('firstpromoter/money');
const affiliate = require('firstpromoter/affiliate');
const webhooks = require('firstpromoter/webhooks');
const testing = require('firstpromoter/testing');

const resolved = require.resolve('firstpromoter/track');
if (!resolved.endsWith('.cjs')) throw new Error(`require() resolved to ${resolved}, not the CommonJS build`);

Promise.all([import('../support/scenario.mjs'), import('../support/webhook-scenario.mjs'), import('../support/webhook-http.mjs')])
  .then(async ([{ runScenario }, { runWebhookScenario }, { serveOnLoopback }]) => {
    const result = await runScenario({ root, track, v1, money, affiliate }, { origin: process.env.FP_ORIGIN, tag: process.env.FP_TAG });
    return { ...result, ...(await runWebhookScenario({ webhooks, testing, root }, { tag: process.env.FP_TAG, serve: serveOnLoopback })) };
  })
  .then((result) => console.log(`RESULT ${JSON.stringify(result)}`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
