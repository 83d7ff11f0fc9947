// vitest globalSetup: one Prism mock per API of the registry (its bundle, generated/<api>.openapi.yaml),
// in this process, on free loopback ports, started the way firstpromoter/testing's contract mock starts
// it (src/testing/prism.ts). Prism validates every request against the contract and reports what it
// rejects in an `sl-violations` header, which the suites turn into failures.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../src/testing/prism.js';
import { apis, generatedFiles, root } from '../../scripts/registry.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** API name → base URL of its mock. */
    prism: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const mocks = await Promise.all(apis.map((api) => startPrism(join(root, generatedFiles(api.name).bundle))));
  project.provide('prism', Object.fromEntries(apis.map((api, i) => [api.name, mocks[i]!.url])));
  return async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  };
}
