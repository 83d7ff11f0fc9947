// The arithmetic of pacing, with no clock and no I/O of its own: how long the next request must wait
// under a budget, given the bucket's state. It is the generic cell rate algorithm (GCRA), a token
// bucket kept as one timestamp: starts go out one `intervalMs` apart, and after a quiet spell up to
// `burst` may go at once. So every window of W ms sees at most ceil(W / intervalMs) − 1 + burst starts:
// with the default burst of 1, a budget of 400 a minute is at most 400 in any minute, 7 in any second
// (400 ÷ 60 ≈ 6.7), whatever window the server counts in. A 429 holds every start back for a while
// and empties the burst, so the pace after the pause is the steady one.
// Stores (in memory, Redis) keep the state as text and supply the clock; rate-limiter.ts drives them.

export interface PacingPolicy {
  /** Time between two starts at the steady pace: the budget's window divided by its requests. */
  intervalMs: number;
  /** Starts allowed at once after a quiet spell, 1 or more. */
  burst: number;
}

export interface Bucket {
  /** GCRA's theoretical arrival time: the steady schedule's next slot lies `burst − 1` intervals before it. */
  tat: number;
  /** No start before this instant (set by a 429). */
  heldUntil: number;
}

export const EMPTY_BUCKET: Bucket = { tat: 0, heldUntil: 0 };

/** Takes the next start slot: the bucket after it, and when the slot is (`startAt`, `delayMs` from now). */
export function reserveStart(bucket: Bucket, policy: PacingPolicy, now: number): { bucket: Bucket; startAt: number; delayMs: number } {
  const tat = Math.max(bucket.tat, now);
  const startAt = Math.max(now, tat - (policy.burst - 1) * policy.intervalMs);
  return { bucket: { tat: tat + policy.intervalMs, heldUntil: bucket.heldUntil }, startAt, delayMs: startAt - now };
}

/** After a 429: no start for `pauseMs`, and the first ones after it at the steady pace (no burst). */
export function holdBack(bucket: Bucket, policy: PacingPolicy, now: number, pauseMs: number): Bucket {
  const until = now + Math.max(0, pauseMs);
  return {
    tat: Math.max(bucket.tat, until + (policy.burst - 1) * policy.intervalMs),
    heldUntil: Math.max(bucket.heldUntil, until),
  };
}

/**
 * What a start that waited for its slot does when its timer fires at `now`:
 * - `retake`: a hold placed after the slot was reserved covers it (a 429 came in meanwhile), so it
 *   reserves a new slot after the hold. Compared with the slot, not the clock: a timer firing a little
 *   early must not count as a hold.
 * - `start`, with a new bucket when it is late by more than half an interval (the process stalled):
 *   it starts now as if its slot had been half an interval ago, and the starts not yet made follow
 *   from there. Without that, the starts queued behind a stall would go out in a clump while later
 *   ones kept the old schedule, and a window ending a little after the stall would see more than its
 *   share. So every start is at most half an interval after its slot: any window of W ms sees at most
 *   ceil((W + intervalMs / 2) / intervalMs) − 1 + burst starts, and a stall costs only its excess.
 */
export function onWake(bucket: Bucket, policy: PacingPolicy, startAt: number, now: number): { action: 'retake' } | { action: 'start'; bucket?: Bucket } {
  if (bucket.heldUntil > startAt) return { action: 'retake' };
  const slack = policy.intervalMs / 2;
  if (now - startAt <= slack) return { action: 'start' };
  return { action: 'start', bucket: holdBack(bucket, policy, now, policy.intervalMs - slack) };
}

/** How long the state still matters: once both instants have passed, a missing bucket is the same. */
export function bucketTtlMs(bucket: Bucket, now: number): number {
  return Math.max(1, Math.ceil(Math.max(bucket.tat, bucket.heldUntil) - now));
}

/** The bucket as stores keep it: two numbers of milliseconds, microsecond precision. */
export function encodeBucket(bucket: Bucket): string {
  return `${round(bucket.tat)} ${round(bucket.heldUntil)}`;
}

/** A missing or unreadable state is an idle bucket: nothing owed, nothing held. */
export function decodeBucket(text: string | undefined): Bucket {
  const [tat, heldUntil] = (text ?? '').split(' ').map(Number);
  if (!Number.isFinite(tat) || !Number.isFinite(heldUntil)) return EMPTY_BUCKET;
  return { tat: tat as number, heldUntil: heldUntil as number };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
