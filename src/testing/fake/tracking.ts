// The tracking calls of both APIs, with FirstPromoter's semantics: a signup creates the lead (credited
// through a visit's `tid` or a promoter's `ref_id`, and only once per lead); a sale or refund is
// recorded once per `event_id` and earns a commission; a customer nobody referred (or whose promoter is
// blocked) is "not a referral", answered as each API answers it; a cancellation marks the lead.
import { trackingError, VISITOR_NOT_FOUND, type Answer } from './answers.js';
import type { Context, Handler } from './context.js';
import { earnCommission } from './ledger.js';
import { legacyTrackEventJson } from './render-legacy.js';
import { trackEventJson } from './render.js';
import { addLead } from './seed.js';
import { findLead, membershipByRef, must, nextId, now, type EventKind, type FakeState, type Lead, type Membership, type TrackedEvent } from './state.js';
import { isAnswer, outcomeAnswer, readIdentity, readMoney, text, type Identity } from './tracking-input.js';

const NOT_REFERRAL = 'Referral corresponding to email or uid parameter not found or promoter is banned.';
const SIGNUP_TAKEN = 'there is already a signup event registered on this lead';

/** The promoter a `tid` (a visit) or `ref_id` credits, if it is accepted in its campaign. */
function creditedMembership(state: FakeState, input: Record<string, unknown>): Membership | undefined {
  const tid = text(input.tid);
  const refId = text(input.ref_id);
  const membership = tid !== undefined ? (() => {
    const visit = state.visits.get(tid);
    return visit && must(state.memberships, visit.membership_id);
  })() : refId !== undefined ? membershipByRef(state, refId) : undefined;
  return membership?.state === 'accepted' ? membership : undefined;
}

/** The lead a tracking call creates for `membership`: from a visit's cookie when it came with a `tid`. */
function newLead(ctx: Context, identity: Identity, membership: Membership): Lead {
  return addLead(ctx.state, { email: identity.email ?? null, uid: identity.uid ?? null, membership_id: membership.id, entry_source: text(ctx.input.tid) ? 'cookie' : 'api' });
}

function record(ctx: Context, kind: EventKind, lead: Lead, identity: Identity, fields: Partial<TrackedEvent> = {}): TrackedEvent {
  const event: TrackedEvent = {
    id: nextId(ctx.state, 'events'), api: ctx.api.name, kind, lead_id: lead.id, email: identity.email ?? null, uid: identity.uid ?? null,
    event_id: null, amount: null, currency: null, plan: null, quantity: null, sale_event_id: null, commission_id: null, created_at: now(), ...fields,
  };
  ctx.state.events.push(event);
  return event;
}

function answer(ctx: Context, event: TrackedEvent): Answer {
  const v2Shaped = ctx.api.name === 'v2' && (event.kind === 'signup' || event.kind === 'sale');
  return { status: 200, body: v2Shaped ? trackEventJson(ctx.state, event) : legacyTrackEventJson(ctx.state, event) };
}

/** Signup (and v1's subscriber): attributes a new lead, or the lead's first event of this kind. */
function attribute(kind: 'signup' | 'subscriber'): Handler {
  return (ctx) => {
    const identity = readIdentity(ctx.input);
    if (isAnswer(identity)) return identity;
    const membership = creditedMembership(ctx.state, ctx.input);
    if (!membership) return trackingError(404, VISITOR_NOT_FOUND);
    const known = findLead(ctx.state, identity.email, identity.uid);
    if (known && ctx.state.events.some((e) => e.lead_id === known.id && e.kind === kind)) {
      return outcomeAnswer(ctx.api, ctx.operation, 'duplicate', kind === 'signup' ? SIGNUP_TAKEN : `The '${kind}' event already exists for this lead.`);
    }
    const lead = known ?? newLead(ctx, identity, membership);
    if (kind === 'subscriber' && !known) lead.state = 'subscribed';
    return answer(ctx, record(ctx, kind, lead, identity));
  };
}

/** A referred customer: known by email/uid, or credited now through `tid`/`ref_id`; undefined when not a referral. */
function referredLead(ctx: Context, identity: Identity, creditNow: boolean): Lead | undefined {
  const known = findLead(ctx.state, identity.email, identity.uid);
  if (known) return must(ctx.state.memberships, known.membership_id).state === 'accepted' ? known : undefined;
  const membership = creditNow ? creditedMembership(ctx.state, ctx.input) : undefined;
  return membership && newLead(ctx, identity, membership);
}

function money(kind: 'sale' | 'refund'): Handler {
  return (ctx) => {
    const identity = readIdentity(ctx.input);
    if (isAnswer(identity)) return identity;
    const paid = readMoney(ctx.api, ctx.input);
    if (isAnswer(paid)) return paid;
    // The dedupe key is checked first, so a repeat changes nothing at all (not even a lead).
    const key = `${kind}:${paid.event_id}`;
    if (ctx.state.seenEvents.has(key)) return outcomeAnswer(ctx.api, ctx.operation, 'duplicate', `The '${kind}' event with the id '${paid.event_id}' already exists.`);
    const lead = referredLead(ctx, identity, kind === 'sale');
    if (!lead) return outcomeAnswer(ctx.api, ctx.operation, 'not_referral', NOT_REFERRAL);
    ctx.state.seenEvents.add(key);
    const commission = earnCommission(ctx.state, ctx.settings, lead, kind, paid.event_id, paid.amount);
    if (kind === 'sale') {
      lead.state = 'active';
      lead.customer_since ??= now();
    }
    return answer(ctx, record(ctx, kind, lead, identity, {
      ...paid, plan: text(ctx.input.plan) ?? null, sale_event_id: text(ctx.input.sale_event_id) ?? null, commission_id: commission.id,
    }));
  };
}

const cancellation: Handler = (ctx) => {
  const identity = readIdentity(ctx.input);
  if (isAnswer(identity)) return identity;
  const lead = findLead(ctx.state, identity.email, identity.uid);
  // FirstPromoter documents no answer for cancelling a customer it does not know; the fake says 404.
  if (!lead) return trackingError(404, NOT_REFERRAL);
  lead.state = 'cancelled';
  lead.cancelled_at ??= now();
  return answer(ctx, record(ctx, 'cancellation', lead, identity));
};

/** Handlers by operation id; v1 and v2 name their tracking operations alike. */
export const TRACKING: Readonly<Record<string, Handler>> = {
  trackSignup: attribute('signup'),
  trackSale: money('sale'),
  trackRefund: money('refund'),
  trackCancellation: cancellation,
};

/** v1's tracking: the same, plus the subscriber call v2 does not have. */
export const V1_TRACKING: Readonly<Record<string, Handler>> = { ...TRACKING, trackSubscriber: attribute('subscriber') };
