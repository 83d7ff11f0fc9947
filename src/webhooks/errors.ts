// Why a delivery was refused. A WebhookError names the reason and the status a receiver answers with;
// it never carries the body, a header value or a secret (expected or received), only field names.
import { FirstPromoterError } from '../core/errors.js';

/** Why a request is not an acceptable FirstPromoter delivery. */
export type WebhookErrorReason =
  | 'unauthorized'
  | 'body_too_large'
  | 'malformed_json'
  | 'not_an_envelope'
  | 'event_id_mismatch'
  | 'event_type_mismatch';

const STATUS: Record<WebhookErrorReason, number> = {
  unauthorized: 401,
  body_too_large: 413,
  malformed_json: 400,
  not_an_envelope: 400,
  event_id_mismatch: 400,
  event_type_mismatch: 400,
};

/** A delivery that was refused: bad credentials, a body too big, or a body that is not an event. */
export class WebhookError extends FirstPromoterError {
  override name = 'WebhookError';
  readonly reason: WebhookErrorReason;
  /** The HTTP status to answer with: 401, 413 or 400. Non-2xx makes FirstPromoter retry. */
  readonly status: number;
  /** For `not_an_envelope`: the field that is missing or of the wrong type, e.g. `event_id`. */
  readonly field?: string;

  constructor(reason: WebhookErrorReason, message: string, field?: string) {
    super(message);
    this.reason = reason;
    this.status = STATUS[reason];
    if (field !== undefined) this.field = field;
  }
}
