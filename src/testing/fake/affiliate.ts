// The Affiliate API of the promoter whose dashboard session the request carries: who they are
// (GET /promoters/current) and their own commissions, referrals and payouts, from the records tracking
// and the company API made, paged like every list (20 by default, at most 100) with the filters and
// sort keys each one models. Every other affiliate operation (campaigns, payout methods, due stats,
// promo codes, referral links, reports, exports, assets, contracts, email settings, creating, changing
// or deleting anything) keeps no records in the fake and answers 501 `not_modelled`; none of them is a
// paged list.
import { COMMISSION_FILTERS, COMMISSION_SORTS, REFERRAL_FILTERS, searchReferral } from './admin-lists.js';
import type { Context, Handler } from './context.js';
import { equals, field, listOf, type ListSpec, type Row } from './lists.js';
import { PAYOUT_TERMS, affiliateCommissionJson, affiliatePayoutJson, affiliateReferralJson, currentPromoterJson } from './render-affiliate.js';
import { byId, must } from './state.js';

/** The signed-in promoter; the server lets no request without a live session reach a handler. */
function promoterOf(ctx: Context): number {
  const id = ctx.caller.promoterId;
  if (id === undefined) throw new Error('fake FirstPromoter: an affiliate handler ran without a session');
  return id;
}

/** The ids of the signed-in promoter's campaign memberships: what their own records hang on. */
function ownMemberships(ctx: Context): Set<number> {
  const promoterId = promoterOf(ctx);
  return new Set(ctx.state.memberships.filter((m) => m.promoter_id === promoterId).map((m) => m.id));
}

const campaignOf = (row: Row) => (row.promoter_campaign as { campaign_id: number }).campaign_id;
const referralOf = (row: Row) => (row.referral ?? {}) as { email?: string | null; uid?: string | null };

const commissions: ListSpec = {
  rows: (ctx) => {
    const own = ownMemberships(ctx);
    return ctx.state.commissions.filter((c) => own.has(c.membership_id)).map((c) => affiliateCommissionJson(ctx.state, c));
  },
  filters: {
    ...COMMISSION_FILTERS,
    // The promoter's view of a commission does not show its payout: read from the record.
    payout_id: (row, value, ctx) => equals(() => byId(ctx.state.commissions, row.id as number)?.payout_id)(row, value, ctx),
  },
  search: (row) => [referralOf(row).email, referralOf(row).uid],
  sorts: COMMISSION_SORTS,
};

const referrals: ListSpec = {
  rows: (ctx) => {
    const own = ownMemberships(ctx);
    return ctx.state.leads.filter((lead) => own.has(lead.membership_id)).map((lead) => affiliateReferralJson(ctx.state, lead));
  },
  filters: { ...REFERRAL_FILTERS, campaign_id: equals(campaignOf) },
  search: searchReferral,
  sorts: { state: (row) => String(row.state), email: (row) => String(row.email ?? '') },
};

const payouts: ListSpec = {
  rows: (ctx) => {
    const promoterId = promoterOf(ctx);
    return ctx.state.payouts.filter((p) => p.promoter_id === promoterId).map((p) => affiliatePayoutJson(ctx.state, p));
  },
  filters: {
    status: equals(field('status')),
    campaign_id: equals((row) => (row.campaign as { id: number }).id),
  },
  search: (row) => [(row.campaign as { name: string }).name],
  meta: () => ({ ...PAYOUT_TERMS }),
};

/** Handlers by operation id. */
export const AFFILIATE: Readonly<Record<string, Handler>> = {
  getCurrentPromoter: (ctx) => ({ status: 200, body: currentPromoterJson(ctx.state, must(ctx.state.promoters, promoterOf(ctx))) }),
  listCommissions: listOf(commissions),
  listReferrals: listOf(referrals),
  listPayouts: listOf(payouts),
};
