// The v2 company lists the fake keeps records for (promoters, referrals, commissions, payouts, batch
// processes), with the filters and sort keys each one models. Every other list is empty, as on a
// fresh account (lists.ts, emptyList).
import type { Handler } from './context.js';
import { anyOf, equals, field, listOf, range, yesNo, type Filter, type ListSpec, type Row } from './lists.js';
import { batchJson, commissionJson, payoutJson, promoterJson, referralJson } from './render.js';

type Memberships = Array<{ state: string; campaign_id: number }>;
const memberships = (row: Row) => row.promoter_campaigns as Memberships;
const stat = (name: string) => (row: Row) => (row.stats as Record<string, number>)[name] ?? 0;
const ref = (row: Row) => (row.promoter_campaign ?? {}) as { campaign_id?: number; promoter_id?: number };

const promoters: ListSpec = {
  rows: ({ state }) => state.promoters.map((p) => promoterJson(state, p)),
  filters: {
    state: anyOf((row) => memberships(row).map((m) => m.state)),
    campaign_id: anyOf((row) => memberships(row).map((m) => m.campaign_id)),
    archived: yesNo((row) => row.archived_at !== null),
    joined_at: range(field('joined_at')),
    revenue_amount: range(stat('revenue_amount')),
    customers_count: range(stat('customers_count')),
    referrals_count: range(stat('referrals_count')),
    clicks_count: range(stat('clicks_count')),
  },
  search: (row) => [row.email, row.name, ...memberships(row).map((m) => (m as { ref_token?: string }).ref_token)],
  sorts: {
    clicks_count: stat('clicks_count'), referrals_count: stat('referrals_count'), customers_count: stat('customers_count'),
    revenue_amount: stat('revenue_amount'), joined_at: (row) => String(row.joined_at),
  },
  meta: ({ state }) => ({ pending_count: state.promoters.filter((p) => state.memberships.some((m) => m.promoter_id === p.id && m.state === 'pending')).length }),
};

/** The referral filters both APIs document (the Affiliate API's list of a promoter's own too). */
export const REFERRAL_FILTERS: Readonly<Record<string, Filter>> = {
  type: (row, value) => (value === 'customer') === (row.customer_since !== null),
  state: equals(field('state')),
  customer_since: range(field('customer_since')),
  created_at: range(field('created_at')),
};

/** A referral is searched by its email and uid in both APIs. */
export const searchReferral = (row: Row): unknown[] => [row.email, row.uid];

const referrals: ListSpec = {
  rows: ({ state }) => state.leads.map((lead) => referralJson(state, lead)),
  filters: { ...REFERRAL_FILTERS, promoter_id: equals((row) => ref(row).promoter_id) },
  search: searchReferral,
};

/** The commission filters both APIs document (the Affiliate API's list of a promoter's own too). */
export const COMMISSION_FILTERS: Readonly<Record<string, Filter>> = {
  status: equals(field('status')),
  paid: yesNo((row) => row.is_paid === true),
  sale_amount: range(field('sale_amount')),
  amount: range(field('amount')),
  created_at: range(field('created_at')),
  campaign_id: equals((row) => ref(row).campaign_id),
};

export const COMMISSION_SORTS: Readonly<Record<string, (row: Row) => number | string>> = {
  sale_amount: field('sale_amount') as (row: Row) => number, amount: field('amount') as (row: Row) => number, created_at: (row) => String(row.created_at),
};

const commissions: ListSpec = {
  rows: ({ state }) => state.commissions.map((c) => commissionJson(state, c)),
  filters: { ...COMMISSION_FILTERS, promoter_id: equals((row) => ref(row).promoter_id) },
  search: (row) => [row.event_id, (row.referral as { email?: string } | null)?.email, (row.referral as { uid?: string } | null)?.uid],
  sorts: COMMISSION_SORTS,
};

const payouts: ListSpec = {
  rows: ({ state }) => state.payouts.map((p) => payoutJson(state, p)),
  filters: {
    status: equals(field('status')),
    campaign_id: equals((row) => (row.campaign as { id: number }).id),
    promoter_id: equals((row) => (row.promoter as { id: number }).id),
  },
  search: (row) => [(row.promoter as { email?: string; name?: string }).email, (row.promoter as { name?: string }).name],
  sorts: { amount: field('amount') as (row: Row) => number },
};

const batchProcesses: ListSpec = {
  rows: ({ state }) => [...state.batches].reverse().map(batchJson),
  filters: { status: equals(field('status')) },
};

/** Handlers by operation id. */
export const V2_LISTS: Readonly<Record<string, Handler>> = {
  listPromoters: listOf(promoters),
  listReferrals: listOf(referrals),
  listCommissions: listOf(commissions),
  listPayouts: listOf(payouts),
  listBatchProcesses: listOf(batchProcesses),
};
