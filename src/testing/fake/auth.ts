// Auth as each API checks it, from the credential headers the operation tables name: v2 wants
// `Authorization: Bearer <key>` and `Account-ID`, v1 `X-API-KEY`. Anything missing or different is a
// 401 in the shape the spec documents for the operation: v1 a bare JSON string, v2 an empty body, or
// `{message, code}` where the spec gives the 401 a JSON body (payouts, reports).
import type { IncomingHttpHeaders } from 'node:http';
import { credentialName, type FakeApi, type Operation } from './apis.js';
import type { Answer } from './answers.js';

/** The fake's credentials by their option names: `apiKey`, `accountId`, `v1ApiKey`. */
export type Credentials = Readonly<Record<string, string>>;

export function authorized(api: FakeApi, headers: IncomingHttpHeaders, credentials: Credentials): boolean {
  return api.credentials.every(({ option, header, prefix }) => {
    const sent = headers[header.toLowerCase()];
    return typeof sent === 'string' && sent === prefix + credentials[credentialName(api, option)];
  });
}

export function unauthorized(api: FakeApi, operation: Operation | undefined): Answer {
  if (api.name === 'v1') return { status: 401, body: 'Bad credentials' };
  if (operation?.media['401']?.includes('application/json')) return { status: 401, body: { message: 'Invalid or expired API key', code: 'unauthorized' } };
  return { status: 401 };
}
