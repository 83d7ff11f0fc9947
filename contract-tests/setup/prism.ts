// vitest globalSetup: one Prism mock per bundled spec (generated/<api>.openapi.yaml), in this process,
// on free loopback ports. Prism validates every request against the contract and reports what it
// rejects in an `sl-violations` header, which the suites turn into failures.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startMock } from '../../scripts/prism-mock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismV1: string;
    prismV2: string;
  }
}

export default async function setup(project: TestProject) {
  const spec = (api: string) => fileURLToPath(new URL(`../../generated/${api}.openapi.yaml`, import.meta.url));
  const [v1, v2] = await Promise.all([startMock(spec('v1')), startMock(spec('v2'))]);
  project.provide('prismV1', v1.url);
  project.provide('prismV2', v2.url);
  return async () => {
    await Promise.all([v1.close(), v2.close()]);
  };
}
