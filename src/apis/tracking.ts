// What every API's tracking methods share once their input is checked: the call goes out as a POST
// through the attempt loop (no openapi-fetch, no Request or Response: a tracking call is one known
// POST, and skipping them halves its cost and keeps the fetch implementation unloaded on Node), and
// the answer becomes an outcome by the operation's rules from the generated table (`x-outcomes` in
// the spec), or a typed error. The answer is read as openapi-fetch reads it: JSON, or, for an error
// status, text when it is not JSON; no body when it is empty.
import { APIError } from '../core/errors.js';
import { toOutcome, type OutcomeRules, type TrackOutcome } from '../core/outcomes.js';
import { callOptions, CALL_OPTIONS, type RequestOptions } from '../core/request-options.js';
import type { WireHeaders } from '../transport/adapter.js';
import { createCaller, type Answer } from '../transport/attempts.js';
import type { Connection } from './connection.js';
import { encodeJson, encodeQuery } from './serializers.js';

/** How an API's tracking bodies travel: the Content-Type and the encoder (which checks the body first). */
export interface BodyEncoding {
  readonly type: string;
  readonly encode: (body: unknown) => string;
}

export const JSON_BODY: BodyEncoding = { type: 'application/json', encode: encodeJson };
export const FORM_BODY: BodyEncoding = { type: 'application/x-www-form-urlencoded', encode: encodeQuery };

/** Sends one checked tracking body to `path` and reads the answer by `rules`. */
export type TrackingSender = <T>(path: string, body: Record<string, unknown>, rules: OutcomeRules, options: RequestOptions | undefined) => Promise<TrackOutcome<T>>;

const decoder = new TextDecoder();

/**
 * Tracking calls are safe to resend unless the caller says otherwise: event_id dedupes sales and
 * refunds, a second signup or subscriber is refused as a duplicate, a repeated cancellation changes nothing.
 */
export function createTrackingSender({ settings, headers, secrets, adapter, transport }: Connection, encoding: BodyEncoding): TrackingSender {
  const call = createCaller(transport, adapter);
  const sent: WireHeaders = { 'content-type': encoding.type };
  for (const [name, value] of Object.entries(headers)) sent[name.toLowerCase()] = value;

  return async function send<T>(path: string, body: Record<string, unknown>, rules: OutcomeRules, options: RequestOptions | undefined) {
    const init = callOptions({ ...options, idempotent: options?.idempotent ?? true });
    const text = encoding.encode(body);
    const answer = await call({ method: 'POST', url: settings.baseUrl + path, path, headers: sent, body: text, signal: init.signal, options: init[CALL_OPTIONS] });
    const seen = { status: answer.status, method: 'POST', path, headers: answer.headers, attempts: answer.attempts, secrets };
    return toOutcome<T>({ ...seen, body: read(answer, () => new APIError({ ...seen, body: decoder.decode(answer.body) },
      'The body is not the JSON FirstPromoter sends (a proxy page?). The call may have been processed: tracking calls can be repeated with the same event_id.')) }, rules);
  };
}

/** The answer's body: undefined when empty, JSON, or (for an error status) the text that is not JSON. */
function read(answer: Answer, notJson: () => APIError): unknown {
  if (answer.body.byteLength === 0) return undefined;
  const text = decoder.decode(answer.body);
  try {
    return JSON.parse(text);
  } catch {
    if (answer.status >= 200 && answer.status < 300) throw notJson();
    return text;
  }
}
