// Reading a node:http answer's body whole: decoded (gzip, deflate, br, in the reverse order of the
// server's Content-Encoding, as fetch does), counted after decoding as it arrives, and refused as soon
// as the count passes the cap: the answer and every decoder are destroyed at once, so a bomb stops
// inflating and the connection is dropped. An answer that ends before its body did (`complete` false,
// the socket closed half way) is a connection failure, never a short success.
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import type * as Zlib from 'node:zlib';
import { tooLarge, WireFailure } from '../adapter.js';

export type Decoders = Pick<typeof Zlib, 'constants' | 'createGunzip' | 'createInflate' | 'createBrotliDecompress'>;

/** The decoders for a Content-Encoding, in decoding order (the header's, reversed); undefined when a coding is unknown (the body then stays as sent). */
function decodersFor(encoding: string | undefined, zlib: () => Decoders): Transform[] | undefined {
  if (encoding === undefined) return [];
  const codings = encoding.toLowerCase().split(',').map((coding) => coding.trim()).filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return [];
  if (!codings.every((coding) => ['gzip', 'x-gzip', 'deflate', 'br'].includes(coding))) return undefined;
  const z = zlib();
  // Lenient about a missing trailer, as fetch is: a body cut short still fails through the socket.
  const flush = { flush: z.constants.Z_SYNC_FLUSH, finishFlush: z.constants.Z_SYNC_FLUSH };
  return codings.reverse().map((coding) => {
    if (coding === 'br') return z.createBrotliDecompress();
    // `deflate` as the RFC defines it: zlib-wrapped (what every server this client talks to sends).
    if (coding === 'deflate') return z.createInflate(flush);
    return z.createGunzip(flush);
  });
}

/**
 * Reads the body, then calls `done` with its decoded bytes or `fail` with a WireFailure ('too-large'
 * past `limit`, 'connection' when cut or undecodable), one of them once. Node reports a cut answer as
 * an 'error' (ECONNRESET, "aborted") on Node 20, 22 and 24; were one to end it without either, the
 * attempt's timer would still end the attempt, as a failure.
 */
export function readNodeBody(res: IncomingMessage, limit: number, zlib: () => Decoders, done: (bytes: Uint8Array) => void, fail: (failure: WireFailure) => void): void {
  const decoders = decodersFor(res.headers['content-encoding'], zlib) ?? [];
  const last: Readable = decoders.at(-1) ?? res;
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  const stop = (failure: WireFailure) => {
    if (failed) return;
    failed = true;
    res.destroy();
    for (const decoder of decoders) decoder.destroy();
    fail(failure);
  };
  let from: Readable = res;
  for (const decoder of decoders) {
    from.pipe(decoder);
    from = decoder;
    decoder.on('error', (error) => stop(new WireFailure('connection', 'the body could not be decoded', { code: codeOf(error), thrown: error })));
  }
  const cut = (error?: unknown) => stop(new WireFailure('connection', 'the answer ended before its body did', { code: codeOf(error) ?? 'ECONNRESET', thrown: error }));
  res.on('error', cut);
  last.on('data', (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > limit) return stop(tooLarge(limit, res.statusCode));
    chunks.push(chunk);
  });
  last.on('end', () => {
    if (failed) return;
    if (!res.complete) return cut();
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
}

/** A platform error's `code`, when it is a string (WireFailure checks its form). */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
