// Comparing a secret a request carries with the one expected, without leaking through timing how much
// of it matched or how long it is. Both sides are hashed with SHA-256 (Web Crypto: Node 20+, Bun, Deno,
// workerd, browsers; no `node:crypto` import) and the two digests are compared with no early exit: the
// time depends on neither the secrets' lengths nor their contents.

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** SHA-256 of `bytes`, to compare later with {@link sameDigest}. */
export async function secretDigest(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

/** True when two digests are equal, looking at every byte whatever the first difference. */
export function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
