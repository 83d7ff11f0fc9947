// The v1 admin calls the fake keeps records for: promoters and leads (lists and lookups) and the
// per-promoter report. v1 filters are top-level parameters, and its errors are `{error}`.
import { notFound, type Answer } from './answers.js';
import type { Handler } from './context.js';
import { figuresOf } from './figures.js';
import { equals, listOf, type ListSpec, type Row } from './lists.js';
import { legacyLeadJson, legacyPromoterJson } from './render-legacy.js';
import { fullName } from './render.js';
import { findPromoter, type PromoterKey } from './state.js';

const promotions = (row: Row) => (row.promotions ?? []) as Array<{ campaign_id?: number; status?: string; ref_id?: string }>;
const promotion = (row: Row) => (row.promotion ?? {}) as { campaign_id?: number; promoter_id?: number; ref_id?: string; id?: number };

const promoters: ListSpec = {
  topLevelFilters: true,
  rows: ({ state }) => state.promoters.map((p) => legacyPromoterJson(state, p)),
  // "Promoters accepted to this campaign", as the v1 reference words it.
  filters: { campaign_id: (row, value) => promotions(row).some((p) => String(p.campaign_id) === String(value) && p.status === 'approved') },
};

const leads: ListSpec = {
  topLevelFilters: true,
  rows: ({ state }) => state.leads.map((lead) => legacyLeadJson(state, lead)),
  filters: {
    promotion_id: equals((row) => promotion(row).id),
    promoter_id: equals((row) => promotion(row).promoter_id),
    campaign_id: equals((row) => promotion(row).campaign_id),
    ref_id: equals((row) => promotion(row).ref_id),
  },
};

/** Report rows per promoter, ordered by revenue; money as decimal text, as v1 reports send it. */
const promotersReport: ListSpec = {
  topLevelFilters: true,
  rows: ({ state }) => state.promoters
    .map((p) => ({ promoter: p, figures: figuresOf(state, p.id) }))
    .sort((a, b) => b.figures.revenue_amount - a.figures.revenue_amount)
    .map(({ promoter, figures }) => ({
      promoter_id: promoter.id, promoter_name: fullName(promoter),
      revenue_amount: (figures.revenue_amount / 100).toFixed(2), clicks_count: figures.clicks_count,
      referrals_count: figures.referrals_count, customers_count: figures.customers_count, items: [],
    })),
  filters: { promoter_ids: (row, value) => (Array.isArray(value) ? value : [value]).map(String).includes(String(row.promoter_id)) },
  ignored: ['selected_fields', 'group_by', 'start_date', 'end_date', 'top_50'],
};

/** The parameters `promoters/show` finds a promoter by, in the order they are tried, and what each names. */
const SHOW_BY: ReadonlyArray<readonly [string, PromoterKey]> = [
  ['id', 'id'], ['promoter_email', 'email'], ['cust_id', 'cust_id'], ['auth_token', 'auth_token'], ['ref_id', 'ref_token'],
];

const showPromoter: Handler = (ctx): Answer => {
  const given = SHOW_BY.find(([param]) => typeof ctx.input[param] === 'string');
  if (!given) return { status: 422, body: { error: 'You need to find the promoter either by id, cust_id, auth_token, ref_id or promoter_email' } };
  const promoter = findPromoter(ctx.state, given[1], ctx.input[given[0]] as string);
  return promoter ? { status: 200, body: legacyPromoterJson(ctx.state, promoter) } : notFound(ctx.api, 'Promoter');
};

/** Handlers by operation id. */
export const V1_ADMIN: Readonly<Record<string, Handler>> = {
  listPromoters: listOf(promoters),
  listLeads: listOf(leads),
  getPromotersReport: listOf(promotersReport),
  showPromoter,
};
