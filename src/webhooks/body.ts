// Reading a delivery's body: from a Request (streamed, stopped as soon as it passes the size cap) or
// from what a framework already read (string or bytes), then JSON with nothing coerced.
import { ValidationError } from '../core/errors.js';
import { readBounded } from '../internal/bounded-body.js';
import { WebhookError } from './errors.js';

/** Bodies above this many bytes are refused (413) unless `maxBodyBytes` says otherwise. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** A handler's `maxBodyBytes` option, checked once. */
export function checkedMaxBodyBytes(value: number | undefined): number {
  const bytes = value ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(bytes) || bytes < 1) throw new ValidationError('maxBodyBytes', 'maxBodyBytes must be a positive integer.');
  return bytes;
}

export type RawBody = string | Uint8Array | ArrayBuffer;

const decoder = new TextDecoder('utf-8', { fatal: true });

function tooLarge(maxBytes: number): WebhookError {
  return new WebhookError('body_too_large', `The body is larger than ${maxBytes} bytes.`);
}

/** The body of `request` as bytes, refusing it (without reading on) once it passes `maxBytes`. */
export async function readRequestBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = await readBounded(request.body, maxBytes);
  if (body === undefined) throw tooLarge(maxBytes);
  return body;
}

/** The parsed JSON of a raw body of at most `maxBytes` bytes. */
export function parseJsonBody(raw: RawBody, maxBytes: number): unknown {
  const bytes = typeof raw === 'string' ? undefined : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  const size = bytes ? bytes.byteLength : new TextEncoder().encode(raw as string).byteLength;
  if (size > maxBytes) throw tooLarge(maxBytes);
  let text: string;
  try {
    text = bytes ? decoder.decode(bytes) : (raw as string);
  } catch {
    throw new WebhookError('malformed_json', 'The body is not valid UTF-8 text.');
  }
  try {
    // The parser's own message quotes the body, which can hold promoter secrets: it is not kept.
    return JSON.parse(text);
  } catch {
    throw new WebhookError('malformed_json', 'The body is not valid JSON.');
  }
}

/** Throws `not_an_envelope` naming `field` unless `ok`. */
export function expectField(ok: boolean, field: string, what: string): void {
  if (!ok) throw new WebhookError('not_an_envelope', `The body is not a FirstPromoter webhook: \`${field}\` must be ${what}.`, field);
}
