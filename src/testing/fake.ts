// startFakeFirstPromoter(): a stateful stand-in for FirstPromoter on a free loopback port, in this
// process, for testing code that uses the client (or any HTTP client): real auth checks, tracking with
// dedupe and "not a referral" answers, admin lists that page, bulk actions with batches that progress,
// the Affiliate API of a signed-in promoter (sessions that end), and switches for rate limits and
// faults. Two lines of setup:
//   const fake = await startFakeFirstPromoter();
//   const fp = createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl });
import { baseUrlsAt, credentialName, FAKE_APIS } from './fake/apis.js';
import type { FakeSettings } from './fake/context.js';
import { createFaults, type FaultControls } from './fake/faults.js';
import { createRateLimiter, type RateLimit } from './fake/rate-limit.js';
import { snapshot, type FakeRecords, type FakeRequest } from './fake/records.js';
import { seededState, type SeedOptions } from './fake/seed.js';
import { startServer } from './fake/server.js';
import { byId, membershipByRef, must, now, type FakeState } from './fake/state.js';

export interface FakeFirstPromoterOptions extends SeedOptions {
  /** v2 API key the fake accepts (default `fake-api-key`). */
  apiKey?: string | undefined;
  /** Account-ID the fake accepts (default `fake-account-id`). */
  accountId?: string | undefined;
  /** v1 API key the fake accepts (default `fake-v1-api-key`). */
  v1ApiKey?: string | undefined;
  /** Access token of the starting promoter's dashboard session, for the Affiliate API (default `fake-affiliate-access-token`). */
  affiliateAccessToken?: string | undefined;
  /** Account-ID the Affiliate API accepts (default: `accountId`, the same company account). */
  affiliateAccountId?: string | undefined;
  /** Commissions start `approved` rather than `pending` (default false). */
  autoApproveCommissions?: boolean | undefined;
  /** Looks (GET /company/batch_processes/{id}) a queued batch takes to finish (default 3). */
  batchPolls?: number | undefined;
  /** A queued batch is finished at the first look this many ms after it was queued (default 2 000). */
  batchMs?: number | undefined;
  /** How late slow faults answer, in ms (default 2 000); each fault rule can set its own. */
  slowMs?: number | undefined;
  /**
   * Every answer waits this many ms after the fake acted (default 0), as the way back over a network
   * would: calls stay in flight for a while, already recorded, e.g. to stop a client in the middle.
   */
  latencyMs?: number | undefined;
}

export interface FakeFirstPromoter {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Pass as `baseUrl` to createFirstPromoter / createTracking. */
  readonly v2BaseUrl: string;
  /** Pass as `baseUrl` to createFirstPromoterV1. */
  readonly v1BaseUrl: string;
  /** Pass as `baseUrl` to createFirstPromoterAffiliate. */
  readonly affiliateBaseUrl: string;
  readonly apiKey: string;
  readonly accountId: string;
  readonly v1ApiKey: string;
  /** The starting promoter's session token (live again after `reset()`). */
  readonly affiliateAccessToken: string;
  readonly affiliateAccountId: string;
  /** The promoter the account starts with: accepted in the one campaign, which has a sale reward. */
  readonly promoter: { readonly id: number; readonly email: string; readonly ref_id: string; readonly campaign_id: number };
  /** What the fake recorded so far (a fresh snapshot each time it is read). */
  readonly records: FakeRecords;
  /** Every request received, in order, with its answer's status. */
  readonly requests: readonly FakeRequest[];
  /** A click on `refId`'s referral link: returns the visitor's `tid` (the `_fprom_tid` cookie) for a signup. */
  visit(refId: string): string;
  /** Fault injection: for the next N requests, or for a share of them. */
  readonly faults: FaultControls<FakeRequest>;
  /** The account rate limit: 429 once `requests` were made within `perMs`; `false` turns it off (the default). */
  rateLimit(limit: RateLimit | false): void;
  /** Promoters' dashboard sessions, whose access tokens the Affiliate API takes. */
  readonly sessions: FakeSessions;
  /** Stops a queued batch, as an admin can in the dashboard: its next look shows `stopped`. */
  stopBatch(id: number): void;
  /** Back to the starting state: records, requests, faults and the rate limit cleared; same port and credentials. */
  reset(): void;
  /** Stops the server and frees the port. */
  close(): Promise<void>;
}

export interface FakeSessions {
  /** Signs a promoter in (default: the starting one) and returns the new session's access token. */
  signIn(promoterId?: number): string;
  /** Ends the session of `accessToken` (sign-out, expiry, revocation): the Affiliate API answers it 401 from now on. */
  end(accessToken: string): void;
}

export async function startFakeFirstPromoter(options: FakeFirstPromoterOptions = {}): Promise<FakeFirstPromoter> {
  const credentials = credentialsOf(options as Record<string, unknown>);
  const settings: FakeSettings = {
    autoApproveCommissions: options.autoApproveCommissions ?? false,
    batchPolls: positive(options.batchPolls, 'batchPolls') ?? 3,
    batchMs: positive(options.batchMs, 'batchMs') ?? 2_000,
  };
  // The starting promoter is signed in, with the session token of the options.
  const startingState = (): FakeState => {
    const seeded = seededState(options);
    seeded.sessions.set(credentials.affiliateAccessToken!, seeded.memberships[0]!.promoter_id);
    return seeded;
  };
  let state = startingState();
  const requests: FakeRequest[] = [];
  const faults = createFaults<FakeRequest>();
  const limiter = createRateLimiter();
  const server = await startServer({
    state: () => state, settings, credentials, requests, pick: faults.pick, rateLimit: limiter.take,
    slowMs: positive(options.slowMs, 'slowMs') ?? 2_000, latencyMs: options.latencyMs === 0 ? 0 : positive(options.latencyMs, 'latencyMs') ?? 0,
  });
  const starting = state.memberships[0]!;

  return {
    origin: server.origin,
    ...baseUrlsAt(server.origin),
    apiKey: credentials.apiKey!,
    accountId: credentials.accountId!,
    v1ApiKey: credentials.v1ApiKey!,
    affiliateAccessToken: credentials.affiliateAccessToken!,
    affiliateAccountId: credentials.affiliateAccountId!,
    promoter: Object.freeze({ id: starting.promoter_id, email: must(state.promoters, starting.promoter_id).email, ref_id: starting.ref_token, campaign_id: starting.campaign_id }),
    get records() {
      return snapshot(state);
    },
    requests,
    visit(refId) {
      const membership = membershipByRef(state, refId);
      if (!membership) throw new Error(`fake.visit: no promoter has ref_id ${JSON.stringify(refId)}`);
      const tid = globalThis.crypto.randomUUID();
      state.visits.set(tid, { tid, membership_id: membership.id, created_at: now() });
      return tid;
    },
    faults: { next: faults.next, random: faults.random, clear: faults.clear, counts: faults.counts },
    sessions: {
      signIn(promoterId = starting.promoter_id) {
        if (!byId(state.promoters, promoterId)) throw new Error(`fake.sessions.signIn: no promoter ${promoterId}`);
        const token = `fake-session-${promoterId}-${globalThis.crypto.randomUUID()}`;
        state.sessions.set(token, promoterId);
        return token;
      },
      end(accessToken) {
        state.sessions.delete(accessToken);
      },
    },
    rateLimit: limiter.set,
    stopBatch(id) {
      const batch = byId(state.batches, id);
      if (!batch) throw new Error(`fake.stopBatch: no batch process ${id}`);
      batch.stopped = true;
    },
    reset() {
      state = startingState();
      requests.length = 0;
      faults.reset();
      limiter.set(false);
    },
    close: () => server.close(),
  };
}

/**
 * The credentials the fake accepts, by their option names (`credentialName`): as given, or `fake-<name>`.
 * A credential another API shares with the root one (the Affiliate API's Account-ID is the company
 * account's) defaults to the root API's value.
 */
function credentialsOf(given: Record<string, unknown>): Record<string, string> {
  const credentials: Record<string, string> = {};
  const [root] = FAKE_APIS;
  for (const api of FAKE_APIS) {
    for (const { option, header } of api.credentials) {
      const name = credentialName(api, option);
      const shared = api === root ? undefined : root!.credentials.find((c) => c.option === option && c.header === header);
      const value = given[name] ?? (shared ? credentials[credentialName(root!, shared.option)] : `fake-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`startFakeFirstPromoter: \`${name}\` must be a non-empty string`);
      credentials[name] = value;
    }
  }
  return credentials;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new RangeError(`startFakeFirstPromoter: \`${name}\` must be a positive number`);
  return value;
}
