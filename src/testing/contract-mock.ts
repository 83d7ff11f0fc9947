// startContractMock(): Prism over the specs this package ships (generated/<api>.openapi.yaml), started
// in this process the way the project's own contract tests start it, behind one loopback server that
// serves each API under its real base paths (`/api/v2`, `/api/v1`, `/api/v2/affiliate`, and those of
// operations with a base URL of their own), rewrites Rails arrays into the form Prism reads, and
// collects every violation Prism reports. A user's contract test then checks that the
// requests their code makes are the ones the contract allows:
//   const mock = await startContractMock();
//   ...run the code against mock.v2BaseUrl...
//   expect(mock.takeViolations()).toEqual([]);
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrlsAt, FAKE_APIS, SERVED } from './fake/apis.js';
import { startPrism, type RunningPrism } from './prism.js';
import { toOpenApiArrays } from './rails-arrays.js';
import { violationsOf, type ContractViolation } from './violations.js';

export interface ContractMockOptions {
  /** Spec file per API name, instead of the bundled ones (e.g. `{ v2: 'my/v2.openapi.yaml' }`). */
  specs?: Readonly<Record<string, string>> | undefined;
}

export interface ContractMock {
  readonly origin: string;
  /** Pass as `baseUrl` to createFirstPromoter / createTracking. */
  readonly v2BaseUrl: string;
  /** Pass as `baseUrl` to createFirstPromoterV1. */
  readonly v1BaseUrl: string;
  /** Pass as `baseUrl` to createFirstPromoterAffiliate. */
  readonly affiliateBaseUrl: string;
  /** Every violation so far, in order. */
  readonly violations: readonly ContractViolation[];
  /** Returns the violations so far and forgets them (one test's worth). */
  takeViolations(): ContractViolation[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export async function startContractMock(options: ContractMockOptions = {}): Promise<ContractMock> {
  const mocks = new Map<string, RunningPrism>();
  const violations: ContractViolation[] = [];
  try {
    for (const api of FAKE_APIS) mocks.set(api.name, await startPrism(options.specs?.[api.name] ?? bundledSpec(api.name)));
  } catch (error) {
    await Promise.all([...mocks.values()].map((mock) => mock.close()));
    throw error;
  }
  const routes = SERVED.map(({ basePath, api }) => ({ basePath, mock: mocks.get(api.name)! }));

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sent = req.url ?? '/';
    const route = routes.find(({ basePath }) => sent.startsWith(`${basePath}/`));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`No API is served under ${sent.split('?')[0]}`);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.entries(req.headers).flatMap(([name, value]) => (HOP_BY_HOP.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]]));
    const method = req.method ?? 'GET';
    const response = await fetch(route.mock.url + toOpenApiArrays(sent.slice(route.basePath.length)), {
      method, headers, body: method === 'GET' || method === 'HEAD' || chunks.length === 0 ? null : Buffer.concat(chunks),
    });
    const found = await violationsOf(response, method, sent);
    if (found) violations.push(found);
    const body = Buffer.from(await response.arrayBuffer());
    const answer: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') answer[name] = value;
    });
    res.writeHead(response.status, { ...answer, 'content-length': body.length }).end(body);
  }

  const server = createServer((req, res) => {
    forward(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`Contract mock failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    ...baseUrlsAt(origin),
    violations,
    takeViolations: () => violations.splice(0, violations.length),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([...mocks.values()].map((mock) => mock.close()));
    },
  };
}

/** The package's bundled spec of `api`: the nearest `generated/<api>.openapi.yaml` above this module. */
export function bundledSpec(api: string): string {
  const file = join('generated', `${api}.openapi.yaml`);
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return join(dir, file);
    if (dirname(dir) === dir) throw new Error(`firstpromoter/testing: cannot find ${file} in the package`);
  }
}
