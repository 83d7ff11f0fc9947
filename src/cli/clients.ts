// The client a command talks through: the real v2 client (or v1 with --v1), credentials from the flags
// or the same environment variables the clients read (named by the registry, through the generated
// facts), never printed. Commands see one loose shape for both APIs; the operation table says what
// each call is.
import { createHash } from 'node:crypto';
import { API as V1_API, LISTS as V1_LISTS, OPERATIONS as V1_OPERATIONS } from '../../generated/v1.operations.js';
import { API as V2_API, LISTS as V2_LISTS, OPERATIONS as V2_OPERATIONS } from '../../generated/v2.operations.js';
import type { RawMethod } from '../apis/raw-request.js';
import { createFirstPromoterV1 } from '../apis/v1/client.js';
import { createFirstPromoter, type FirstPromoterOptions } from '../apis/v2/client.js';
import type { TrackOutcome } from '../core/outcomes.js';
import { fromEnv, type ClientOptions } from '../core/options.js';
import type { RequestOptions } from '../core/request-options.js';
import type { ApiResult } from '../core/unwrap.js';
import { UsageError } from './exit-codes.js';
import type { ApiName, TrackType } from './fields.js';

/**
 * The options every command takes. Commander names them as the client options they set (the
 * credentials are read by their registry option names), plus `--v1` for the API.
 */
export type GlobalOptions = Pick<FirstPromoterOptions, 'apiKey' | 'accountId' | 'baseUrl' | 'maxRetries' | 'timeoutMs'> & { v1?: boolean };

export type Operation = (typeof V1_OPERATIONS)[number] | (typeof V2_OPERATIONS)[number];
type LooseCall = (path: string, init: Record<string, unknown>) => Promise<ApiResult>;
export type LooseApi = Record<RawMethod, LooseCall>;
export type LooseTracking = Record<TrackType, (params: Record<string, unknown>, options?: RequestOptions) => Promise<TrackOutcome<unknown>>>;

export interface CliClient {
  name: ApiName;
  /** The API root requests go to (--base-url or FirstPromoter's). */
  baseUrl: string;
  api: LooseApi;
  track: LooseTracking;
}

const FACTS = { v1: V1_API, v2: V2_API } as const;
const TABLES = { v1: { operations: V1_OPERATIONS, lists: V1_LISTS }, v2: { operations: V2_OPERATIONS, lists: V2_LISTS } } as const;

export const apiName = (options: GlobalOptions): ApiName => (options.v1 ? 'v1' : 'v2');

/** The operation table and list table of the API the options select. */
export function tablesOf(name: ApiName): { operations: readonly Operation[]; lists: Readonly<Record<string, string>> } {
  return TABLES[name];
}

/** `--api-key`, `--account-id`: the flag for a client option. */
const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function credentialHelp(): string {
  return (['v2', 'v1'] as const).map((name) => `${name}: ${FACTS[name].credentials.map((c) => `${flagOf(c.option)} or $${c.env}`).join(', ')}`).join('; ');
}

/**
 * The credentials the options select (flags first, then the environment), and the key that names the
 * account's budget in a shared rate limit store without revealing a credential.
 */
export function credentialsOf(options: GlobalOptions): { name: ApiName; credentials: Record<string, string>; budgetKey: string } {
  const name = apiName(options);
  const credentials: Record<string, string> = {};
  for (const credential of FACTS[name].credentials) {
    const value = (options as Record<string, unknown>)[credential.option] ?? fromEnv(credential.env);
    if (typeof value !== 'string') throw new UsageError(`Missing ${credential.label}: pass ${flagOf(credential.option)} or set ${credential.env}.`);
    credentials[credential.option] = value;
  }
  // The budget is the account's: v2 names it by Account-ID, v1 (which has none) by its key. Hashed.
  const identity = name === 'v1' ? credentials.apiKey : credentials.accountId;
  return { name, credentials, budgetKey: `${name}:${createHash('sha256').update(String(identity)).digest('hex').slice(0, 24)}` };
}

export function createCliClient(options: GlobalOptions, extra: ClientOptions = {}): CliClient {
  const { name, credentials } = credentialsOf(options);
  const settings: ClientOptions = {
    ...extra,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  const client = name === 'v1' ? createFirstPromoterV1({ ...settings, ...credentials }) : createFirstPromoter({ ...settings, ...credentials });
  return {
    name,
    baseUrl: baseUrlOf(options),
    api: client.api as unknown as LooseApi,
    track: client.track as unknown as LooseTracking,
  };
}

/** Where requests go: --base-url or FirstPromoter's root for the API, without a trailing slash. */
function baseUrlOf(options: GlobalOptions): string {
  return (options.baseUrl ?? FACTS[apiName(options)].baseUrl).replace(/\/+$/, '');
}
