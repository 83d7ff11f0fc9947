// ES module consumer of firstpromoter/testing: namespace imports, then the webhook-handler test.
import * as root from 'firstpromoter';
import * as testing from 'firstpromoter/testing';
import { runHandlerTest } from './webhook-handler-test.mjs';

const result = await runHandlerTest({ root, testing }, process.env.FP_TAG);
console.log(`RESULT ${JSON.stringify(result)}`);
