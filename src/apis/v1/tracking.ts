// v1 tracking methods. Same contract as v2 (validate, convert money, outcomes or typed errors), with
// v1's wire format: form bodies, money as strings of digits, 204 for "not a referral".
import { OUTCOMES } from '../../../generated/v1.operations.js';
import type { paths } from '../../../generated/v1.js';
import type { TrackOutcome } from '../../core/outcomes.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { TrackingSender } from '../tracking.js';
import {
  moneyAsText, moneyBody, requireAttribution, requireIdentity, requireNonEmpty, requireObject,
  type Identified, type WithMoney, type WithOptionalMoney,
} from '../tracking-input.js';

type Form = 'application/x-www-form-urlencoded';
type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { [K in Form]: infer B } } } } ? B : never;
type Ok<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { 'application/json': infer R } } } } } ? R : never;

export type TrackV1SignupParams = Identified<Body<'/track/signup'>>;
export type TrackV1SaleParams = Identified<WithOptionalMoney<WithMoney<Body<'/track/sale'>, 'amount'>, 'mrr'>>;
export type TrackV1RefundParams = Identified<WithMoney<Body<'/track/refund'>, 'amount'>>;
export type TrackV1CancellationParams = Identified<Body<'/track/cancellation'>>;
export type TrackV1SubscriberParams = Identified<Body<'/track/subscriber'>>;
export type TrackV1Result = Ok<'/track/sale'>;

/**
 * What each tracking method checks before sending: the form body it would send, or a ValidationError.
 * Exposed so a caller can check many events before sending any (the CLI's import does).
 */
export function v1TrackingBodies(minorUnits?: Readonly<Record<string, number>>) {
  /** Money fields travel as strings of digits in v1 forms. */
  function formMoneyBody(params: unknown, method: string, fields: string[], required: string[]): Record<string, unknown> {
    return moneyAsText(moneyBody(params, method, fields, required, minorUnits), fields);
  }

  function identified(params: unknown, method: string, attributed: boolean): Record<string, unknown> {
    requireObject(params, method);
    requireIdentity(params, method);
    requireNonEmpty(params, 'event_id', method);
    if (attributed) requireAttribution(params, method);
    return params;
  }

  return {
    signup: (params: unknown) => identified(params, 'track.signup', true),
    sale: (params: unknown) => formMoneyBody(params, 'track.sale', ['amount', 'mrr'], ['amount']),
    refund: (params: unknown) => formMoneyBody(params, 'track.refund', ['amount'], ['amount']),
    cancellation: (params: unknown) => identified(params, 'track.cancellation', false),
    subscriber: (params: unknown) => identified(params, 'track.subscriber', true),
  };
}

export function createV1Tracking(send: TrackingSender, minorUnits?: Readonly<Record<string, number>>) {
  const bodies = v1TrackingBodies(minorUnits);

  return {
    /** Records a referred sign-up (needs `tid` or `ref_id` to attribute it). A second signup is `duplicate`. */
    signup: async (params: TrackV1SignupParams, options?: RequestOptions): Promise<TrackOutcome<Ok<'/track/signup'>>> =>
      send('/track/signup', bodies.signup(params), OUTCOMES['POST /track/signup'], options),

    /** Records a sale. `not_referral` (204) when the customer was not referred; `duplicate` for a known event_id. */
    sale: async (params: TrackV1SaleParams, options?: RequestOptions): Promise<TrackOutcome<Ok<'/track/sale'>>> =>
      send('/track/sale', bodies.sale(params), OUTCOMES['POST /track/sale'], options),

    /** Records a refund (amount positive). `not_referral` on 204; `duplicate` for a known event_id. */
    refund: async (params: TrackV1RefundParams, options?: RequestOptions): Promise<TrackOutcome<Ok<'/track/refund'>>> =>
      send('/track/refund', bodies.refund(params), OUTCOMES['POST /track/refund'], options),

    /** Marks the customer as cancelled. */
    cancellation: async (params: TrackV1CancellationParams, options?: RequestOptions): Promise<TrackOutcome<Ok<'/track/cancellation'>>> =>
      send('/track/cancellation', bodies.cancellation(params), OUTCOMES['POST /track/cancellation'], options),

    /** Attributes a newsletter or free-plan subscriber. `not_referral` on 204; `duplicate` on 409. */
    subscriber: async (params: TrackV1SubscriberParams, options?: RequestOptions): Promise<TrackOutcome<Ok<'/track/subscriber'>>> =>
      send('/track/subscriber', bodies.subscriber(params), OUTCOMES['POST /track/subscriber'], options),
  };
}

export type V1Tracking = ReturnType<typeof createV1Tracking>;
