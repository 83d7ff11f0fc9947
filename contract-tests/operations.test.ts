// The generated contract suite: every operation of every API of the registry, read from its generated
// operation table and its bundled spec, with no hand-written table. For each operation it sends the
// spec's example request through the real client to Prism (any violation fails), asks for every
// documented status with `Prefer: code=<status>` and checks what the client makes of the answer, and
// sends a deliberately bad variant derived from the spec that Prism must reject. An operation or a
// status added to a spec is covered by the next run; the run fails unless coverage is 100%.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { apis, generatedFiles, root } from '../scripts/registry.mjs';
import type { OutcomeRules } from '../src/core/outcomes.js';
import { unwrap } from '../src/core/unwrap.js';
import type { ApiFacts } from '../src/internal/api-facts.js';
import { asServed, expectAnswer, expectedAnswer, servedExample } from './support/answer-checks.js';
import { badVariant, type BadVariant } from './support/bad-variant.js';
import { ContractCoverage } from './support/coverage.js';
import { exampleRequests, type ExampleRequest } from './support/example-request.js';
import { sendOperation, type TableOperation } from './support/operation-client.js';
import { violationMessages } from './support/prism-messages.js';
import { readSpec } from './support/spec-operations.js';

/** What the suite reads of generated/<api>.operations.ts. */
interface OperationTable {
  API: ApiFacts;
  OUTCOMES: Readonly<Record<string, OutcomeRules>>;
  OPERATIONS: readonly TableOperation[];
}

const registry = await Promise.all(apis.map(async (api) => ({
  name: api.name,
  table: (await import(pathToFileURL(join(root, generatedFiles(api.name).operations)).href)) as OperationTable,
  spec: readSpec(api.name),
})));

const coverage = new ContractCoverage();

afterAll(() => {
  console.log(coverage.line());
  console.log(coverage.mutationLine());
  expect(coverage.complete, `${coverage.line()}: every operation and documented status must pass`).toBe(true);
});

for (const { name, table, spec } of registry) {
  describe(`${name} API`, () => {
    for (const operation of table.OPERATIONS) {
      const key = `${operation.method} ${operation.path}`;
      const where = `${name} ${key}`;
      const described = spec.operation(operation.method, operation.path);
      const rules = table.OUTCOMES[key];
      coverage.plan(operation.statuses);

      // Built once when the suite is collected; a missing example fails this operation's tests, not the file.
      let requests: ExampleRequest[] = [];
      let missing: unknown;
      try {
        requests = exampleRequests(where, described);
      } catch (error) {
        missing = error;
      }
      const good = requests[0];
      const request = (): ExampleRequest => {
        if (!good) throw missing;
        return structuredClone(good);
      };
      const send = (body: ExampleRequest, status?: number) => sendOperation(name, table.API, operation, body, status);

      describe(key, () => {
        const shapes = requests.length > 1 ? ` (each of its ${requests.length} body examples)` : '';
        it(`sends the example request of the spec${shapes}, which Prism accepts`, async () => {
          if (!good) throw missing;
          for (const example of requests) {
            const result = await send(structuredClone(example));
            expect(violationMessages()).toEqual([]);
            expect(operation.statuses).toContain(result.response.status);
            expect(result.response.ok).toBe(true);
            expect(asServed(await unwrap(result), result.response)).toEqual(servedExample(where, described, result.response));
          }
          coverage.operationPassed(where);
        });

        for (const status of operation.statuses) {
          it(`answers ${status} (Prefer) as ${expectedAnswer(operation, status, rules, described)}`, async () => {
            const result = await send(request(), status);
            expect(result.response.status).toBe(status);
            await expectAnswer(where, operation, described, result, rules);
            expect(violationMessages()).toEqual([]);
            coverage.statusPassed(where, status);
          });
        }

        const bad: BadVariant | undefined = good && badVariant(described, good, spec.deref);
        if (!bad && good) coverage.nothingToBreak(where);
        if (bad || !good) {
          it(`rejects a deliberately bad request: ${bad?.description ?? 'the example request cannot be built'}`, async () => {
            const variant = bad ?? { request: request(), expected: '' };
            const result = await send(variant.request);
            const messages = violationMessages();
            expect(result.response.ok, 'Prism accepted the bad request').toBe(false);
            expect(messages.join('\n')).toMatch(variant.expected);
            coverage.rejected(where);
          });
        }
      });
    }
  });
}
