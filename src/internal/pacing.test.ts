// The pacing arithmetic, on its own: starts never crowd a window of any length beyond its share of the
// budget (plus the burst), queued requests keep the full pace, and a hold keeps everything out of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BUCKET, decodeBucket, encodeBucket, heldPast, holdBack, reserveStart, type Bucket, type PacingPolicy } from './pacing.js';

/** Reserves a start for each request time in turn, threading the bucket: the start times. */
function schedule(requests: number[], policy: PacingPolicy, bucket: Bucket = EMPTY_BUCKET): { starts: number[]; bucket: Bucket } {
  const starts: number[] = [];
  for (const now of requests) {
    const reserved = reserveStart(bucket, policy, now);
    bucket = reserved.bucket;
    expect(reserved.startAt).toBe(now + reserved.delayMs);
    starts.push(reserved.startAt);
  }
  return { starts, bucket };
}

/** The most starts any half-open window [a, a + windowMs) holds; the fullest one opens at a start. */
function fullestWindow(starts: number[], windowMs: number): number {
  return Math.max(0, ...starts.map((a) => starts.filter((s) => s >= a && s < a + windowMs).length));
}

const policies = fc.record({ intervalMs: fc.integer({ min: 1, max: 500 }), burst: fc.integer({ min: 1, max: 5 }) });
/** Request times: sorted, with gaps from none (a queue) to quiet spells. */
const arrivals = fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 80 })
  .map((gaps) => gaps.reduce<number[]>((times, gap) => [...times, (times.at(-1) ?? 0) + gap], []));

describe('reserveStart', () => {
  it('never puts more than ceil(W / interval) − 1 + burst starts in a window of W, for any W', () => {
    fc.assert(fc.property(policies, arrivals, fc.integer({ min: 1, max: 40 }), (policy, requests, windows) => {
      const { starts } = schedule(requests, policy);
      const windowMs = windows * policy.intervalMs * 0.75;
      expect(fullestWindow(starts, windowMs)).toBeLessThanOrEqual(Math.ceil(windowMs / policy.intervalMs) - 1 + policy.burst);
    }));
  });

  it('starts in the order reserved, never before the request, and without waiting when the budget allows', () => {
    fc.assert(fc.property(policies, arrivals, (policy, requests) => {
      const { starts } = schedule(requests, policy);
      starts.forEach((start, i) => {
        expect(start).toBeGreaterThanOrEqual(requests[i]!);
        if (i > 0) expect(start).toBeGreaterThanOrEqual(starts[i - 1]!);
      });
      // The first request after an idle bucket never waits.
      expect(starts[0]).toBe(requests[0]);
    }));
  });

  it('keeps a queue at the full pace: n requests at once end (n − burst) intervals later', () => {
    const policy = { intervalMs: 150, burst: 3 };
    const { starts } = schedule(Array.from({ length: 400 }, () => 0), policy);
    expect(starts.slice(0, 3)).toEqual([0, 0, 0]);
    expect(starts[3]).toBe(150);
    expect(starts.at(-1)).toBe((400 - 3) * 150);
  });

  it('with burst 1, 400 a minute is 400 in any minute and 7 in any second', () => {
    const policy = { intervalMs: 60_000 / 400, burst: 1 };
    const { starts } = schedule(Array.from({ length: 1_200 }, (_, i) => i * 10), policy);
    expect(fullestWindow(starts, 60_000)).toBe(400);
    expect(fullestWindow(starts, 1_000)).toBe(7);
  });

  it('lets a full burst through again only after a quiet spell refills it', () => {
    const policy = { intervalMs: 100, burst: 4 };
    const busy = schedule([0, 0, 0, 0, 0], policy);
    expect(busy.starts).toEqual([0, 0, 0, 0, 100]);
    // 200 ms later two slots have come back, not four.
    expect(schedule([300, 300, 300], policy, busy.bucket).starts).toEqual([300, 300, 400]);
  });
});

describe('holdBack', () => {
  it('keeps every later reservation out of the hold and paces the first ones after it without a burst', () => {
    fc.assert(fc.property(policies, arrivals, fc.integer({ min: 0, max: 5_000 }), (policy, requests, pauseMs) => {
      const heldAt = requests[0]!;
      const held = holdBack(EMPTY_BUCKET, policy, heldAt, pauseMs);
      const { starts } = schedule(requests, policy, held);
      for (const start of starts) expect(start).toBeGreaterThanOrEqual(heldAt + pauseMs);
      const afterHold = starts.filter((s) => s < heldAt + pauseMs + policy.intervalMs * 3);
      expect(afterHold.length).toBeLessThanOrEqual(3);
    }));
  });

  it('never shortens an earlier hold or the queue already reserved', () => {
    const policy = { intervalMs: 100, burst: 1 };
    const queued = schedule([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], policy).bucket;
    const held = holdBack(holdBack(queued, policy, 0, 5_000), policy, 10, 100);
    expect(held.heldUntil).toBe(5_000);
    expect(holdBack(queued, policy, 0, 50).tat).toBe(queued.tat);
  });

  it('tells a slot reserved before the hold that it fell inside it, and one reserved after that it did not', () => {
    const policy = { intervalMs: 100, burst: 1 };
    const early = reserveStart(schedule([0, 0], policy).bucket, policy, 0);
    const held = holdBack(early.bucket, policy, 50, 1_000);
    expect(heldPast(held, early.startAt)).toBe(true);
    const late = reserveStart(held, policy, 60);
    expect(late.startAt).toBe(1_050);
    expect(heldPast(late.bucket, late.startAt)).toBe(false);
  });
});

describe('the stored form', () => {
  it('round-trips a bucket and reads anything unreadable as an idle bucket', () => {
    const bucket = { tat: 1_767_225_600_123.456, heldUntil: 1_767_225_601_000 };
    expect(decodeBucket(encodeBucket(bucket))).toEqual(bucket);
    for (const text of [undefined, '', 'garbage', '12', '1 x']) expect(decodeBucket(text)).toEqual(EMPTY_BUCKET);
  });
});
