// Sends one operation of any registry API through the real client: `createApiClient` built from the
// API's generated facts and its canary credentials, with the recording fetch pointed at the API's
// Prism, so every request is validated and every violation recorded.
import { createApiClient } from '../../src/apis/client.js';
import type { ApiResult } from '../../src/core/unwrap.js';
import type { ApiFacts } from '../../src/internal/api-facts.js';
import type { Operation } from '../../scripts/operation-table.mjs';
import { prismOptions } from './clients.js';
import type { ExampleRequest } from './example-request.js';

/** One row of a generated `OPERATIONS` table (generated/<api>.operations.ts), typed as the generator writes it. */
export type TableOperation = Readonly<Operation>;

type Send = (path: string, init: Record<string, unknown>) => Promise<ApiResult>;

/** The result of sending `request` to `operation` of `apiName`, with `Prefer: code=<status>` when given. */
export function sendOperation(
  apiName: string,
  facts: ApiFacts,
  operation: TableOperation,
  request: ExampleRequest,
  status?: number,
): Promise<ApiResult> {
  const { api } = createApiClient<Record<string, never>>(facts, prismOptions(apiName, status === undefined ? undefined : `code=${status}`));
  const send = (api as unknown as Record<string, Send>)[operation.method]!;
  return send(operation.path, {
    params: { path: request.path, query: request.query },
    ...(request.body === undefined ? {} : { body: request.body }),
    ...downloadOptions(operation, request.headers),
  });
}

/**
 * A download accepts every media type its answers are documented with (the file, and the JSON of its
 * queued and error answers) and reads the body as text. (The client does not derive this from the
 * table by itself yet; a later issue makes it.)
 */
function downloadOptions(operation: TableOperation, headers: Record<string, string>): Record<string, unknown> {
  if (operation.kind !== 'download') return Object.keys(headers).length ? { headers } : {};
  const accepted = new Set(Object.values(operation.media).flat());
  return { headers: { ...headers, Accept: [...accepted].join(', ') }, parseAs: 'text' };
}
