// Records in the v1 API's shapes (types from generated/v1.ts): the lead, the promoter with its
// promotions, the reward, and the tracking event `{id, type, amount_cents, reward, lead, promoter}`
// that every v1 tracking call answers and that v2 still answers for refunds and cancellations.
import type { components } from '../../../generated/v1.js';
import { figuresOf } from './figures.js';
import { refLink } from './render.js';
import { must, type Commission, type FakeState, type Lead, type Membership, type Promoter, type TrackedEvent } from './state.js';

type Schemas = components['schemas'];

const V1_STATUS = { accepted: 'approved', pending: 'pending', rejected: 'denied', blocked: 'denied', inactive: 'denied' } as const;

function promotionJson(state: FakeState, m: Membership): Schemas['Promotion'] {
  const campaign = must(state.campaigns, m.campaign_id);
  return {
    id: m.id, status: V1_STATUS[m.state], ref_id: m.ref_token, promo_code: null, customer_promo_code: null, target_reached_at: null,
    promoter_id: m.promoter_id, campaign_id: m.campaign_id, referral_link: refLink(m), campaign_name: campaign.name,
  };
}

export function legacyPromoterJson(state: FakeState, p: Promoter): Schemas['Promoter'] {
  const memberships = state.memberships.filter((m) => m.promoter_id === p.id);
  const { cash_balance } = figuresOf(state, p.id);
  return {
    id: p.id, status: V1_STATUS[memberships[0]?.state ?? 'pending'], cust_id: p.cust_id, email: p.email, created_at: p.joined_at,
    temp_password: null, note: null, parent_promoter_id: null,
    ...(memberships[0] ? { default_promotion_id: memberships[0].id, default_ref_id: memberships[0].ref_token } : {}),
    earnings_balance: { cash: cash_balance }, current_balance: { cash: cash_balance }, paid_balance: null, auth_token: p.auth_token,
    profile: { id: p.id, first_name: p.first_name, last_name: p.last_name }, promotions: memberships.map((m) => promotionJson(state, m)),
  };
}

export function legacyLeadJson(state: FakeState, lead: Lead): Schemas['Lead'] {
  return {
    id: lead.id, state: lead.state, email: lead.email, uid: lead.uid, customer_since: lead.customer_since, cancelled_at: lead.cancelled_at,
    plan_name: null, suspicion: 'no_suspicion', username: null, website: null, created_at: lead.created_at, split_promotion_id: null,
    custom_fields: null, split_percentage_value: null, visitor_sub_id: null, promotion: promotionJson(state, must(state.memberships, lead.membership_id)),
  };
}

function rewardJson(state: FakeState, c: Commission): Schemas['Reward'] {
  return {
    id: c.id, status: c.status, amount: c.amount, unit: 'cash', created_at: c.created_at, event_id: c.event_id,
    conversion_amount: c.sale_amount, tier_level: 1, split_type: null,
  };
}

/** The v1-shaped answer of a tracking call: the event, its reward (or null), the lead and its promoter. */
export function legacyTrackEventJson(state: FakeState, event: TrackedEvent): Schemas['TrackingEvent'] {
  const lead = must(state.leads, event.lead_id);
  const promoter = must(state.promoters, must(state.memberships, lead.membership_id).promoter_id);
  const commission = event.commission_id === null ? undefined : must(state.commissions, event.commission_id);
  const cents = event.amount === null ? null : event.kind === 'refund' ? -event.amount : event.amount;
  return {
    id: event.id, type: event.kind, amount_cents: cents, reward: commission ? rewardJson(state, commission) : null,
    lead: legacyLeadJson(state, lead), promoter: legacyPromoterJson(state, promoter),
  };
}
