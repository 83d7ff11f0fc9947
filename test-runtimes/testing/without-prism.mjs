// Run from a folder with no Prism installed: startContractMock must fail with an error that names the
// packages to install, and the fake must not need Prism at all.
import * as testing from 'firstpromoter/testing';

const fake = await testing.startFakeFirstPromoter();
await fake.close();
const error = await testing.startContractMock().then(() => undefined, (e) => e);
const named = error instanceof testing.PrismMissingError && /npm install --save-dev @stoplight\/prism-http-server@\S+ @stoplight\/prism-http@\S+ @stoplight\/prism-core@\S+/.test(error.message);
if (!named) throw new Error(`expected a PrismMissingError naming the packages, got ${error}`);
console.log(`RESULT ${JSON.stringify({ tag: process.env.FP_TAG, error: error.name })}`);
