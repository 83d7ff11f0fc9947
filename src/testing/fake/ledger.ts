// Money after tracking: the commission a sale or refund earns (the campaign's percent, negative for a
// refund), and what the admin actions do with it. An approved commission joins its promoter's open
// payout; denying or deleting it takes it out again; paying a payout marks its commissions paid.
import { must, nextId, now, type Commission, type FakeState, type Lead, type Payout } from './state.js';

export interface LedgerSettings {
  /** Commissions start `approved` (joining a payout at once) instead of `pending`. */
  autoApproveCommissions: boolean;
}

export function earnCommission(state: FakeState, settings: LedgerSettings, lead: Lead, kind: Commission['kind'], eventId: string, cents: number): Commission {
  const membership = must(state.memberships, lead.membership_id);
  const { percent } = must(state.campaigns, membership.campaign_id).reward;
  const earned = Math.round((cents * percent) / 100);
  const commission: Commission = {
    id: nextId(state, 'commissions'), kind, lead_id: lead.id, membership_id: membership.id, event_id: eventId,
    sale_amount: kind === 'refund' ? -cents : cents, amount: kind === 'refund' ? -earned : earned,
    status: 'pending', payout_id: null, is_paid: false, created_at: now(), status_updated_at: null,
  };
  state.commissions.push(commission);
  if (settings.autoApproveCommissions) setCommissionStatus(state, commission, 'approved');
  return commission;
}

/** Approves or denies; an approved commission joins the open payout of its promoter and campaign. */
export function setCommissionStatus(state: FakeState, commission: Commission, status: 'approved' | 'denied'): string | undefined {
  if (commission.is_paid) return `Commission ${commission.id}: already paid`;
  commission.status = status;
  commission.status_updated_at = now();
  commission.payout_id = status === 'approved' ? openPayout(state, commission).id : null;
  dropEmptyPayouts(state);
  return undefined;
}

export function deleteCommission(state: FakeState, commission: Commission): string | undefined {
  if (commission.is_paid) return `Commission ${commission.id}: already paid`;
  state.commissions.splice(state.commissions.indexOf(commission), 1);
  dropEmptyPayouts(state);
  return undefined;
}

export function setPayoutPaid(state: FakeState, payout: Payout, paid: boolean): string | undefined {
  payout.status = paid ? 'completed' : 'pending';
  payout.paid_at = paid ? now() : null;
  for (const commission of state.commissions) if (commission.payout_id === payout.id) commission.is_paid = paid;
  return undefined;
}

function openPayout(state: FakeState, commission: Commission): Payout {
  const { promoter_id, campaign_id } = must(state.memberships, commission.membership_id);
  const open = state.payouts.find((p) => p.promoter_id === promoter_id && p.campaign_id === campaign_id && p.status === 'pending');
  if (open) return open;
  const payout: Payout = { id: nextId(state, 'payouts'), promoter_id, campaign_id, status: 'pending', created_at: now(), paid_at: null };
  state.payouts.push(payout);
  return payout;
}

/** A pending payout with no commission left has nothing to pay: FirstPromoter would not list it. */
function dropEmptyPayouts(state: FakeState): void {
  state.payouts = state.payouts.filter((p) => p.status !== 'pending' || state.commissions.some((c) => c.payout_id === p.id));
}
