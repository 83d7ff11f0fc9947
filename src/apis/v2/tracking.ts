// v2 tracking methods: validate, convert money, send through the typed client, and turn
// FirstPromoter's answers into outcomes (see core/outcomes.ts) or typed errors.
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/v2.js';
import { answeredWith, field, secondSignup, toOutcome, type TrackOutcome } from '../core/outcomes.js';
import { trackingInit, type TrackOptions } from './options.js';
import {
  moneyBody, requireAttribution, requireIdentity, requireObject, type Identified, type WithMoney,
} from '../internal/tracking-input.js';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
type Ok<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { 'application/json': infer R } } } } } ? R : never;

export type TrackSignupParams = Identified<Body<'/track/signup'>>;
export type TrackSaleParams = Identified<WithMoney<Body<'/track/sale'>, 'amount'>>;
export type TrackRefundParams = Identified<WithMoney<Body<'/track/refund'>, 'amount'>>;
export type TrackCancellationParams = Identified<Body<'/track/cancellation'>>;
export type TrackSignupResult = Ok<'/track/signup'>;
export type TrackSaleResult = Ok<'/track/sale'>;
export type TrackRefundResult = Ok<'/track/refund'>;
export type TrackCancellationResult = Ok<'/track/cancellation'>;

export function createV2Tracking(api: Client<paths>, minorUnits?: Readonly<Record<string, number>>) {
  return {
    /** Records a referred sign-up. A lead that already has one is answered as `duplicate`. */
    async signup(params: TrackSignupParams, options?: TrackOptions): Promise<TrackOutcome<TrackSignupResult>> {
      requireObject(params, 'track.signup');
      requireIdentity(params, 'track.signup');
      requireAttribution(params, 'track.signup');
      const result = await api.POST('/track/signup', { body: params as Body<'/track/signup'>, ...trackingInit(options) });
      return toOutcome(result, { duplicate: secondSignup });
    },

    /** Records a sale. `not_referral` when FirstPromoter does not know the customer; `duplicate` for a known event_id. */
    async sale(params: TrackSaleParams, options?: TrackOptions): Promise<TrackOutcome<TrackSaleResult>> {
      const body = moneyBody(params, 'track.sale', ['amount'], ['amount'], minorUnits) as Body<'/track/sale'>;
      const result = await api.POST('/track/sale', { body, ...trackingInit(options) });
      return toOutcome(result, {
        notReferral: (status, error) => status === 404 && field(error, 'code') === 'not_found',
        duplicate: answeredWith(409),
      });
    },

    /** Records a refund (send the amount positive). `not_referral` on 204; `duplicate` for a known event_id. */
    async refund(params: TrackRefundParams, options?: TrackOptions): Promise<TrackOutcome<TrackRefundResult>> {
      const body = moneyBody(params, 'track.refund', ['amount'], ['amount'], minorUnits) as Body<'/track/refund'>;
      const result = await api.POST('/track/refund', { body, ...trackingInit(options) });
      return toOutcome(result, { notReferral: answeredWith(204), duplicate: answeredWith(409) });
    },

    /** Marks the customer as cancelled, which lowers the program's MRR. */
    async cancellation(params: TrackCancellationParams, options?: TrackOptions): Promise<TrackOutcome<TrackCancellationResult>> {
      requireObject(params, 'track.cancellation');
      requireIdentity(params, 'track.cancellation');
      const result = await api.POST('/track/cancellation', { body: params as Body<'/track/cancellation'>, ...trackingInit(options) });
      return toOutcome(result, {});
    },
  };
}

export type V2Tracking = ReturnType<typeof createV2Tracking>;
