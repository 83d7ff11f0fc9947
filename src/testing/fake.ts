// startFakeFirstPromoter(): a stateful stand-in for FirstPromoter on a free loopback port, in this
// process, for testing code that uses the client (or any HTTP client): real auth checks, tracking with
// dedupe and "not a referral" answers, admin lists that page, bulk actions with batches that progress,
// and switches for rate limits and faults. Two lines of setup:
//   const fake = await startFakeFirstPromoter();
//   const fp = createFirstPromoter({ apiKey: fake.apiKey, accountId: fake.accountId, baseUrl: fake.v2BaseUrl });
import { credentialName, FAKE_APIS } from './fake/apis.js';
import type { FakeSettings } from './fake/context.js';
import { createFaults, type FaultControls } from './fake/faults.js';
import { createRateLimiter, type RateLimit } from './fake/rate-limit.js';
import { snapshot, type FakeRecords, type FakeRequest } from './fake/records.js';
import { seededState, type SeedOptions } from './fake/seed.js';
import { startServer } from './fake/server.js';
import { byId, must, now, type FakeState } from './fake/state.js';

export interface FakeFirstPromoterOptions extends SeedOptions {
  /** v2 API key the fake accepts (default `fake-api-key`). */
  apiKey?: string;
  /** Account-ID the fake accepts (default `fake-account-id`). */
  accountId?: string;
  /** v1 API key the fake accepts (default `fake-v1-api-key`). */
  v1ApiKey?: string;
  /** Commissions start `approved` rather than `pending` (default false). */
  autoApproveCommissions?: boolean;
  /** Looks (GET /company/batch_processes/{id}) a queued batch takes to finish (default 3). */
  batchPolls?: number;
  /** A queued batch is finished at the first look this many ms after it was queued (default 2 000). */
  batchMs?: number;
  /** How late slow faults answer, in ms (default 2 000); each fault rule can set its own. */
  slowMs?: number;
}

export interface FakeFirstPromoter {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Pass as `baseUrl` to createFirstPromoter / createTracking. */
  readonly v2BaseUrl: string;
  /** Pass as `baseUrl` to createFirstPromoterV1. */
  readonly v1BaseUrl: string;
  readonly apiKey: string;
  readonly accountId: string;
  readonly v1ApiKey: string;
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
  /** Stops a queued batch, as an admin can in the dashboard: its next look shows `stopped`. */
  stopBatch(id: number): void;
  /** Back to the starting state: records, requests, faults and the rate limit cleared; same port and credentials. */
  reset(): void;
  /** Stops the server and frees the port. */
  close(): Promise<void>;
}

export async function startFakeFirstPromoter(options: FakeFirstPromoterOptions = {}): Promise<FakeFirstPromoter> {
  const given = options as Record<string, unknown>;
  const credentials = Object.fromEntries(FAKE_APIS.flatMap((api) => api.credentials.map(({ option }) => {
    const name = credentialName(api, option);
    const value = given[name] ?? `fake-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`startFakeFirstPromoter: \`${name}\` must be a non-empty string`);
    return [name, value];
  })));
  const settings: FakeSettings = {
    autoApproveCommissions: options.autoApproveCommissions ?? false,
    batchPolls: positive(options.batchPolls, 'batchPolls') ?? 3,
    batchMs: positive(options.batchMs, 'batchMs') ?? 2_000,
  };
  let state: FakeState = seededState(options);
  const requests: FakeRequest[] = [];
  const faults = createFaults<FakeRequest>();
  const limiter = createRateLimiter();
  const server = await startServer({
    state: () => state, settings, credentials, requests, pick: faults.pick, rateLimit: limiter.take, slowMs: positive(options.slowMs, 'slowMs') ?? 2_000,
  });
  const starting = state.memberships[0]!;
  const url = (name: string) => `${server.origin}${FAKE_APIS.find((api) => api.name === name)!.basePath}`;

  return {
    origin: server.origin,
    v2BaseUrl: url('v2'),
    v1BaseUrl: url('v1'),
    apiKey: credentials.apiKey!,
    accountId: credentials.accountId!,
    v1ApiKey: credentials.v1ApiKey!,
    promoter: Object.freeze({ id: starting.promoter_id, email: must(state.promoters, starting.promoter_id).email, ref_id: starting.ref_token, campaign_id: starting.campaign_id }),
    get records() {
      return snapshot(state);
    },
    requests,
    visit(refId) {
      const membership = state.memberships.find((m) => m.ref_token === refId);
      if (!membership) throw new Error(`fake.visit: no promoter has ref_id ${JSON.stringify(refId)}`);
      const tid = globalThis.crypto.randomUUID();
      state.visits.set(tid, { tid, membership_id: membership.id, created_at: now() });
      return tid;
    },
    faults: { next: faults.next, random: faults.random, clear: faults.clear, counts: faults.counts },
    rateLimit: limiter.set,
    stopBatch(id) {
      const batch = byId(state.batches, id);
      if (!batch) throw new Error(`fake.stopBatch: no batch process ${id}`);
      batch.stopped = true;
    },
    reset() {
      state = seededState(options);
      requests.length = 0;
      faults.reset();
      limiter.set(false);
    },
    close: () => server.close(),
  };
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new RangeError(`startFakeFirstPromoter: \`${name}\` must be a positive number`);
  return value;
}
