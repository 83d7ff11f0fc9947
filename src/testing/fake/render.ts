// The v2 records as the spec shapes them (types from generated/v2.ts, so a missing required field is a
// compile error): promoters, referrals, commissions, payouts, batch processes and the tracking event.
import type { components } from '../../../generated/v2.js';
import { figuresOf, firstEventAt, statsOf } from './figures.js';
import { must, type Batch, type Commission, type FakeState, type Lead, type Membership, type Payout, type Promoter, type TrackedEvent } from './state.js';

type Schemas = components['schemas'];

export const fullName = (p: Promoter): string => `${p.first_name} ${p.last_name}`.trim();
/** The referral link of a membership, as all three APIs show it (the fake's site is example.com). */
export const refLink = (m: Membership): string => `https://example.com/?fpr=${m.ref_token}`;
const promoterRef = (p: Promoter): Schemas['PromoterRef'] => ({ id: p.id, email: p.email, name: fullName(p) });

/** A campaign as both specs embed it (the Affiliate API's requires the name, v2's does not). */
export function campaignRef(state: FakeState, id: number): { id: number; name: string; color: string } {
  const campaign = must(state.campaigns, id);
  return { id: campaign.id, name: campaign.name, color: campaign.color };
}

export function membershipRef(state: FakeState, m: Membership): Schemas['PromoterCampaignRef'] {
  return { id: m.id, campaign_id: m.campaign_id, promoter_id: m.promoter_id, created_at: m.created_at, promoter: promoterRef(must(state.promoters, m.promoter_id)), campaign: campaignRef(state, m.campaign_id) };
}

export function promoterJson(state: FakeState, p: Promoter): Schemas['Promoter'] {
  const figures = figuresOf(state, p.id);
  const memberships = state.memberships.filter((m) => m.promoter_id === p.id);
  return {
    id: p.id, email: p.email, name: fullName(p), cust_id: p.cust_id, note: null, stats: statsOf(figures),
    is_customized: false, fraud_suspicions: [], is_confirmed: true, invoice_details_status: 'pending',
    profile: { id: p.id, first_name: p.first_name, last_name: p.last_name },
    joined_at: p.joined_at, last_login_at: null, archived_at: p.archived_at, custom_fields: null, password_setup_url: null,
    first_event_at: firstEventAt(state, p.id),
    promoter_campaigns: memberships.map((m) => ({
      id: m.id, campaign_id: m.campaign_id, promoter_id: m.promoter_id, state: m.state, created_at: m.created_at,
      campaign: campaignRef(state, m.campaign_id), coupon: null, ref_token: m.ref_token, ref_link: refLink(m),
    })),
    balances: { cash: figures.cash_balance, credits: null, points: null, free_months: null, discount: null },
    track_ad_traffic: false, auth_provider: null,
  };
}

export function referralJson(state: FakeState, lead: Lead): Schemas['Referral'] {
  return {
    id: lead.id, email: lead.email, uid: lead.uid, state: lead.state, metadata: {}, entry_source: lead.entry_source,
    created_at: lead.created_at, customer_since: lead.customer_since, promoter_campaign: membershipRef(state, must(state.memberships, lead.membership_id)),
    fraud_check: 'no_suspicion', created_by_user_email: null, username: null, split_details: null, is_expired: false,
  };
}

export function commissionJson(state: FakeState, c: Commission): Schemas['Commission'] {
  const lead = must(state.leads, c.lead_id);
  const campaign = must(state.campaigns, must(state.memberships, c.membership_id).campaign_id);
  return {
    id: c.id, status: c.status, metadata: {}, is_self_referral: false, commission_type: 'sale', created_by_user_email: null, created_by_user_at: null,
    sale_amount: c.sale_amount, original_sale_amount: c.sale_amount, original_sale_currency: null, event_id: c.event_id, plan_id: null, tier: 1,
    internal_note: null, external_note: null, unit: 'cash', fraud_check: 'no_suspicion', amount: c.amount, is_paid: c.is_paid, is_split: false,
    created_at: c.created_at, status_updated_at: c.status_updated_at, promoter_campaign: membershipRef(state, must(state.memberships, c.membership_id)),
    referral: { id: lead.id, email: lead.email, uid: lead.uid }, reward: { id: campaign.reward.id, name: campaign.reward.name },
  };
}

/** A payout's amount is the sum of its commissions, in cents. */
export function payoutAmount(state: FakeState, payout: Payout): number {
  return state.commissions.filter((c) => c.payout_id === payout.id).reduce((total, c) => total + c.amount, 0);
}

export function payoutJson(state: FakeState, payout: Payout): Schemas['Payout'] {
  return payoutFields(state, payout);
}

/** A payout's fields, the same in both specs: the company API's list and the promoter's own (Affiliate API). */
export function payoutFields(state: FakeState, payout: Payout) {
  const amount = payoutAmount(state, payout);
  return {
    id: payout.id, status: payout.status, amount, payments_batch_id: null, tax_rate: 0, unit: 'cash', period_start: null, period_end: null,
    paid_at: payout.paid_at, processing_started_at: null, failed_at: null, error: null, total_incl_tax: amount, created_at: payout.created_at,
    payout_method: null, promoter: promoterRef(must(state.promoters, payout.promoter_id)), campaign: campaignRef(state, payout.campaign_id),
  };
}

export function batchStatus(batch: Batch): Schemas['BatchProcess']['status'] {
  if (batch.stopped) return 'stopped';
  if (batch.processed >= batch.ids.length) return batch.processing_errors.length === batch.ids.length ? 'failed' : 'completed';
  return batch.processed === 0 ? 'pending' : 'in_progress';
}

export function batchJson(batch: Batch): Schemas['BatchProcess'] {
  const total = batch.ids.length;
  return {
    id: batch.id, status: batchStatus(batch), total, selected_total: total, processed_count: batch.processed - batch.processing_errors.length,
    failed_count: batch.processing_errors.length, action_label: batch.action_label, created_at: batch.created_at, updated_at: batch.updated_at,
    meta: null, progress: Math.floor((100 * batch.processed) / total), processing_errors: [...batch.processing_errors],
  };
}

/** The answer of a v2 signup or sale: the event, its referral and the commissions it created. */
export function trackEventJson(state: FakeState, event: TrackedEvent): Schemas['TrackEvent'] {
  const lead = must(state.leads, event.lead_id);
  const commission = event.commission_id === null ? undefined : must(state.commissions, event.commission_id);
  return {
    id: event.id, etype: event.kind, sale_amount: event.amount, original_sale_amount: event.amount,
    original_sale_currency: event.currency, event_id: event.event_id, plan_id: event.plan, billing_period: null, created_at: event.created_at,
    referral: { id: lead.id, email: lead.email, uid: lead.uid }, commissions: commission ? [commissionJson(state, commission)] : [],
  };
}
