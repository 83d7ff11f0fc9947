// One AbortSignal shared by many concurrent calls (a request-scoped signal in a web server): the
// client adds one 'abort' listener to it whatever the number of calls, attempts, backoff waits and
// rate-limiter waits, so Node never prints MaxListenersExceededWarning, and none is left afterwards.
import { getEventListeners } from 'node:events';
import { expect } from 'vitest';
import { AbortError, paginate, type FirstPromoterOptions } from '../../src/index.js';
import { attack, outcomeOf, type CaseContext } from './kit.js';

const GROUP = 'shared abort signals';
const CALLS = 50;

/** A fetch answering after `ms` (or when its signal fires), 503 for each call's first `failFirst` attempts. */
function slowFetch(ms: number, failFirst = 0): typeof fetch {
  const attemptsBy = new Map<string, number>();
  return ((input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((resolve, reject) => {
    const body = String(init?.body ?? input);
    const attempt = (attemptsBy.get(body) ?? 0) + 1;
    attemptsBy.set(body, attempt);
    const timer = setTimeout(() => resolve(new Response(attempt <= failFirst ? '{}' : '{"id":1}', { status: attempt <= failFirst ? 503 : 200, headers: { 'content-type': 'application/json' } })), ms);
    init?.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(init.signal?.reason);
    });
  })) as typeof fetch;
}

/** Runs `run` while counting Node's warnings and the signal's listeners (the most seen at once). */
async function watched(signal: AbortSignal, run: () => Promise<void>): Promise<{ warnings: string[]; most: number; after: number }> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => void warnings.push(warning.name);
  process.on('warning', onWarning);
  let most = 0;
  const sampler = setInterval(() => { most = Math.max(most, getEventListeners(signal, 'abort').length); }, 1);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 20)); // warnings are emitted on a later tick
  } finally {
    clearInterval(sampler);
    process.off('warning', onWarning);
  }
  return { warnings, most, after: getEventListeners(signal, 'abort').length };
}

const sales = (context: CaseContext, options: Partial<FirstPromoterOptions>, signal: AbortSignal) => {
  const { v2 } = context.offline({ maxRetries: 2, ...options });
  return Array.from({ length: CALLS }, (_, i) => outcomeOf(() => v2.track.sale({ email: 'a@example.com', event_id: `in_${i}`, amount: 100 }, { signal })));
};

attack(GROUP, `${CALLS} concurrent calls on one signal`, async (context) => {
  const controller = new AbortController();
  const seen = await watched(controller.signal, async () => {
    const endings = await Promise.all(sales(context, { fetch: slowFetch(15) }, controller.signal));
    context.leaks.object('endings', endings);
    expect(endings.every((e) => e.error === undefined)).toBe(true);
  });
  expect(seen).toEqual({ warnings: [], most: 1, after: 0 });
});

attack(GROUP, `${CALLS} concurrent calls on one signal, each retried after a backoff wait`, async (context) => {
  const controller = new AbortController();
  const seen = await watched(controller.signal, async () => {
    const endings = await Promise.all(sales(context, { fetch: slowFetch(5, 1), backoff: { baseDelayMs: 20, maxDelayMs: 20, maxRetryAfterMs: 20 } }, controller.signal));
    context.leaks.object('endings', endings);
    expect(endings.every((e) => e.error === undefined)).toBe(true);
  });
  expect(seen).toEqual({ warnings: [], most: 1, after: 0 });
});

attack(GROUP, `${CALLS} calls on one signal, most waiting in the rate limiter, then aborted`, async (context) => {
  const controller = new AbortController();
  const seen = await watched(controller.signal, async () => {
    const calls = sales(context, { fetch: slowFetch(1), rateLimit: { requestsPerMinute: 5 } }, controller.signal);
    setTimeout(() => controller.abort(new Error('request ended')), 30);
    const endings = await Promise.all(calls);
    context.leaks.object('endings', endings);
    // However the limiter paces (a burst of 5, or one at a time), the ones still waiting end aborted.
    expect(endings.filter((e) => e.error instanceof AbortError).length).toBeGreaterThanOrEqual(CALLS - 5);
    expect(endings.every((e) => e.error === undefined || e.error instanceof AbortError)).toBe(true);
  });
  expect(seen.warnings).toEqual([]);
  expect([seen.most <= 1, seen.after]).toEqual([true, 0]);
});

attack(GROUP, `${CALLS} calls in flight on one signal, aborted mid-flight`, async (context) => {
  const controller = new AbortController();
  const seen = await watched(controller.signal, async () => {
    const calls = sales(context, { fetch: slowFetch(10_000) }, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const endings = await Promise.all(calls);
    context.leaks.object('endings', endings);
    expect(endings.every((e) => e.error instanceof AbortError)).toBe(true);
  });
  expect(seen).toEqual({ warnings: [], most: 1, after: 0 });
});

attack(GROUP, 'a signal that already fired: every call refused at once, nothing sent, no listener added', async (context) => {
  const signal = AbortSignal.abort(new Error('too late'));
  const seen = await watched(signal, async () => {
    const endings = await Promise.all(sales(context, {}, signal));
    context.leaks.object('endings', endings);
    expect(endings.every((e) => e.error instanceof AbortError)).toBe(true);
  });
  expect(seen).toEqual({ warnings: [], most: 0, after: 0 });
  expect(context.attempts).toEqual([]);
});

attack(GROUP, 'paginate over several pages with one signal leaves no listener', async (context) => {
  const controller = new AbortController();
  let page = 0;
  const fetch = (async () => {
    page++;
    const rows = page < 3 ? Array.from({ length: 2 }, (_, i) => ({ id: page * 10 + i })) : [];
    return new Response(JSON.stringify(rows), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const seen = await watched(controller.signal, async () => {
    const { v2 } = context.offline({ fetch });
    const rows: unknown[] = [];
    for await (const row of paginate(v2, '/company/commissions', { query: { per_page: 2 }, signal: controller.signal })) rows.push(row);
    context.leaks.object('rows', rows);
    expect(rows).toHaveLength(4);
  });
  expect(seen.warnings).toEqual([]);
  expect(seen.after).toBe(0);
});
