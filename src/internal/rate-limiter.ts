// Client-side pacing for FirstPromoter's budget (400 requests per minute per account): the limiter the
// transport asks before every attempt and tells about every 429. The decisions are pacing.ts's; the
// bucket lives in a store, this process's memory by default or one shared by many processes (Redis,
// `firstpromoter/redis`), whose clock it uses so processes on different machines agree on the time.
// One limiter may serve several clients: they then share its budget.
import { sleep } from './backoff.js';
import {
  bucketTtlMs, decodeBucket, encodeBucket, holdBack, onWake, reserveStart,
  type Bucket, type PacingPolicy,
} from './pacing.js';

export interface RateLimiter {
  /** Resolves when one more request may start: at once, or when its slot in the pace comes. */
  take(signal?: AbortSignal): Promise<void>;
  /** The server answered 429: no start for `pauseMs` (its Retry-After, or the retry's backoff). */
  backOff?(pauseMs: number): Promise<void> | void;
}

/** What a store is asked to do: given the state and the store's clock, the state to keep and a result. */
export type StoreChange<R> = (state: string | undefined, nowMs: number) => {
  result: R;
  /** The new state; left out when nothing changes (nothing is written). */
  state?: string | undefined;
  /** How long the new state must be kept; after that a missing state means the same. */
  ttlMs?: number | undefined;
};

/**
 * Where a limiter keeps its bucket, one text value per key. `update` reads the state and the store's
 * clock, applies `change` and saves the result atomically: when another writer got in between, it
 * applies `change` again to the newer state. `change` is pure, so calling it twice is harmless.
 */
export interface RateLimitStore {
  update<R>(key: string, change: StoreChange<R>): Promise<R>;
}

/** The default store: this process's memory and clock. */
export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const states = new Map<string, { state: string; expiresAt: number }>();
  return {
    async update(key, change) {
      const time = now();
      const held = states.get(key);
      const outcome = change(held && held.expiresAt > time ? held.state : undefined, time);
      if (outcome.state !== undefined) states.set(key, { state: outcome.state, expiresAt: time + (outcome.ttlMs ?? Infinity) });
      return outcome.result;
    },
  };
}

export interface PacerOptions {
  policy: PacingPolicy;
  store?: RateLimitStore | undefined;
  /** The budget's name in the store: one per FirstPromoter account. */
  key?: string | undefined;
}

export function createPacer({ policy, store = createMemoryStore(), key = 'default' }: PacerOptions): Required<RateLimiter> {
  const write = <R>(next: (bucket: Bucket, now: number) => { bucket: Bucket; result: R }) =>
    store.update(key, (state, now) => {
      const { bucket, result } = next(decodeBucket(state), now);
      return { result, state: encodeBucket(bucket), ttlMs: bucketTtlMs(bucket, now) };
    });

  return {
    async take(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const slot = await write((bucket, now) => {
          const reserved = reserveStart(bucket, policy, now);
          return { bucket: reserved.bucket, result: reserved };
        });
        if (slot.delayMs <= 0) return;
        // A slot given up by an abort is not handed back: that only slows the pace, never speeds it.
        await sleep(slot.delayMs, signal);
        // A 429 seen while this start waited (here, or in another process sharing the store) holds it
        // back; a start that woke late pushes the ones queued behind it (pacing.ts, onWake).
        const action = await store.update(key, (state, now) => {
          const woke = onWake(decodeBucket(state), policy, slot.startAt, now);
          if (woke.action === 'retake' || woke.bucket === undefined) return { result: woke.action };
          return { result: woke.action, state: encodeBucket(woke.bucket), ttlMs: bucketTtlMs(woke.bucket, now) };
        });
        if (action === 'start') return;
      }
    },
    async backOff(pauseMs) {
      await write((bucket, now) => ({ bucket: holdBack(bucket, policy, now, pauseMs), result: undefined }));
    },
  };
}
