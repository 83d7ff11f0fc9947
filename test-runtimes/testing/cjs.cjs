// CommonJS consumer of firstpromoter/testing: require(), then the webhook-handler test.
const root = require('firstpromoter');
const testing = require('firstpromoter/testing');

if (!require.resolve('firstpromoter/testing').endsWith('/dist/testing.cjs')) throw new Error('require() did not pick the CommonJS build');

import('./webhook-handler-test.mjs')
  .then(({ runHandlerTest }) => runHandlerTest({ root, testing }, process.env.FP_TAG))
  .then((result) => console.log(`RESULT ${JSON.stringify(result)}`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
