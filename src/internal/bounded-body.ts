// Reading a body stream with a byte cap: chunk by chunk, counting, and cancelling the stream (which
// drops the connection, and stops a decompressing stream from inflating further) as soon as the count
// passes the cap, so a body is never buffered whole to find out it was too large.

/** The stream's bytes; undefined, with the stream cancelled, as soon as more than `limit` bytes arrived. */
export async function readBounded(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
