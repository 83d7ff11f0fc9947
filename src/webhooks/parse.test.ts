// parseWebhookEvent against the spec: every documented event type has an example that parses to
// itself, every required envelope field of the spec is enforced, and a refused body is a WebhookError
// that names the reason and field but never echoes the body.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES } from '../../generated/webhooks.examples.js';
import { WebhookError } from './errors.js';
import { isKnownWebhookEvent, WEBHOOK_EVENT_TYPES } from './events.js';
import { parseWebhookEvent } from './parse.js';

const bundle = parse(readFileSync(new URL('../../generated/webhooks.openapi.yaml', import.meta.url), 'utf8'));
const example = EXAMPLES['referral.updated'];
const raw = JSON.stringify(example);

function refusal(run: () => unknown): WebhookError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookError) return error;
    throw error;
  }
  throw new Error('expected a WebhookError');
}

describe('the Webhooks v2 contract', () => {
  it('lists the 45 event types of FirstPromoter\'s event-type guide', () => {
    const guide = {
      promoter: ['created', 'updated', 'deleted', 'balance.updated'],
      promoter_campaign: ['created', 'updated', 'deleted', 'accepted', 'pending', 'rejected', 'blocked', 'inactive'],
      referral: ['created', 'updated', 'deleted', 'converted', 'cancelled', 'moved'],
      commission: ['created', 'updated', 'deleted', 'approved', 'pending', 'denied'],
      payout: ['created', 'updated', 'deleted', 'pending', 'processing', 'completed', 'failed', 'cancelled', 'commissions.added', 'commissions.removed'],
      payout_method: ['created', 'updated', 'deleted'],
      payments_batch: ['created', 'updated', 'deleted', 'initiated', 'processing', 'completed', 'failed'],
      contract_document: ['signed'],
    };
    const documented = Object.entries(guide).flatMap(([entity, suffixes]) => suffixes.map((suffix) => `${entity}.${suffix}`));
    expect(documented).toHaveLength(45);
    expect([...WEBHOOK_EVENT_TYPES].sort()).toEqual(documented.sort());
  });

  it.each(WEBHOOK_EVENT_TYPES)('parses the example of %s, from text and from bytes, with its headers', (type) => {
    const body = JSON.stringify(EXAMPLES[type]);
    const headers = { 'X-Event-Id': EXAMPLES[type].event_id, 'X-Event-Type': type };
    const fromText = parseWebhookEvent(body, { headers });
    expect(fromText).toEqual(EXAMPLES[type]);
    expect(fromText.event_type).toBe(type);
    expect(isKnownWebhookEvent(fromText)).toBe(true);
    expect(parseWebhookEvent(new TextEncoder().encode(body), { headers: new Headers(headers) })).toEqual(EXAMPLES[type]);
  });

  it('accepts an event type it does not know as a generic event', () => {
    const future = { ...example, event_type: 'promoter.profile.updated', data: { id: 5120, anything: ['new'] } };
    const event = parseWebhookEvent(JSON.stringify(future));
    expect(event).toEqual(future);
    expect(isKnownWebhookEvent(event)).toBe(false);
  });

  it.each(bundle.components.schemas.WebhookEnvelope.required as string[])('refuses a body without %s, naming it', (field) => {
    const { [field]: _dropped, ...rest } = example as Record<string, unknown>;
    const error = refusal(() => parseWebhookEvent(JSON.stringify(rest)));
    expect([error.reason, error.status, error.field]).toEqual(['not_an_envelope', 400, field]);
  });

  it.each([
    ['event_id', { event_id: 42 }],
    ['event_type', { event_type: '' }],
    ['entity_id', { entity_id: '48210' }],
    ['changes', { changes: [] }],
    ['changes.state', { changes: { state: ['signup'] } }],
    ['data', { data: [1] }],
    ['timestamp', { timestamp: null }],
  ])('refuses a wrong %s', (field, patch) => {
    const error = refusal(() => parseWebhookEvent(JSON.stringify({ ...example, ...patch })));
    expect([error.reason, error.field]).toEqual(['not_an_envelope', field]);
  });

  it('accepts a null entity_id (the delivery log allows it)', () => {
    expect(parseWebhookEvent(JSON.stringify({ ...example, entity_id: null })).entity_id).toBeNull();
  });
});

describe('refused bodies', () => {
  it.each([['empty', ''], ['truncated', raw.slice(0, -1)], ['not JSON', 'event_id=1']])('%s text is malformed_json', (_, body) => {
    expect(refusal(() => parseWebhookEvent(body)).reason).toBe('malformed_json');
  });

  it('invalid UTF-8 is malformed_json', () => {
    expect(refusal(() => parseWebhookEvent(new Uint8Array([0x7b, 0xff, 0x7d]))).reason).toBe('malformed_json');
  });

  it.each([['an array', '[]'], ['null', 'null'], ['a string', '"referral.updated"']])('JSON that is %s is not an envelope', (_, body) => {
    expect(refusal(() => parseWebhookEvent(body)).field).toBe('body');
  });

  it('counts the size cap in bytes, not characters', () => {
    const body = JSON.stringify({ ...example, data: { ...example.data, email: 'é'.repeat(100) } });
    const bytes = new TextEncoder().encode(body).byteLength;
    expect(parseWebhookEvent(body, { maxBodyBytes: bytes }).event_id).toBe(example.event_id);
    const error = refusal(() => parseWebhookEvent(body, { maxBodyBytes: bytes - 1 }));
    expect([error.reason, error.status]).toEqual(['body_too_large', 413]);
    expect(refusal(() => parseWebhookEvent(new TextEncoder().encode(body), { maxBodyBytes: bytes - 1 })).reason).toBe('body_too_large');
  });

  it('refuses headers that disagree with the body, in Fetch or Node form', () => {
    expect(refusal(() => parseWebhookEvent(raw, { headers: new Headers({ 'x-event-id': crypto.randomUUID() }) })).reason).toBe('event_id_mismatch');
    expect(refusal(() => parseWebhookEvent(raw, { headers: { 'x-event-type': 'referral.created' } })).reason).toBe('event_type_mismatch');
    expect(parseWebhookEvent(raw, { headers: { 'X-EVENT-ID': example.event_id, 'content-type': 'application/json' } }).event_id).toBe(example.event_id);
  });

  it('never echoes the body in the error, its JSON or its inspection', () => {
    const secret = 'tok_live_5b1f9a';
    for (const body of [`{"auth_token":"${secret}"`, JSON.stringify({ ...example, entity_id: secret, auth_token: secret })]) {
      const error = refusal(() => parseWebhookEvent(body));
      expect(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(secret);
    }
  });
});
