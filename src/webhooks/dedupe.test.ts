// The in-memory dedupe store: ids expire after their TTL, the store never grows past its bound (oldest
// forgotten first), and the handler options are checked up front.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { createMemoryDedupeStore, DEFAULT_DEDUPE_TTL_MS, resolveDedupe } from './dedupe.js';

const HOUR = 60 * 60 * 1000;

describe('createMemoryDedupeStore', () => {
  it('remembers an id for its TTL and forgets it afterwards', () => {
    let now = 1_000;
    const store = createMemoryDedupeStore({ now: () => now });
    store.add('evt-1', 17 * HOUR);
    expect(store.has('evt-1')).toBe(true);
    expect(store.has('evt-2')).toBe(false);
    now += 17 * HOUR - 1;
    expect(store.has('evt-1')).toBe(true);
    now += 1;
    expect(store.has('evt-1')).toBe(false);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first; adding again makes an id newest', () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) store.add(id, HOUR);
    store.add('a', HOUR);
    store.add('d', HOUR);
    expect(['a', 'b', 'c', 'd'].map((id) => store.has(id))).toEqual([true, false, true, true]);
    for (let i = 0; i < 100; i++) store.add(`bulk-${i}`, HOUR);
    expect(['bulk-97', 'bulk-98', 'bulk-99', 'bulk-96', 'a'].map((id) => store.has(id))).toEqual([true, true, true, false, false]);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(ValidationError);
  });
});

describe('dedupe options', () => {
  it('default to an in-memory store and a TTL longer than FirstPromoter\'s ~17 h of retries', () => {
    const resolved = resolveDedupe(undefined);
    expect(resolved?.ttlMs).toBe(DEFAULT_DEDUPE_TTL_MS);
    expect(DEFAULT_DEDUPE_TTL_MS).toBeGreaterThan(17 * HOUR);
    expect(resolveDedupe(false)).toBeUndefined();
  });

  it('take undefined for the store and the TTL as their defaults', async () => {
    const resolved = resolveDedupe({ store: undefined, ttlMs: undefined });
    expect(resolved?.ttlMs).toBe(DEFAULT_DEDUPE_TTL_MS);
    resolved?.store.add('evt_1', resolved.ttlMs);
    expect(await resolved?.store.has('evt_1')).toBe(true);
    const store = createMemoryDedupeStore({ maxEntries: undefined, now: undefined });
    for (let n = 0; n < 10_001; n++) store.add(`evt_${n}`, HOUR);
    expect([store.has('evt_0'), store.has('evt_1'), store.has('evt_10000')]).toEqual([false, true, true]); // 10,000 kept
  });

  it.each([
    ['a zero TTL', { ttlMs: 0 }, 'dedupe.ttlMs'],
    ['an infinite TTL', { ttlMs: Number.POSITIVE_INFINITY }, 'dedupe.ttlMs'],
    ['a store without add', { store: { has: () => false } }, 'dedupe.store'],
  ])('refuse %s', (_, options, field) => {
    expect(() => resolveDedupe(options as never)).toThrow(expect.objectContaining({ field }));
  });
});
