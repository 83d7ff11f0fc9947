// A promoter's figures, computed from what was tracked (never stored, so they cannot drift): visits,
// referrals, customers, sales and revenue in cents, and the cash balance of approved unpaid commissions.
import type { FakeState } from './state.js';

export interface Figures {
  clicks_count: number;
  referrals_count: number;
  customers_count: number;
  active_customers_count: number;
  sales_count: number;
  revenue_amount: number;
  cash_balance: number;
}

export function figuresOf(state: FakeState, promoterId: number): Figures {
  const memberships = new Set(state.memberships.filter((m) => m.promoter_id === promoterId).map((m) => m.id));
  const leads = state.leads.filter((lead) => memberships.has(lead.membership_id));
  const leadIds = new Set(leads.map((lead) => lead.id));
  const events = state.events.filter((event) => leadIds.has(event.lead_id));
  const sum = (kind: 'sale' | 'refund') => events.filter((e) => e.kind === kind).reduce((total, e) => total + (e.amount ?? 0), 0);
  return {
    clicks_count: [...state.visits.values()].filter((visit) => memberships.has(visit.membership_id)).length,
    referrals_count: leads.length,
    customers_count: leads.filter((lead) => lead.customer_since !== null).length,
    active_customers_count: leads.filter((lead) => lead.state === 'active').length,
    sales_count: events.filter((e) => e.kind === 'sale').length,
    revenue_amount: sum('sale') - sum('refund'),
    cash_balance: state.commissions
      .filter((c) => memberships.has(c.membership_id) && c.status === 'approved' && !c.is_paid)
      .reduce((total, c) => total + c.amount, 0),
  };
}

/** The lifetime counters both APIs show as a promoter's `stats`. */
export function statsOf(figures: Figures): Pick<Figures, 'clicks_count' | 'referrals_count' | 'sales_count' | 'customers_count' | 'revenue_amount' | 'active_customers_count'> {
  const { clicks_count, referrals_count, sales_count, customers_count, revenue_amount, active_customers_count } = figures;
  return { clicks_count, referrals_count, sales_count, customers_count, revenue_amount, active_customers_count };
}

/** When anything was first tracked for a customer of the promoter's; null before that. */
export function firstEventAt(state: FakeState, promoterId: number): string | null {
  const memberships = new Set(state.memberships.filter((m) => m.promoter_id === promoterId).map((m) => m.id));
  const leads = new Set(state.leads.filter((lead) => memberships.has(lead.membership_id)).map((lead) => lead.id));
  return state.events.find((event) => leads.has(event.lead_id))?.created_at ?? null;
}
