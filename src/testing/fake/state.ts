// The fake account's data: campaigns, promoters and their campaign memberships, visits (tids), leads,
// tracked events, commissions, payouts, batch processes and the promoters' dashboard sessions. Plain
// records with ids from per-table counters, so a fresh state (start or reset) always numbers things the
// same way. What the API answers is rendered from these (render.ts, render-legacy.ts,
// render-affiliate.ts); figures such as a promoter's revenue are computed from the events, never
// stored twice.
import type { components } from '../../../generated/v2.js';
import type { ApiName } from './apis.js';

/** A promoter's state in a campaign, as v2 names it. */
export type MembershipState = components['schemas']['PromoterCampaignStateValue'];
/** The referral states the fake moves a lead through (a subset of v2's `ReferralState`). */
export type LeadState = Extract<components['schemas']['ReferralState'], 'subscribed' | 'signup' | 'active' | 'cancelled'>;
export type CommissionStatus = components['schemas']['Commission']['status'];

export interface Campaign {
  id: number;
  name: string;
  color: string;
  /** The campaign's sale reward: this percent of every sale, in cash. */
  reward: { id: number; name: string; percent: number };
}

export interface Promoter {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  cust_id: string | null;
  /** The promoter's login token (a secret the v1 API returns). */
  auth_token: string;
  joined_at: string;
  archived_at: string | null;
}

/** A promoter in a campaign (v2 `promoter_campaign`, v1 `promotion`): its state and referral id. */
export interface Membership {
  id: number;
  promoter_id: number;
  campaign_id: number;
  state: MembershipState;
  ref_token: string;
  created_at: string;
}

export interface Lead {
  id: number;
  email: string | null;
  uid: string | null;
  membership_id: number;
  state: LeadState;
  entry_source: 'api' | 'cookie';
  created_at: string;
  customer_since: string | null;
  cancelled_at: string | null;
}

export type EventKind = 'signup' | 'subscriber' | 'sale' | 'refund' | 'cancellation';

/** One tracking call the fake recorded, with the fields as they were sent (money in minor units). */
export interface TrackedEvent {
  id: number;
  api: ApiName;
  kind: EventKind;
  lead_id: number;
  email: string | null;
  uid: string | null;
  event_id: string | null;
  amount: number | null;
  currency: string | null;
  plan: string | null;
  quantity: number | null;
  sale_event_id: string | null;
  commission_id: number | null;
  created_at: string;
}

export interface Commission {
  id: number;
  kind: 'sale' | 'refund';
  lead_id: number;
  membership_id: number;
  event_id: string | null;
  sale_amount: number;
  amount: number;
  status: CommissionStatus;
  payout_id: number | null;
  is_paid: boolean;
  created_at: string;
  status_updated_at: string | null;
}

export interface Payout {
  id: number;
  promoter_id: number;
  campaign_id: number;
  status: 'pending' | 'completed';
  created_at: string;
  paid_at: string | null;
}

export interface Visit {
  tid: string;
  membership_id: number;
  created_at: string;
}

export interface Batch {
  id: number;
  action_label: string;
  ids: number[];
  /** Records done so far; the batch is finished when it reaches `ids.length`. */
  processed: number;
  processing_errors: string[];
  stopped: boolean;
  polls: number;
  created_at: string;
  updated_at: string;
  /** Applies the action to one record; a message when that record failed. */
  apply: (id: number) => string | undefined;
}

type Table = 'campaigns' | 'promoters' | 'memberships' | 'leads' | 'events' | 'commissions' | 'payouts' | 'batches';

export interface FakeState {
  campaigns: Campaign[];
  promoters: Promoter[];
  memberships: Membership[];
  leads: Lead[];
  events: TrackedEvent[];
  commissions: Commission[];
  payouts: Payout[];
  batches: Batch[];
  visits: Map<string, Visit>;
  /** `sale:<event_id>`, `refund:<event_id>`: FirstPromoter's dedupe keys, shared by v1 and v2. */
  seenEvents: Set<string>;
  /** Live dashboard sessions: access token → the signed-in promoter's id (the Affiliate API's auth). */
  sessions: Map<string, number>;
  lastIds: Record<Table, number>;
}

export function emptyState(): FakeState {
  return {
    campaigns: [], promoters: [], memberships: [], leads: [], events: [], commissions: [], payouts: [], batches: [],
    visits: new Map(),
    seenEvents: new Set(),
    sessions: new Map(),
    lastIds: { campaigns: 0, promoters: 0, memberships: 0, leads: 0, events: 0, commissions: 0, payouts: 0, batches: 0 },
  };
}

export function nextId(state: FakeState, table: Table): number {
  return ++state.lastIds[table];
}

export const now = (): string => new Date().toISOString();

export function byId<T extends { id: number }>(rows: readonly T[], id: number): T | undefined {
  return rows.find((row) => row.id === id);
}

/** The record `id` of `rows`; for references the fake made itself, so a miss is a bug of the fake. */
export function must<T extends { id: number }>(rows: readonly T[], id: number): T {
  const row = byId(rows, id);
  if (!row) throw new Error(`fake FirstPromoter: no record ${id}`);
  return row;
}

/** The customer a tracking call names: by `uid` first (it survives email changes), then by `email`. */
export function findLead(state: FakeState, email: string | undefined, uid: string | undefined): Lead | undefined {
  return (uid === undefined ? undefined : state.leads.find((lead) => lead.uid === uid))
    ?? (email === undefined ? undefined : state.leads.find((lead) => lead.email !== null && lead.email.toLowerCase() === email.toLowerCase()));
}

export function membershipByRef(state: FakeState, refToken: string): Membership | undefined {
  return state.memberships.find((membership) => membership.ref_token === refToken);
}

/** What a promoter can be looked up by: v2's `find_by` values and the parameters of v1's `promoters/show`. */
export type PromoterKey = 'id' | 'email' | 'cust_id' | 'auth_token' | 'ref_token';

/** The promoter whose `key` is `value`: an id written in digits, an email in any case, the ref_token of one of their memberships. */
export function findPromoter(state: FakeState, key: PromoterKey, value: string): Promoter | undefined {
  switch (key) {
    case 'id': return /^\d+$/.test(value) ? byId(state.promoters, Number(value)) : undefined;
    case 'email': return state.promoters.find((p) => p.email.toLowerCase() === value.toLowerCase());
    case 'cust_id': return state.promoters.find((p) => p.cust_id === value);
    case 'auth_token': return state.promoters.find((p) => p.auth_token === value);
    case 'ref_token': {
      const membership = membershipByRef(state, value);
      return membership && byId(state.promoters, membership.promoter_id);
    }
  }
}
