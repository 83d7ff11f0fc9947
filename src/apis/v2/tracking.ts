// v2 tracking methods: validate, convert money, send through the tracking sender (../tracking.ts, not
// the typed client), and turn FirstPromoter's answers into outcomes by the spec's rules (generated
// OUTCOMES) or typed errors.
import { OUTCOMES } from '../../../generated/v2.operations.js';
import type { paths } from '../../../generated/v2.js';
import type { TrackOutcome } from '../../core/outcomes.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { TrackingSender } from '../tracking.js';
import {
  moneyAsText, moneyBody, requireAttribution, requireIdentity, requireObject, type Identified, type WithMoney, type WithOptionalMoney,
} from '../tracking-input.js';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
type Ok<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { 'application/json': infer R } } } } } ? R : never;

export type TrackSignupParams = Identified<Body<'/track/signup'>>;
export type TrackSaleParams = Identified<WithOptionalMoney<WithMoney<Body<'/track/sale'>, 'amount'>, 'mrr'>>;
export type TrackRefundParams = Identified<WithMoney<Body<'/track/refund'>, 'amount'>>;
export type TrackCancellationParams = Identified<Body<'/track/cancellation'>>;
export type TrackSignupResult = Ok<'/track/signup'>;
export type TrackSaleResult = Ok<'/track/sale'>;
export type TrackRefundResult = Ok<'/track/refund'>;
export type TrackCancellationResult = Ok<'/track/cancellation'>;

/**
 * What each tracking method checks before sending: the body it would send, or a ValidationError.
 * Exposed so a caller can check many events before sending any (the CLI's import does).
 */
export function v2TrackingBodies(minorUnits?: Readonly<Record<string, number>>) {
  return {
    signup(params: unknown): Record<string, unknown> {
      requireObject(params, 'track.signup');
      requireIdentity(params, 'track.signup');
      requireAttribution(params, 'track.signup');
      return params;
    },
    // mrr travels as the string of digits the spec types it as.
    sale: (params: unknown) => moneyAsText(moneyBody(params, 'track.sale', ['amount', 'mrr'], ['amount'], minorUnits), ['mrr']),
    refund: (params: unknown) => moneyBody(params, 'track.refund', ['amount'], ['amount'], minorUnits),
    cancellation(params: unknown): Record<string, unknown> {
      requireObject(params, 'track.cancellation');
      requireIdentity(params, 'track.cancellation');
      return params;
    },
  };
}

export function createV2Tracking(send: TrackingSender, minorUnits?: Readonly<Record<string, number>>) {
  const bodies = v2TrackingBodies(minorUnits);
  return {
    /** Records a referred sign-up. A lead that already has one is answered as `duplicate`. */
    async signup(params: TrackSignupParams, options?: RequestOptions): Promise<TrackOutcome<TrackSignupResult>> {
      return send('/track/signup', bodies.signup(params), OUTCOMES['POST /track/signup'], options);
    },

    /**
     * Records a sale. `not_referral` when FirstPromoter does not know the customer; `duplicate` for a
     * known event_id. `mrr` takes minor units or a Money value like `amount`, and is sent as the
     * string of digits FirstPromoter types it as.
     */
    async sale(params: TrackSaleParams, options?: RequestOptions): Promise<TrackOutcome<TrackSaleResult>> {
      return send('/track/sale', bodies.sale(params), OUTCOMES['POST /track/sale'], options);
    },

    /** Records a refund (send the amount positive). `not_referral` on 204; `duplicate` for a known event_id. */
    async refund(params: TrackRefundParams, options?: RequestOptions): Promise<TrackOutcome<TrackRefundResult>> {
      return send('/track/refund', bodies.refund(params), OUTCOMES['POST /track/refund'], options);
    },

    /** Marks the customer as cancelled, which lowers the program's MRR. */
    async cancellation(params: TrackCancellationParams, options?: RequestOptions): Promise<TrackOutcome<TrackCancellationResult>> {
      return send('/track/cancellation', bodies.cancellation(params), OUTCOMES['POST /track/cancellation'], options);
    },
  };
}

export type V2Tracking = ReturnType<typeof createV2Tracking>;
