// Remembering which events were handled, so a delivery FirstPromoter sends again is acknowledged
// without running the handler twice. FirstPromoter retries a failed delivery for about 17 hours
// (max_retries 10), so a remembered id must outlive that: the default is 24 hours.
import { ValidationError } from '../core/errors.js';

/** Where handled event ids are kept. Implement it over Redis, a database or a KV store to share it. */
export interface DedupeStore {
  /** True when `eventId` was added and its time to live has not run out. */
  has(eventId: string): boolean | Promise<boolean>;
  /** Remembers `eventId` for `ttlMs` milliseconds. */
  add(eventId: string, ttlMs: number): void | Promise<void>;
}

export interface DedupeOptions {
  /** Default: an in-memory store of this process ({@link createMemoryDedupeStore}). */
  store?: DedupeStore | undefined;
  /** How long a handled id is remembered (default 24 h; keep it above FirstPromoter's ~17 h of retries). */
  ttlMs?: number | undefined;
}

export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

export interface MemoryDedupeStoreOptions {
  /** Most ids kept; the oldest is forgotten first when full (default 10,000). */
  maxEntries?: number | undefined;
  /** The clock, in milliseconds (default `Date.now`). */
  now?: (() => number) | undefined;
}

/**
 * A bounded in-memory store. It lives as long as the process and is not shared between processes,
 * serverless instances or workers: use a shared store (Redis, KV) there.
 */
export function createMemoryDedupeStore(options: MemoryDedupeStoreOptions = {}): DedupeStore {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new ValidationError('maxEntries', 'maxEntries must be a positive integer.');
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  return {
    has(eventId) {
      const expiry = expiries.get(eventId);
      if (expiry === undefined) return false;
      if (expiry > now()) return true;
      expiries.delete(eventId);
      return false;
    },
    add(eventId, ttlMs) {
      expiries.delete(eventId); // re-adding moves the id to the newest end
      expiries.set(eventId, now() + ttlMs);
      for (const oldest of expiries.keys()) {
        if (expiries.size <= maxEntries) break;
        expiries.delete(oldest);
      }
    },
  };
}

/** Checks `dedupe` options once, up front. */
export function resolveDedupe(dedupe: DedupeOptions | false | undefined): { store: DedupeStore; ttlMs: number } | undefined {
  if (dedupe === false) return undefined;
  const ttlMs = dedupe?.ttlMs ?? DEFAULT_DEDUPE_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new ValidationError('dedupe.ttlMs', 'dedupe.ttlMs must be a positive number of milliseconds.');
  const store = dedupe?.store ?? createMemoryDedupeStore();
  if (typeof store.has !== 'function' || typeof store.add !== 'function') throw new ValidationError('dedupe.store', 'dedupe.store must have has() and add().');
  return { store, ttlMs };
}
