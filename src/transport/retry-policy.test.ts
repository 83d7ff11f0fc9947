// The retry policy as a table: for each way an attempt can end, each kind of call and each attempt
// number, whether it is retried and after how long (clock and jitter pinned), or why not.
import { describe, expect, it } from 'vitest';
import { decideRetry, type AttemptResult, type RetryContext, type RetryDecision } from './retry-policy.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const BACKOFF = { baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
/** First attempt of three (maxRetries 2), no jitter: a retry waits exactly the backoff step. */
const BASE: RetryContext = { method: 'GET', attempt: 1, maxRetries: 2, backoff: BACKOFF, now: NOW, random: () => 0 };

const status = (code: number, retryAfter: string | null = null): AttemptResult => ({ status: code, retryAfter });
const reset = (code: string | undefined = 'ECONNRESET', neverSent?: boolean): AttemptResult => ({ failure: 'connection', code, ...(neverSent ? { neverSent } : {}) });
const TIMEOUT: AttemptResult = { failure: 'timeout' };
const retry = (delayMs = 100): RetryDecision => ({ retry: true, delayMs });
const stop = (resend: 'nothing-sent' | 'safe' | 'check-first'): RetryDecision => ({ retry: false, resend });

const POST = { method: 'POST' };
const PATCH = { method: 'PATCH' };
const IDEMPOTENT_POST = { method: 'POST', idempotent: true };

type Row = [string, AttemptResult, Partial<RetryContext>, RetryDecision];

const answers: Row[] = [
  ['408 GET', status(408), {}, retry()],
  ['408 POST: the server did not process it', status(408), POST, retry()],
  ['429 GET', status(429), {}, retry()],
  ['429 POST', status(429), POST, retry()],
  ['500 GET', status(500), {}, retry()],
  ['502 PUT', status(502), { method: 'PUT' }, retry()],
  ['503 DELETE', status(503), { method: 'DELETE' }, retry()],
  ['504 HEAD', status(504), { method: 'HEAD' }, retry()],
  ['500 POST: it may have been processed', status(500), POST, stop('check-first')],
  ['503 PATCH', status(503), PATCH, stop('check-first')],
  ['500 POST marked idempotent (tracking calls)', status(500), IDEMPOTENT_POST, retry()],
  ['500 POST, client retryNonIdempotent', status(500), { ...POST, retryNonIdempotent: true }, retry()],
  ['500 PATCH, client retryNonIdempotent', status(500), { ...PATCH, retryNonIdempotent: true }, retry()],
  ['500 POST, client retryNonIdempotent, call idempotent: false', status(500), { ...POST, retryNonIdempotent: true, idempotent: false }, stop('check-first')],
  ['503 GET, call idempotent: false', status(503), { idempotent: false }, stop('check-first')],
  ['200', status(200), {}, stop('safe')],
  ['201 POST', status(201), POST, stop('check-first')],
  ['204', status(204), {}, stop('safe')],
  ['400', status(400), {}, stop('safe')],
  ['401', status(401), {}, stop('safe')],
  ['403', status(403), {}, stop('safe')],
  ['404', status(404), {}, stop('safe')],
  ['409 (a duplicate event_id)', status(409), IDEMPOTENT_POST, stop('safe')],
  ['422', status(422), {}, stop('safe')],
  ['301: redirects are never retried', status(301), {}, stop('safe')],
  ['302', status(302), IDEMPOTENT_POST, stop('safe')],
  ['307 with Retry-After', status(307, '1'), {}, stop('safe')],
  ['0 (opaque redirect)', status(0), {}, stop('safe')],
];

const failures: Row[] = [
  ['reset GET', reset(), {}, retry()],
  ['reset POST: the server may have acted', reset(), POST, stop('check-first')],
  ['reset PATCH', reset(), PATCH, stop('check-first')],
  ['reset POST marked idempotent', reset(), IDEMPOTENT_POST, retry()],
  ['reset POST, client retryNonIdempotent', reset(), { ...POST, retryNonIdempotent: true }, retry()],
  ['reset GET, call idempotent: false', reset(), { idempotent: false }, stop('check-first')],
  ['cut body (UND_ERR_SOCKET) POST', reset('UND_ERR_SOCKET'), POST, stop('check-first')],
  ['failure without a code, POST', reset(undefined), POST, stop('check-first')],
  ['failure without a code, GET', reset(undefined), {}, retry()],
  ...['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT'].map((code): Row =>
    [`${code} POST: never connected`, reset(code), POST, retry()]),
  ['ECONNREFUSED POST, call idempotent: false: still nothing sent', reset('ECONNREFUSED'), { ...POST, idempotent: false }, retry()],
  ['reset the adapter knows was never sent, POST', reset('ECONNRESET', true), POST, retry()],
  ['timeout GET', TIMEOUT, {}, retry()],
  ['timeout POST: the server may have acted', TIMEOUT, POST, stop('check-first')],
  ['timeout POST marked idempotent', TIMEOUT, IDEMPOTENT_POST, retry()],
  ['timeout PUT', TIMEOUT, { method: 'PUT' }, retry()],
];

const limits: Row[] = [
  ['503 on attempt 2 of 3', status(503), { attempt: 2 }, retry(200)],
  ['503 on attempt 3 of 3: out of retries', status(503), { attempt: 3 }, stop('safe')],
  ['429 with maxRetries 0', status(429), { maxRetries: 0 }, stop('safe')],
  ['reset on attempt 11 of 11', reset(), { attempt: 11, maxRetries: 10 }, stop('safe')],
  ['ECONNREFUSED POST out of retries: nothing was sent', reset('ECONNREFUSED'), { ...POST, attempt: 3 }, stop('nothing-sent')],
  ['timeout out of retries', TIMEOUT, { attempt: 3 }, stop('safe')],
];

const waits: Row[] = [
  ['backoff doubles: attempt 3', status(503), { attempt: 3, maxRetries: 5 }, retry(400)],
  ['backoff capped by maxDelayMs: attempt 5', status(503), { attempt: 5, maxRetries: 5 }, retry(1_000)],
  ['jitter takes off up to a quarter', status(503), { random: () => 1 }, retry(75)],
  ['jitter in between', reset(), { attempt: 2, random: () => 0.5 }, retry(175)],
  ['Retry-After seconds', status(429, '3'), {}, retry(3_000)],
  ['Retry-After fractional seconds', status(503, '0.25'), {}, retry(250)],
  ['Retry-After 0', status(429, '0'), {}, retry(0)],
  ['Retry-After seconds capped by maxRetryAfterMs', status(429, '120'), {}, retry(5_000)],
  ['Retry-After seconds win over backoff, no jitter', status(503, '2'), { attempt: 2, random: () => 1 }, retry(2_000)],
  ['Retry-After HTTP date', status(503, new Date(NOW + 4_000).toUTCString()), {}, retry(4_000)],
  ['Retry-After HTTP date capped', status(429, new Date(NOW + 60_000).toUTCString()), {}, retry(5_000)],
  ['Retry-After HTTP date past', status(429, new Date(NOW - 60_000).toUTCString()), {}, retry(0)],
  ['Retry-After unusable: backoff', status(503, 'soon'), {}, retry(100)],
  ['Retry-After negative: backoff', status(503, '-5'), {}, retry(100)],
  ['Retry-After on a final answer is ignored', status(500, '1'), POST, stop('check-first')],
];

describe('decideRetry', () => {
  it.each([...answers, ...failures, ...limits, ...waits])('%s', (_label, result, context, expected) => {
    expect(decideRetry(result, { ...BASE, ...context })).toEqual(expected);
  });

  it('jitters with Math.random and reads the clock when the loop pins neither', () => {
    const delays = Array.from({ length: 50 }, () => decideRetry(status(503), { ...BASE, random: undefined }));
    for (const decision of delays) expect(decision.retry && decision.delayMs >= 75 && decision.delayMs <= 100).toBe(true);
    expect(new Set(delays.map((d) => d.retry && d.delayMs)).size).toBeGreaterThan(1);
    const soon = decideRetry(status(503, new Date(Date.now() + 3_000).toUTCString()), { ...BASE, now: undefined });
    expect(soon.retry && soon.delayMs > 1_000 && soon.delayMs <= 3_000).toBe(true);
  });
});
