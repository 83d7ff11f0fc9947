// What the fake recorded, as plain snapshots for assertions: promoters, leads, each kind of tracked
// event with its fields as they were sent (money in minor units), commissions and payouts.
import type { ApiName } from './apis.js';
import type { Params } from './query.js';
import { fullName, payoutAmount } from './render.js';
import { must, type EventKind, type FakeState, type TrackedEvent } from './state.js';

/** Request headers by lower-case name, as Node's http module gives them (written out, so the types need no @types/node). */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One request the fake received, as it arrived, with what the fake did with it. */
export interface FakeRequest {
  method: string;
  /** When it arrived, in ms since the epoch (`Date.now()`): for rates and windows over what the fake received. */
  receivedAt: number;
  /** The API whose base path the URL is under; undefined for any other path. */
  api: ApiName | undefined;
  /** The operation of the spec the request matched, e.g. `trackSale`; undefined when none did. */
  operationId: string | undefined;
  /** Path and query under the base URL it was sent to, exactly as sent, e.g. `/company/promoters?page=1&per_page=100`. */
  target: string;
  /** The query, bracket names decoded (`filters[state]=accepted` → `{ filters: { state: 'accepted' } }`). */
  query: Params;
  headers: RequestHeaders;
  /** The body decoded: JSON, or form parameters (brackets decoded); the text when neither; undefined when empty. */
  body: unknown;
  /** The status answered; undefined while the answer is pending or when the connection was cut. */
  status: number | undefined;
  /** The fault injected into this request, if any (`answer` for a canned answer). */
  fault: string | undefined;
}

export interface RecordedEvent {
  /** The event's id, as the tracking call's answer gave it. */
  id: number;
  api: ApiName;
  lead_id: number;
  email: string | null;
  uid: string | null;
}

export interface RecordedPayment extends RecordedEvent {
  event_id: string;
  /** In minor units, positive for refunds too. */
  amount: number;
  currency: string | null;
  quantity: number | null;
  commission_id: number;
}

export interface FakeRecords {
  promoters: Array<{ id: number; email: string; name: string; ref_id: string; state: string; archived: boolean }>;
  leads: Array<{ id: number; email: string | null; uid: string | null; promoter_id: number; state: string; customer_since: string | null }>;
  signups: RecordedEvent[];
  subscribers: RecordedEvent[];
  sales: Array<RecordedPayment & { plan: string | null }>;
  refunds: Array<RecordedPayment & { sale_event_id: string | null }>;
  cancellations: RecordedEvent[];
  commissions: Array<{ id: number; kind: 'sale' | 'refund'; status: string; amount: number; sale_amount: number; event_id: string | null; lead_id: number; promoter_id: number; is_paid: boolean; payout_id: number | null }>;
  payouts: Array<{ id: number; promoter_id: number; status: string; amount: number; commission_ids: number[] }>;
}

function events(state: FakeState, kind: EventKind): TrackedEvent[] {
  return state.events.filter((event) => event.kind === kind);
}

const base = (e: TrackedEvent): RecordedEvent => ({ id: e.id, api: e.api, lead_id: e.lead_id, email: e.email, uid: e.uid });
const payment = (e: TrackedEvent): RecordedPayment => ({ ...base(e), event_id: e.event_id!, amount: e.amount!, currency: e.currency, quantity: e.quantity, commission_id: e.commission_id! });

export function snapshot(state: FakeState): FakeRecords {
  return {
    promoters: state.promoters.map((p) => {
      const membership = state.memberships.find((m) => m.promoter_id === p.id)!;
      return { id: p.id, email: p.email, name: fullName(p), ref_id: membership.ref_token, state: membership.state, archived: p.archived_at !== null };
    }),
    leads: state.leads.map((l) => ({ id: l.id, email: l.email, uid: l.uid, promoter_id: must(state.memberships, l.membership_id).promoter_id, state: l.state, customer_since: l.customer_since })),
    signups: events(state, 'signup').map(base),
    subscribers: events(state, 'subscriber').map(base),
    sales: events(state, 'sale').map((e) => ({ ...payment(e), plan: e.plan })),
    refunds: events(state, 'refund').map((e) => ({ ...payment(e), sale_event_id: e.sale_event_id })),
    cancellations: events(state, 'cancellation').map(base),
    commissions: state.commissions.map((c) => ({
      id: c.id, kind: c.kind, status: c.status, amount: c.amount, sale_amount: c.sale_amount, event_id: c.event_id, lead_id: c.lead_id,
      promoter_id: must(state.memberships, c.membership_id).promoter_id, is_paid: c.is_paid, payout_id: c.payout_id,
    })),
    payouts: state.payouts.map((p) => ({
      id: p.id, promoter_id: p.promoter_id, status: p.status, amount: payoutAmount(state, p),
      commission_ids: state.commissions.filter((c) => c.payout_id === p.id).map((c) => c.id),
    })),
  };
}
