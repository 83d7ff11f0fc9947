// v2 bulk actions, as FirstPromoter runs them: up to 5 ids at once (200, a finished batch), more in the
// background (202, a queued batch). A queued batch moves on each time it is looked at
// (GET /company/batch_processes/{id}) and is finished within `batchMs` at the latest; its records change
// only as it processes them, so a 202 does not mean the change has happened yet.
import { invalidParams, notFound, type Answer } from './answers.js';
import type { Context, Handler } from './context.js';
import { deleteCommission, setCommissionStatus, setPayoutPaid } from './ledger.js';
import { batchJson, batchStatus, payoutAmount } from './render.js';
import { byId, nextId, now, type Batch, type FakeState, type MembershipState } from './state.js';

const AT_ONCE = 5;

type Apply = (ctx: Context, id: number) => string | undefined;

function bulkAction(label: string, apply: Apply, options: { envelope?: boolean; needsCampaign?: boolean } = {}): Handler {
  return (ctx) => {
    const { ids, campaign_id: campaignId } = ctx.input;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isSafeInteger(id))) return invalidParams('ids');
    if (options.needsCampaign && !byId(ctx.state.campaigns, Number(campaignId))) return invalidParams('campaign_id');
    const at = now();
    const batch: Batch = {
      id: nextId(ctx.state, 'batches'), action_label: label, ids: ids as number[], processed: 0, processing_errors: [], stopped: false,
      polls: 0, created_at: at, updated_at: at, apply: (id) => apply(ctx, id),
    };
    ctx.state.batches.push(batch);
    const queued = batch.ids.length > AT_ONCE;
    if (!queued) advance(batch, batch.ids.length);
    const status = queued ? 202 : 200;
    return options.envelope ? { status, body: payoutEnvelope(ctx.state, batch) } : { status, body: batchJson(batch) };
  };
}

/** Processes up to `count` more records of the batch. */
function advance(batch: Batch, count: number): void {
  const end = Math.min(batch.ids.length, batch.processed + count);
  for (; batch.processed < end; batch.processed++) {
    const id = batch.ids[batch.processed]!;
    const failure = batch.apply(id);
    if (failure) batch.processing_errors.push(failure);
  }
  batch.updated_at = now();
}

/** One look at a queued batch: a share of its records, or all of them once `batchMs` has passed. */
function lookAt(ctx: Context, batch: Batch): void {
  if (batch.stopped || batch.processed >= batch.ids.length) return;
  batch.polls++;
  const late = Date.now() - Date.parse(batch.created_at) >= ctx.settings.batchMs;
  const target = late || batch.polls >= ctx.settings.batchPolls ? batch.ids.length : Math.ceil((batch.ids.length * batch.polls) / ctx.settings.batchPolls);
  advance(batch, target - batch.processed);
}

/** The payouts actions wrap their batch as `{data, meta}`, with processing errors as objects. */
function payoutEnvelope(state: FakeState, batch: Batch): unknown {
  const { processing_errors, ...rest } = batchJson(batch);
  const selected = batch.ids.map((id) => byId(state.payouts, id)).filter((p) => p !== undefined);
  const total = selected.reduce((sum, p) => sum + payoutAmount(state, p), 0);
  return {
    data: { ...rest, status: batchStatus(batch) === 'in_progress' ? 'pending' : rest.status, processing_errors: (processing_errors ?? []).map((message) => ({ message })) },
    meta: { total, promoters_count: new Set(selected.map((p) => p.promoter_id)).size, total_incl_tax: total, all_promoters_count: new Set(state.payouts.map((p) => p.promoter_id)).size },
  };
}

function onCommission(change: (ctx: Context, id: number) => string | undefined): Apply {
  return (ctx, id) => (byId(ctx.state.commissions, id) ? change(ctx, id) : `Commission ${id}: not found`);
}

function onMembership(state: MembershipState): Apply {
  return (ctx, id) => {
    const membership = ctx.state.memberships.find((m) => m.promoter_id === id && m.campaign_id === Number(ctx.input.campaign_id));
    if (!membership) return `Promoter ${id}: not in campaign ${String(ctx.input.campaign_id)}`;
    membership.state = state;
    return undefined;
  };
}

function onPromoter(archived: boolean): Apply {
  return (ctx, id) => {
    const promoter = byId(ctx.state.promoters, id);
    if (!promoter) return `Promoter ${id}: not found`;
    promoter.archived_at = archived ? promoter.archived_at ?? now() : null;
    return undefined;
  };
}

const getBatchProcess: Handler = (ctx): Answer => {
  const batch = byId(ctx.state.batches, Number(ctx.pathParams.id));
  if (!batch) return notFound(ctx.api);
  lookAt(ctx, batch);
  return { status: 200, body: batchJson(batch) };
};

const batchProgress: Handler = (ctx) => ({
  status: 200,
  body: Object.fromEntries(ctx.state.batches.filter((b) => !['completed', 'failed', 'stopped'].includes(batchStatus(b))).map((b) => [String(b.id), batchJson(b).progress])),
});

const commission = (ctx: Context, id: number) => byId(ctx.state.commissions, id)!;
const payout = (paid: boolean): Apply => (ctx, id) => {
  const found = byId(ctx.state.payouts, id);
  return found ? setPayoutPaid(ctx.state, found, paid) : `Payout ${id}: not found`;
};

/** Handlers by operation id. */
export const V2_BULK: Readonly<Record<string, Handler>> = {
  approveCommissions: bulkAction('Approve commissions', onCommission((ctx, id) => setCommissionStatus(ctx.state, commission(ctx, id), 'approved'))),
  denyCommissions: bulkAction('Deny commissions', onCommission((ctx, id) => setCommissionStatus(ctx.state, commission(ctx, id), 'denied'))),
  deleteCommissions: bulkAction('Delete commissions', onCommission((ctx, id) => deleteCommission(ctx.state, commission(ctx, id)))),
  markPayoutsAsPaid: bulkAction('Mark payouts as paid', payout(true), { envelope: true }),
  markPayoutsAsUnpaid: bulkAction('Mark payouts as unpaid', payout(false), { envelope: true }),
  acceptPromoters: bulkAction('Accept promoters', onMembership('accepted'), { needsCampaign: true }),
  rejectPromoters: bulkAction('Reject promoters', onMembership('rejected'), { needsCampaign: true }),
  blockPromoters: bulkAction('Block promoters', onMembership('blocked'), { needsCampaign: true }),
  archivePromoters: bulkAction('Archive promoters', onPromoter(true)),
  restorePromoters: bulkAction('Restore promoters', onPromoter(false)),
  getBatchProcess,
  getBatchProcessesProgress: batchProgress,
};
