// Digest comparison: equal only for equal secrets, whatever their lengths, and never short-circuited.
import { describe, expect, it } from 'vitest';
import { sameDigest, secretDigest, utf8 } from './secret-compare.js';

describe('secret comparison', () => {
  it('tells equal secrets from different ones of any length', async () => {
    const digest = (text: string) => secretDigest(utf8(text));
    expect(sameDigest(await digest('whsec_1'), await digest('whsec_1'))).toBe(true);
    for (const other of ['whsec_2', 'whsec_', 'whsec_1 ', '', 'x'.repeat(10_000)]) {
      expect(sameDigest(await digest('whsec_1'), await digest(other))).toBe(false);
    }
  });

  it('compares every byte: a difference in the last byte or in length counts', () => {
    expect(sameDigest(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(sameDigest(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(sameDigest(new Uint8Array(32), new Uint8Array(32))).toBe(true);
  });
});
