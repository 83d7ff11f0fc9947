// A corpus of bad input: money values, tracking parameters, per-call and client options. Each one must
// be a ValidationError (MoneyError for amounts) naming the field, with a message that says what to send,
// thrown before a single request goes out (a counting fetch proves it). Every error goes to the canary
// collector, and the last test scans them all.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callOptions, createFirstPromoter, MoneyError, ValidationError, type FirstPromoterOptions } from '../../src/index.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { CANARY } from '../support/canary.js';
import { LeakCollector } from '../support/leak-scan.js';

const leaks = new LeakCollector();
let sent = 0;
const countingFetch: typeof fetch = async () => {
  sent++;
  return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
};
const base = { fetch: countingFetch, baseUrl: 'http://127.0.0.1:9/api', maxRetries: 0, logger: leaks.logger };
const v2 = (options: Partial<FirstPromoterOptions> = {}) => createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, ...base, ...options });
const v1 = (options: Partial<FirstPromoterOptions> = {}) => createFirstPromoterV1({ apiKey: CANARY.v1ApiKey, ...base, ...options });

interface Case {
  name: string;
  /** The field the error must name. */
  field: string;
  /** A money mistake must be a MoneyError, not just any ValidationError. */
  money?: boolean;
  run: () => unknown;
}

const cases: Case[] = [];
const add = (name: string, field: string, run: () => unknown, money = false) => cases.push({ name, field, run, money });
const any = <T>(value: unknown) => value as T;

// Money values, on both versions' sale and in the places money appears.
const badAmounts: Array<[string, unknown]> = [
  ['NaN', Number.NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['negative', -1], ['fractional minor units', 1.5],
  ['0.1 minor units', 0.1], ['digit string', '1999'], ['null', null], ['boolean', true], ['empty object', {}], ['array', []],
  ['beyond safe integers', 2 ** 53], ['negative fraction', -0.5],
  ['three decimals USD', { amount: '19.999', currency: 'USD' }], ['letters', { amount: 'abc', currency: 'USD' }],
  ['unknown currency', { amount: '19.99', currency: 'XXX' }], ['no currency', { amount: '19.99' }],
  ['negative decimal', { amount: '-5', currency: 'USD' }], ['exponent string', { amount: '1e3', currency: 'USD' }],
  ['leading space', { amount: ' 19.99', currency: 'USD' }], ['decimal comma', { amount: '19,99', currency: 'EUR' }],
  ['empty string', { amount: '', currency: 'USD' }], ['twenty-digit amount', { amount: '1'.repeat(20), currency: 'USD' }],
  ['decimals in JPY', { amount: '0.5', currency: 'JPY' }], ['four decimals KWD', { amount: '1.2345', currency: 'KWD' }],
  ['three decimals as number', { amount: 19.999, currency: 'USD' }], ['NaN decimal', { amount: Number.NaN, currency: 'USD' }],
  ['trailing point', { amount: '5.', currency: 'USD' }], ['leading point', { amount: '.5', currency: 'USD' }],
  ['plus sign', { amount: '+5', currency: 'USD' }], ['hex', { amount: '0x10', currency: 'USD' }],
  ['null decimal', { amount: null, currency: 'USD' }], ['numeric currency', { amount: '19.99', currency: 5 }],
];
for (const [name, amount] of badAmounts) {
  add(`v2 sale amount: ${name}`, 'amount', () => v2().track.sale(any({ email: 'a@example.com', event_id: 'in_1', amount })), true);
  add(`v1 sale amount: ${name}`, 'amount', () => v1().track.sale(any({ uid: 'cus_1', event_id: 'in_1', amount })), true);
}
add('v1 sale mrr: negative', 'mrr', () => v1().track.sale(any({ uid: 'u', event_id: 'e', amount: 100, mrr: -1 })), true);
add('v1 sale mrr: text', 'mrr', () => v1().track.sale(any({ uid: 'u', event_id: 'e', amount: 100, mrr: 'ten' })), true);
add('v1 sale mrr: too precise', 'mrr', () => v1().track.sale(any({ uid: 'u', event_id: 'e', amount: 100, mrr: { amount: '1.001', currency: 'USD' } })), true);
add('v2 refund amount: negative', 'amount', () => v2().track.refund(any({ uid: 'u', event_id: 'r', amount: -100 })), true);
add('v1 refund amount: text', 'amount', () => v1().track.refund(any({ uid: 'u', event_id: 'r', amount: 'abc' })), true);
add('bad minorUnits override', 'amount', () => v2({ minorUnits: { USD: -1 } }).track.sale({ uid: 'u', event_id: 'e', amount: { amount: '1', currency: 'USD' } }), true);
add('amount currency against call currency', 'amount', () => v2().track.sale(any({ uid: 'u', event_id: 'e', amount: { amount: '1', currency: 'USD' }, currency: 'EUR' })));
add('mrr currency against amount currency', 'mrr', () => v1().track.sale(any({ uid: 'u', event_id: 'e', amount: { amount: '1', currency: 'USD' }, mrr: { amount: '1', currency: 'EUR' } })));
for (const currency of ['US', 'usd1', 12, '']) {
  add(`currency ${JSON.stringify(currency)}`, 'currency', () => v2().track.sale(any({ uid: 'u', event_id: 'e', amount: 100, currency })));
}

// Tracking parameters.
const sale = { email: 'a@example.com', event_id: 'in_1', amount: 100 };
for (const params of [null, undefined, 'a@example.com', [], 42]) {
  add(`v2 sale params ${JSON.stringify(params)}`, 'params', () => v2().track.sale(any(params)));
  add(`v1 sale params ${JSON.stringify(params)}`, 'params', () => v1().track.sale(any(params)));
}
for (const [name, params, field] of [
  ['no email or uid', { event_id: 'e', amount: 1 }, 'email'],
  ['empty email', { ...sale, email: '' }, 'email'],
  ['blank email', { ...sale, email: '   ' }, 'email'],
  ['numeric email', { ...sale, email: 5 }, 'email'],
  ['empty uid', { event_id: 'e', amount: 1, uid: '' }, 'uid'],
  ['object uid', { event_id: 'e', amount: 1, uid: {} }, 'uid'],
  ['no event_id', { email: 'a@example.com', amount: 1 }, 'event_id'],
  ['empty event_id', { ...sale, event_id: '' }, 'event_id'],
  ['blank event_id', { ...sale, event_id: '  ' }, 'event_id'],
  ['numeric event_id', { ...sale, event_id: 123 }, 'event_id'],
  ['no amount', { email: 'a@example.com', event_id: 'e' }, 'amount'],
] as const) {
  add(`v2 sale: ${name}`, field, () => v2().track.sale(any(params)));
  add(`v1 sale: ${name}`, field, () => v1().track.sale(any(params)));
}
add('v2 signup without tid or ref_id', 'tid', () => v2().track.signup(any({ email: 'a@example.com' })));
add('v2 signup with empty tid', 'tid', () => v2().track.signup(any({ email: 'a@example.com', tid: '' })));
add('v2 signup with numeric ref_id', 'ref_id', () => v2().track.signup(any({ email: 'a@example.com', ref_id: 5 })));
add('v1 signup without tid or ref_id', 'tid', () => v1().track.signup(any({ uid: 'u' })));
add('v1 subscriber without tid or ref_id', 'tid', () => v1().track.subscriber(any({ email: 'a@example.com' })));
add('v2 cancellation without params', 'params', () => v2().track.cancellation(any(undefined)));
add('v2 cancellation without email or uid', 'email', () => v2().track.cancellation(any({})));
add('v1 cancellation with empty event_id', 'event_id', () => v1().track.cancellation(any({ uid: 'u', event_id: '' })));
add('v2 refund without event_id', 'event_id', () => v2().track.refund(any({ uid: 'u', amount: 1 })));

// Per-call options, on tracking calls and on raw api calls.
for (const [name, options, field] of [
  ['negative maxRetries', { maxRetries: -1 }, 'maxRetries'],
  ['fractional maxRetries', { maxRetries: 2.5 }, 'maxRetries'],
  ['text maxRetries', { maxRetries: '3' }, 'maxRetries'],
  ['zero timeout', { timeoutMs: 0 }, 'timeoutMs'],
  ['negative timeout', { timeoutMs: -5 }, 'timeoutMs'],
  ['text timeout', { timeoutMs: 'fast' }, 'timeoutMs'],
] as const) {
  add(`per-call ${name} (v2 sale)`, field, () => v2().track.sale(sale, any(options)));
  add(`per-call ${name} (v1 refund)`, field, () => v1().track.refund({ uid: 'u', event_id: 'r', amount: 1 }, any(options)));
}
add('callOptions idempotent "yes"', 'idempotent', () => v2().api.GET('/company/promoters', { ...callOptions(any({ idempotent: 'yes' })) }));
add('callOptions maxRetries 99', 'maxRetries', () => v2().api.GET('/company/promoters', { ...callOptions({ maxRetries: 99 }) }));
add('callOptions not an object', 'options', () => callOptions(any('fast')));

// Client options, for both factories.
const clientOptions: Array<[string, string, Record<string, unknown>]> = [
  ['empty apiKey', 'apiKey', { apiKey: '' }],
  ['blank apiKey', 'apiKey', { apiKey: '   ' }],
  ['apiKey with a trailing space', 'apiKey', { apiKey: `${CANARY.apiKey} ` }],
  ['apiKey with a newline', 'apiKey', { apiKey: `${CANARY.apiKey}\n` }],
  ['numeric apiKey', 'apiKey', { apiKey: 12345 }],
  ['missing apiKey', 'apiKey', { apiKey: undefined }],
  ['baseUrl not a URL', 'baseUrl', { baseUrl: 'not a url' }],
  ['ftp baseUrl', 'baseUrl', { baseUrl: 'ftp://api.example.test' }],
  ['baseUrl with credentials', 'baseUrl', { baseUrl: `https://user:${CANARY.apiKey}@api.example.test` }],
  ['relative baseUrl', 'baseUrl', { baseUrl: '/api/v2' }],
  ['maxRetries -1', 'maxRetries', { maxRetries: -1 }],
  ['maxRetries 11', 'maxRetries', { maxRetries: 11 }],
  ['maxRetries 1.5', 'maxRetries', { maxRetries: 1.5 }],
  ['maxRetries text', 'maxRetries', { maxRetries: '2' }],
  ['timeoutMs 0', 'timeoutMs', { timeoutMs: 0 }],
  ['timeoutMs NaN', 'timeoutMs', { timeoutMs: Number.NaN }],
  ['timeoutMs Infinity', 'timeoutMs', { timeoutMs: Infinity }],
  ['timeoutMs beyond a timer', 'timeoutMs', { timeoutMs: 2 ** 31 }],
  ['timeoutMs text', 'timeoutMs', { timeoutMs: '100' }],
  ['rateLimit null', 'rateLimit', { rateLimit: null }],
  ['rateLimit text', 'rateLimit', { rateLimit: 'yes' }],
  ['rateLimit zero', 'rateLimit', { rateLimit: { requestsPerMinute: 0 } }],
  ['rateLimit fractional', 'rateLimit', { rateLimit: { requestsPerMinute: 1.5 } }],
  ['rateLimit empty', 'rateLimit', { rateLimit: {} }],
  ['logger text', 'logger', { logger: 'console' }],
  ['fetch object', 'fetch', { fetch: {} }],
  ['backoff text', 'backoff', { backoff: 'fast' }],
  ['backoff negative', 'backoff.baseDelayMs', { backoff: { baseDelayMs: -1 } }],
  ['backoff NaN', 'backoff.maxDelayMs', { backoff: { maxDelayMs: Number.NaN } }],
  ['backoff misspelt', 'backoff.baseDelay', { backoff: { baseDelay: 5 } }],
  ['retryNonIdempotent text', 'retryNonIdempotent', { retryNonIdempotent: 'yes' }],
];
for (const [name, field, options] of clientOptions) {
  add(`v2 client: ${name}`, field, () => v2(any(options)));
  add(`v1 client: ${name}`, field, () => v1(any(options)));
}
add('v2 client: empty accountId', 'accountId', () => v2({ accountId: '' }));
add('v2 client: accountId with a space', 'accountId', () => v2({ accountId: `${CANARY.accountId} x` }));
add('v2 client: numeric accountId', 'accountId', () => v2(any({ accountId: 42 })));
add('v2 client: missing accountId', 'accountId', () => v2({ accountId: undefined }));

beforeAll(() => {
  for (const name of ['FIRSTPROMOTER_API_KEY', 'FIRSTPROMOTER_ACCOUNT_ID', 'FIRSTPROMOTER_V1_API_KEY']) vi.stubEnv(name, '');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('bad input is refused before anything is sent', () => {
  it('has a corpus of at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)('$name', async ({ field, money, run }) => {
    sent = 0;
    const error = await (async () => run())().then(
      () => undefined,
      (e: unknown) => e,
    );
    leaks.error(field, error);
    expect(error).toBeInstanceOf(ValidationError);
    if (money) expect(error).toBeInstanceOf(MoneyError);
    const { field: named, message } = error as ValidationError;
    expect(named).toBe(field);
    if (field !== 'params' && field !== 'options') expect(message).toContain(field);
    expect(message).toMatch(/^\S.{20,}[.)]$/s);
    expect(sent, 'requests sent').toBe(0);
  });

  it('leaks no canary into any of those errors or logs', () => {
    expect(leaks.size).toBeGreaterThanOrEqual(cases.length);
    expect(leaks.hits()).toEqual([]);
  });
});
