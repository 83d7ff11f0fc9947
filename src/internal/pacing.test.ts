// The pacing arithmetic, on its own: starts never crowd a window of any length beyond its share of the
// budget (plus the burst), queued requests keep the full pace, and a hold keeps everything out of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BUCKET, decodeBucket, encodeBucket, holdBack, onWake, reserveStart, type Bucket, type PacingPolicy } from './pacing.js';

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

  it('sends a start whose slot a later hold covers to take a new one, and not one reserved after the hold', () => {
    const policy = { intervalMs: 100, burst: 1 };
    const early = reserveStart(schedule([0, 0], policy).bucket, policy, 0);
    const held = holdBack(early.bucket, policy, 50, 1_000);
    expect(onWake(held, policy, early.startAt, early.startAt)).toEqual({ action: 'retake' });
    const late = reserveStart(held, policy, 60);
    expect(late.startAt).toBe(1_050);
    // Woken a little early by a timer: still its slot.
    expect(onWake(late.bucket, policy, late.startAt, late.startAt - 0.5)).toEqual({ action: 'start' });
  });
});

/**
 * The limiter's loop on a simulated clock: takers arrive, reserve, and wake `lateness(slot, n)` after
 * their slot (a busy machine), then start or take a new slot as onWake says. The actual start times.
 */
function simulate(policy: PacingPolicy, arrivals: number[], lateness: (slot: number, wake: number) => number): number[] {
  let bucket = EMPTY_BUCKET;
  const starts: number[] = [];
  const events: Array<{ at: number; slot?: number }> = arrivals.map((at) => ({ at }));
  let wakes = 0;
  while (events.length > 0) {
    events.sort((a, b) => a.at - b.at);
    const event = events.shift()!;
    if (event.slot !== undefined) {
      const woke = onWake(bucket, policy, event.slot, event.at);
      if (woke.action === 'retake') {
        events.push({ at: event.at });
        continue;
      }
      if (woke.bucket) bucket = woke.bucket;
      starts.push(event.at);
      continue;
    }
    const reserved = reserveStart(bucket, policy, event.at);
    bucket = reserved.bucket;
    if (reserved.delayMs <= 0) starts.push(event.at);
    else events.push({ at: reserved.startAt + lateness(reserved.startAt, wakes++), slot: reserved.startAt });
  }
  return starts.sort((a, b) => a - b);
}

describe('starts that wake late', () => {
  it('keep every window of actual starts within its share, plus half an interval, however late they wake', () => {
    const latenesses = fc.array(fc.oneof(fc.double({ min: 0, max: 0.4, noNaN: true }), fc.double({ min: 0.5, max: 30, noNaN: true })), { minLength: 1, maxLength: 50 });
    fc.assert(fc.property(policies, arrivals, latenesses, fc.integer({ min: 1, max: 40 }), (policy, requests, late, windows) => {
      const starts = simulate(policy, requests, (_, n) => late[n % late.length]! * policy.intervalMs);
      expect(starts).toHaveLength(requests.length);
      const windowMs = windows * policy.intervalMs;
      expect(fullestWindow(starts, windowMs)).toBeLessThanOrEqual(Math.ceil((windowMs + policy.intervalMs / 2) / policy.intervalMs) - 1 + policy.burst);
    }));
  });

  it('costs a stall about its own length: the queue behind it keeps the pace', () => {
    const policy = { intervalMs: 10, burst: 1 };
    const queue = Array.from({ length: 200 }, () => 0);
    expect(simulate(policy, queue, () => 0).at(-1)).toBe(1_990);
    // Every wake due between 500 and 560 ms comes at 560: a 60 ms stall of the process.
    const stalled = simulate(policy, queue, (slot) => (slot >= 500 && slot < 560 ? 560 - slot : 0));
    expect(stalled.at(-1)).toBeGreaterThanOrEqual(1_990 + 50);
    expect(stalled.at(-1)).toBeLessThanOrEqual(1_990 + 70);
    // ...and the six starts it held up do not go out in a clump: no 100 ms holds more than 10 (+1 slack).
    expect(fullestWindow(stalled, 100)).toBeLessThanOrEqual(11);
  });
});

describe('the stored form', () => {
  it('round-trips a bucket and reads anything unreadable as an idle bucket', () => {
    const bucket = { tat: 1_767_225_600_123.456, heldUntil: 1_767_225_601_000 };
    expect(decodeBucket(encodeBucket(bucket))).toEqual(bucket);
    for (const text of [undefined, '', 'garbage', '12', '1 x']) expect(decodeBucket(text)).toEqual(EMPTY_BUCKET);
  });
});
