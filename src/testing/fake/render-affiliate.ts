// The Affiliate API's records as its spec shapes them (types from generated/affiliate.ts, so a missing
// required field is a compile error): the signed-in promoter, and their commissions, referrals and
// payouts, rendered from the same state the company API shows.
import type { components } from '../../../generated/affiliate.js';
import { figuresOf, firstEventAt, statsOf } from './figures.js';
import { campaignRef, fullName, payoutFields, refLink } from './render.js';
import { must, type Commission, type FakeState, type Lead, type Membership, type Payout, type Promoter } from './state.js';

type Schemas = components['schemas'];

/** The company's payout terms, sent as the payouts list's `meta` (the fake's own; FirstPromoter's are per account). */
export const PAYOUT_TERMS: Schemas['PayoutTerms'] = {
  net_payout_days: 30, payout_cycle: 'monthly', min_payment: 5000, min_paying_customers: 1, terms_description: null,
  selected_payout_methods: ['paypal', 'bank'], payout_method_options: {}, managed_payouts: false,
};

function membershipRef(state: FakeState, m: Membership): Schemas['PromoterCampaignRef'] {
  return { id: m.id, campaign_id: m.campaign_id, created_at: m.created_at, campaign: campaignRef(state, m.campaign_id) };
}

export function currentPromoterJson(state: FakeState, p: Promoter): Schemas['CurrentPromoter'] {
  const figures = figuresOf(state, p.id);
  const memberships = state.memberships.filter((m) => m.promoter_id === p.id);
  return {
    id: p.id, email: p.email, name: fullName(p), stats: statsOf(figures), balances: { cash: figures.cash_balance },
    custom_fields: {}, first_event_at: firstEventAt(state, p.id), invoice_details_status: 'pending', joined_at: p.joined_at,
    selected_payout_method: null, pending_contract_documents: [], profile: { id: p.id, first_name: p.first_name, last_name: p.last_name },
    promoter_campaigns: memberships.map((m) => ({
      id: m.id, campaign_id: m.campaign_id, created_at: m.created_at, campaign: campaignRef(state, m.campaign_id), state: m.state,
      promoter_id: m.promoter_id, ref_token: m.ref_token, ref_link: refLink(m), has_monetary_rewards: true,
    })),
    is_confirmed: true,
  };
}

export function affiliateCommissionJson(state: FakeState, c: Commission): Schemas['Commission'] {
  const lead = must(state.leads, c.lead_id);
  const membership = must(state.memberships, c.membership_id);
  const { reward } = must(state.campaigns, membership.campaign_id);
  return {
    id: c.id, status: c.status, external_note: null, created_at: c.created_at, status_updated_at: c.status_updated_at,
    promoter_campaign: membershipRef(state, membership), referral: { id: lead.id, uid: lead.uid, email: lead.email },
    reward: { id: reward.id, name: reward.name }, commission_type: 'sale', sale_amount: c.sale_amount, original_sale_amount: c.sale_amount,
    original_sale_currency: null, plan_id: null, tier: 1, unit: 'cash', amount: c.amount, is_paid: c.is_paid,
  };
}

export function affiliateReferralJson(state: FakeState, lead: Lead): Schemas['Referral'] {
  return {
    id: lead.id, uid: lead.uid, state: lead.state, metadata: {}, created_at: lead.created_at, customer_since: lead.customer_since,
    email: lead.email, promoter_campaign: membershipRef(state, must(state.memberships, lead.membership_id)),
  };
}

export function affiliatePayoutJson(state: FakeState, payout: Payout): Schemas['Payout'] {
  return payoutFields(state, payout);
}
