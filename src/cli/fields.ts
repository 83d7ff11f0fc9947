// The fields a tracking event may carry on the command line and in an import file: FirstPromoter's own
// names, per API and event type, each with the kind of value it takes. The tables are checked against
// the generated request types: a field the spec adds, drops or retypes fails `tsc` until it is here.
import type { Money } from '../core/money.js';
import type {
  TrackV1CancellationParams, TrackV1RefundParams, TrackV1SaleParams, TrackV1SignupParams,
} from '../apis/v1/tracking.js';
import type {
  TrackCancellationParams, TrackRefundParams, TrackSaleParams, TrackSignupParams,
} from '../apis/v2/tracking.js';

export const TRACK_TYPES = ['signup', 'sale', 'refund', 'cancellation'] as const;
export type TrackType = (typeof TRACK_TYPES)[number];

/**
 * - `money`: an amount the client takes as integer minor units (decimal text is converted with its currency);
 * - `digits`: a whole number sent as a string of digits (v1 `quantity`);
 * - `date-time`: ISO 8601 text; `object`: a JSON object (v1 `custom_fields`).
 */
export type FieldKind = 'string' | 'digits' | 'date-time' | 'integer' | 'boolean' | 'money' | 'object';

type KindFor<T> = [T] extends [boolean] ? 'boolean'
  : [Money] extends [T] ? 'money'
  : [T] extends [number] ? 'integer'
  : [T] extends [string] ? 'string' | 'digits' | 'date-time'
  : [T] extends [number | string] ? 'integer' | 'digits'
  : [T] extends [Record<string, unknown>] ? 'object'
  : never;

/** Every field of an event's parameters, none missing and none extra, with a kind its type allows. */
type FieldsOf<P> = { readonly [K in keyof Required<P>]-?: KindFor<NonNullable<Required<P>[K]>> };

const v2 = {
  signup: { email: 'string', uid: 'string', tid: 'string', ref_id: 'string', ip: 'string', created_at: 'date-time', skip_email_notification: 'boolean' },
  sale: {
    email: 'string', uid: 'string', event_id: 'string', amount: 'money', quantity: 'integer', plan: 'string', currency: 'string',
    mrr: 'money', promo_code: 'string', tid: 'string', ref_id: 'string', skip_email_notification: 'boolean',
  },
  refund: {
    email: 'string', uid: 'string', event_id: 'string', amount: 'money', currency: 'string', quantity: 'integer',
    sale_event_id: 'string', skip_email_notification: 'boolean',
  },
  cancellation: { email: 'string', uid: 'string' },
} as const satisfies {
  signup: FieldsOf<TrackSignupParams>;
  sale: FieldsOf<TrackSaleParams>;
  refund: FieldsOf<TrackRefundParams>;
  cancellation: FieldsOf<TrackCancellationParams>;
};

const v1 = {
  signup: {
    email: 'string', uid: 'string', tid: 'string', ref_id: 'string', ip: 'string', promoter_email: 'string', created_at: 'date-time',
    skip_email_notification: 'boolean', username: 'string', first_name: 'string', last_name: 'string', website: 'string',
    custom_fields: 'object', sub_id: 'string', override_existing_lead: 'boolean',
  },
  sale: {
    email: 'string', uid: 'string', event_id: 'string', amount: 'money', quantity: 'digits', plan: 'string', currency: 'string',
    mrr: 'money', promo_code: 'string', tid: 'string', ref_id: 'string', skip_email_notification: 'boolean', created_at: 'date-time',
    subscription_id: 'string', start_recurring_reward_in: 'integer', recurring_reward_frequency: 'integer', max_recurring: 'integer',
    ecom_sale: 'boolean',
  },
  refund: {
    email: 'string', uid: 'string', event_id: 'string', amount: 'money', currency: 'string', quantity: 'digits', sale_event_id: 'string',
    skip_email_notification: 'boolean', created_at: 'date-time', ecom_refund: 'boolean',
  },
  cancellation: { email: 'string', uid: 'string', event_id: 'string', created_at: 'date-time', skip_email_notification: 'boolean' },
} as const satisfies {
  signup: FieldsOf<TrackV1SignupParams>;
  sale: FieldsOf<TrackV1SaleParams>;
  refund: FieldsOf<TrackV1RefundParams>;
  cancellation: FieldsOf<TrackV1CancellationParams>;
};

export type ApiName = 'v1' | 'v2';

/** Field name → kind, for one API and event type. */
export function fieldsOf(api: ApiName, type: TrackType): Readonly<Record<string, FieldKind>> {
  return (api === 'v1' ? v1 : v2)[type];
}

/** Every field name any event of either API takes (the `track` command offers a flag for each). */
export const ALL_FIELDS: readonly string[] = [...new Set([v1, v2].flatMap((tables) => TRACK_TYPES.flatMap((type) => Object.keys(tables[type]))))];
