// Injected faults, for testing error handling: a fault for the next N matching requests, or for a share
// of them drawn from a seeded generator (the same seed replays the same run). The kinds cover what goes
// wrong between a client and FirstPromoter: resets before and after the server acted, 5xx and HTML error
// pages, 408 and 429 (with and without Retry-After), slow answers, cut and empty bodies; `ignore_page`
// makes a list answer page 1 whatever `page` says; a canned answer replaces the real one.

/** The faults a random draw picks from (all of them unless narrowed). */
export const FAULT_KINDS = [
  'reset_before', 'reset_after', 'status_500', 'html_502', 'html_502_after', 'empty_503', 'status_408',
  'rate_limited', 'retry_after_seconds', 'retry_after_date', 'slow_headers', 'slow_record', 'slow_body',
  'truncated_body', 'empty_body_after',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number] | 'ignore_page';

/** An answer sent instead of the real one (the fake does not act): any status, headers and body. */
export interface CannedAnswer {
  status: number;
  /** A string is sent as it is (set `content-type` in `headers`); anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string> | undefined;
}

export type Injection = FaultKind | CannedAnswer;

export interface FaultOptions<R> {
  /** Only requests this returns true for (default: every request). */
  match?: ((request: R) => boolean) | undefined;
  /** How late a slow fault answers, in ms (default: the fake's `slowMs`). */
  delayMs?: number | undefined;
}

export interface RandomFaults<R> extends FaultOptions<R> {
  /** Share of matching requests that get a fault, 0 to 1. */
  rate: number;
  /** Seed of the draw, to replay a run (default 1). */
  seed?: number | undefined;
  /** The kinds to draw from (default FAULT_KINDS). */
  kinds?: readonly FaultKind[] | undefined;
}

export interface FaultControls<R> {
  /** Injects `fault` into the next `count` matching requests. Rules queue up and apply in order. */
  next(count: number, fault: Injection, options?: FaultOptions<R>): void;
  /** Injects faults into a share of matching requests, after the `next` rules are used up. */
  random(options: RandomFaults<R>): void;
  /** Removes every rule; requests are answered normally again. */
  clear(): void;
  /** Faults injected so far, by kind (`answer` for canned answers). */
  readonly counts: Readonly<Record<FaultKind | 'answer', number>>;
}

export interface Picked {
  injection: Injection;
  delayMs: number | undefined;
}

interface Rule<R> extends FaultOptions<R> {
  injection: Injection;
  left: number;
}

export function createFaults<R>(): FaultControls<R> & { pick(request: R): Picked | undefined; reset(): void } {
  let rules: Rule<R>[] = [];
  let random: (RandomFaults<R> & { draw: () => number }) | undefined;
  const counts = Object.fromEntries([...FAULT_KINDS, 'ignore_page', 'answer'].map((k) => [k, 0])) as Record<FaultKind | 'answer', number>;
  const count = (injection: Injection) => counts[typeof injection === 'string' ? injection : 'answer']++;
  return {
    counts,
    next(n, injection, options = {}) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError('faults.next: count must be a positive integer');
      if (typeof injection === 'string' && !(FAULT_KINDS as readonly string[]).includes(injection) && injection !== 'ignore_page') throw new RangeError(`faults.next: unknown fault ${JSON.stringify(injection)}`);
      rules.push({ ...options, injection, left: n });
    },
    random(options) {
      if (!(options.rate >= 0 && options.rate <= 1)) throw new RangeError('faults.random: rate must be between 0 and 1');
      random = { ...options, draw: mulberry32(options.seed ?? 1) };
    },
    clear() {
      rules = [];
      random = undefined;
    },
    /** clear(), and the counts back to zero. */
    reset() {
      this.clear();
      for (const kind of Object.keys(counts) as Array<keyof typeof counts>) counts[kind] = 0;
    },
    pick(request) {
      const rule = rules.find((r) => r.match?.(request) ?? true);
      if (rule) {
        if (--rule.left === 0) rules.splice(rules.indexOf(rule), 1);
        count(rule.injection);
        return { injection: rule.injection, delayMs: rule.delayMs };
      }
      if (!random || !(random.match?.(request) ?? true) || random.draw() >= random.rate) return undefined;
      const kinds = random.kinds ?? FAULT_KINDS;
      const injection = kinds[Math.floor(random.draw() * kinds.length)]!;
      count(injection);
      return { injection, delayMs: random.delayMs };
    },
  };
}

/** mulberry32: small, seedable, good enough to pick faults. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
