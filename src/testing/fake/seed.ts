// The account a fake starts with (and returns to on reset): one campaign with a sale reward, one
// accepted promoter in it, plus the promoters and already-referred customers the options ask for.
// Promoters made through the admin API (POST /company/promoters) go through `addPromoter` too.
import { emptyState, membershipByRef, nextId, now, type FakeState, type Lead, type MembershipState, type Promoter } from './state.js';

export interface PromoterSeed {
  email: string;
  /** "First Last"; the email's local part when left out. */
  name?: string | undefined;
  /** The promoter's referral id (`ref_id` in tracking calls, `ref_token` in v2). Made from the name when left out. */
  ref_id?: string | undefined;
  cust_id?: string | undefined;
  /** State in the campaign (default `accepted`). */
  state?: MembershipState | undefined;
}

export interface ReferralSeed {
  email?: string | undefined;
  uid?: string | undefined;
  /** `ref_id` of the promoter who referred the customer (default: the starting promoter). */
  ref_id?: string | undefined;
}

export interface SeedOptions {
  /** Commission of the campaign's sale reward, in percent of the sale (default 20). */
  commissionPercent?: number | undefined;
  /** The starting promoter (default Pat Partner, pat.partner@example.com, ref_id `pat`). */
  promoter?: PromoterSeed | undefined;
  /** More promoters, in the same campaign. */
  promoters?: readonly PromoterSeed[] | undefined;
  /** Customers referred before the test began (leads in state `signup`). */
  referrals?: readonly ReferralSeed[] | undefined;
}

const DEFAULT_PROMOTER: PromoterSeed = { email: 'pat.partner@example.com', name: 'Pat Partner', ref_id: 'pat' };

export function seededState(options: SeedOptions): FakeState {
  const state = emptyState();
  const percent = options.commissionPercent ?? 20;
  state.campaigns.push({
    id: nextId(state, 'campaigns'), name: 'Partner program', color: '#4f46e5',
    reward: { id: 1, name: `${percent}% of every sale`, percent },
  });
  for (const seed of [options.promoter ?? DEFAULT_PROMOTER, ...(options.promoters ?? [])]) addPromoter(state, seed, state.campaigns[0]!.id);
  for (const referral of options.referrals ?? []) {
    const membership = membershipByRef(state, referral.ref_id ?? state.memberships[0]!.ref_token);
    if (!membership) throw new Error(`startFakeFirstPromoter: no promoter has ref_id ${JSON.stringify(referral.ref_id)}`);
    if (referral.email === undefined && referral.uid === undefined) throw new Error('startFakeFirstPromoter: a referral needs `email` or `uid`');
    addLead(state, { email: referral.email ?? null, uid: referral.uid ?? null, membership_id: membership.id, entry_source: 'api' });
  }
  return state;
}

/** Adds a promoter and its membership of `campaignId`; throws on an email or ref_id already taken. */
export function addPromoter(state: FakeState, seed: PromoterSeed, campaignId: number): Promoter {
  const email = seed.email.trim();
  if (state.promoters.some((p) => p.email.toLowerCase() === email.toLowerCase())) throw new TakenError('email');
  const [first = email.split('@')[0] ?? email, ...rest] = (seed.name ?? email.split('@')[0] ?? email).split(' ');
  const id = nextId(state, 'promoters');
  const promoter: Promoter = {
    id, email, first_name: first, last_name: rest.join(' '), cust_id: seed.cust_id ?? null,
    auth_token: `fake_auth_${id}_${Math.random().toString(36).slice(2, 10)}`, joined_at: now(), archived_at: null,
  };
  const refToken = seed.ref_id ?? uniqueRef(state, `${first}${rest[0] ?? ''}`.toLowerCase().replace(/[^a-z0-9_-]/g, ''));
  if (membershipByRef(state, refToken)) throw new TakenError('ref_id');
  state.promoters.push(promoter);
  state.memberships.push({ id: nextId(state, 'memberships'), promoter_id: id, campaign_id: campaignId, state: seed.state ?? 'accepted', ref_token: refToken, created_at: promoter.joined_at });
  return promoter;
}

export function addLead(state: FakeState, fields: Pick<Lead, 'email' | 'uid' | 'membership_id' | 'entry_source'>): Lead {
  const lead: Lead = { id: nextId(state, 'leads'), state: 'signup', created_at: now(), customer_since: null, cancelled_at: null, ...fields };
  state.leads.push(lead);
  return lead;
}

export class TakenError extends Error {
  constructor(readonly field: 'email' | 'ref_id') {
    super(`${field} has already been taken`);
  }
}

function uniqueRef(state: FakeState, base: string): string {
  const root = base || 'promoter';
  let candidate = root;
  for (let n = 2; membershipByRef(state, candidate); n++) candidate = `${root}${n}`;
  return candidate;
}
