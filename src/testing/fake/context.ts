// What a handler gets: the account's state and settings, the API and operation the request matched,
// who made it, and the request's parameters already decoded.
import type { Answer } from './answers.js';
import type { FakeApi, Operation } from './apis.js';
import type { Caller } from './auth.js';
import type { LedgerSettings } from './ledger.js';
import type { Params } from './query.js';
import type { FakeState } from './state.js';

export interface FakeSettings extends LedgerSettings {
  /** Looks a queued batch takes to finish (each look at it processes a share of its records). */
  batchPolls: number;
  /** A queued batch is finished at the first look this long after it was queued, however often it was looked at. */
  batchMs: number;
}

export interface Context {
  state: FakeState;
  settings: FakeSettings;
  api: FakeApi;
  operation: Operation;
  /** Who the request authenticated as (the signed-in promoter, on the Affiliate API). */
  caller: Caller;
  pathParams: Readonly<Record<string, string>>;
  /** The query string, bracket names decoded (`filters[state]` → `{ filters: { state } }`). */
  query: Params;
  /** The call's input: the JSON body (v2), or the query and the form body merged, as Rails merges them (v1). */
  input: Record<string, unknown>;
  /** A fault asked this list to answer page 1 whatever `page` says. */
  ignorePage: boolean;
}

export type Handler = (ctx: Context) => Answer;
