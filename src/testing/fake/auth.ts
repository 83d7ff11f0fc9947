// Auth as each API checks it, from the credential headers the operation tables name: v2 wants
// `Authorization: Bearer <key>` and `Account-ID`, v1 `X-API-KEY`, the Affiliate API the access token of
// a live dashboard session (`Authorization: Bearer <token>`) and `Account-ID`. Anything missing or
// different is a 401 in the shape the spec documents for the operation: v1 a bare JSON string, v2 and
// the Affiliate API an empty body, or `{message, code}` where the spec gives the 401 a JSON body.
import { credentialName, type FakeApi, type Operation } from './apis.js';
import type { Answer } from './answers.js';
import type { RequestHeaders } from './records.js';

/** The fake's credentials by their option names: `apiKey`, `accountId`, `v1ApiKey`, `affiliateAccountId`. */
export type Credentials = Readonly<Record<string, string>>;

/** Who a request authenticated as: for a session API, the signed-in promoter. */
export interface Caller {
  promoterId?: number;
}

/** The caller, or undefined when a credential is missing, wrong, or the session's token is not live. */
export function authenticate(api: FakeApi, headers: RequestHeaders, credentials: Credentials, sessions: ReadonlyMap<string, number>): Caller | undefined {
  const caller: Caller = {};
  for (const { option, header, prefix } of api.credentials) {
    const sent = headers[header.toLowerCase()];
    if (typeof sent !== 'string' || !sent.startsWith(prefix)) return undefined;
    const value = sent.slice(prefix.length);
    if (option === api.session) {
      const promoterId = sessions.get(value);
      if (promoterId === undefined) return undefined;
      caller.promoterId = promoterId;
    } else if (value !== credentials[credentialName(api, option)]) return undefined;
  }
  return caller;
}

export function unauthorized(api: FakeApi, operation: Operation | undefined): Answer {
  if (api.name === 'v1') return { status: 401, body: 'Bad credentials' };
  if (!operation?.media['401']?.includes('application/json')) return { status: 401 };
  const message = api.session ? 'Your session has expired, please sign in again' : 'Invalid or expired API key';
  return { status: 401, body: { message, code: 'unauthorized' } };
}
