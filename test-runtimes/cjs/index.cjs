// CommonJS consumer: require() of every entry, then the shared scenario.
const root = require('firstpromoter');
const track = require('firstpromoter/track');
const v1 = require('firstpromoter/v1');
const money = require('firstpromoter/money');
const affiliate = require('firstpromoter/affiliate');

const resolved = require.resolve('firstpromoter/track');
if (!resolved.endsWith('.cjs')) throw new Error(`require() resolved to ${resolved}, not the CommonJS build`);

import('../support/scenario.mjs')
  .then(({ runScenario }) => runScenario({ root, track, v1, money, affiliate }, { origin: process.env.FP_ORIGIN, tag: process.env.FP_TAG }))
  .then((result) => console.log(`RESULT ${JSON.stringify(result)}`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
