// The affiliate client for the contract suites: the real client pointed at Prism's mock of
// openapi/affiliate, with the canary credentials, and a fetch that records Prism's violations (the
// suite-wide check in support/violations.ts fails any test that produced one).
import { createFirstPromoterAffiliate, type FirstPromoterAffiliateOptions } from '../../src/affiliate.js';
import { CREDENTIALS } from '../support/canary.js';
import { prismOptions, recordingFetch } from '../support/clients.js';

export const AFFILIATE_CANARY = CREDENTIALS.affiliate as { accessToken: string; accountId: string };

export function affiliateClient(options: { prefer?: string } & FirstPromoterAffiliateOptions = {}) {
  const { prefer, ...rest } = options;
  return createFirstPromoterAffiliate({ ...prismOptions('affiliate', prefer), ...rest });
}

/** The token a request carried, read from the headers the client handed to fetch. */
export function bearerOf(init: RequestInit | undefined): string | undefined {
  return new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '');
}

/** One request as the client handed it to fetch. */
export interface SentRequest {
  method: string;
  url: string;
  token: string | undefined;
  accountId: string | null;
  body: string | undefined;
}

/**
 * Prism as a FirstPromoter whose sessions end: a request carrying one of the `refused` tokens is
 * answered 401 (Prism's `Prefer: code=401`), any other gets its operation's normal answer. Records
 * every request, in order.
 */
export function sessionFetch(refused: Iterable<string>): { fetch: typeof fetch; sent: SentRequest[] } {
  const refusedTokens = new Set(refused);
  const sent: SentRequest[] = [];
  const send: typeof fetch = (input, init) => {
    const token = bearerOf(init);
    const accountId = new Headers(init?.headers).get('account-id');
    sent.push({ method: init?.method ?? 'GET', url: String(input), token, accountId, body: init?.body == null ? undefined : String(init.body) });
    return recordingFetch(token !== undefined && refusedTokens.has(token) ? 'code=401' : undefined)(input, init);
  };
  return { fetch: send, sent };
}
