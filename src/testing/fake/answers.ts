// What a handler answers, and the error answers FirstPromoter gives in each API's own envelope: v2
// `{message, code}`, v1 `{error}` for admin calls and `{message}` for tracking.
import type { FakeApi } from './apis.js';

export interface Answer {
  status: number;
  /** Sent as JSON; a `Raw` body is sent as it is. Left out: no body. */
  body?: unknown;
  headers?: Record<string, string> | undefined;
}

/** A body sent byte for byte, e.g. an HTML error page. */
export class Raw {
  constructor(readonly text: string, readonly type: string) {}
}


export function notFound(api: FakeApi, what = 'Record'): Answer {
  return api.name === 'v1' ? { status: 404, body: { error: `${what} not found.` } } : { status: 404, body: { message: `${what} not found`, code: 'not_found' } };
}

/** v2 422 `invalid_params`, as Rails' `params.require` answers a missing or empty parameter. */
export function invalidParams(name: string): Answer {
  return { status: 422, body: { message: `param is missing or the value is empty or invalid: ${name}`, code: 'invalid_params' } };
}

export const trackingError = (status: number, message: string): Answer => ({ status, body: { message } });

export const AMOUNT_INVALID = 'Error. Amount blank or invalid.';
export const IDENTITY_BLANK = 'Error. Email and uid can not be blank!';
export const VISITOR_NOT_FOUND = 'Visitor invalid, not found or the tracking id was not sent.';
