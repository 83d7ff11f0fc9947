// Short previews of response bodies for error messages, built from a bounded prefix whatever the
// body's size: a 30 MB error page must cost a message no more than a small one.

/** Messages are built from at most this much of a body. */
const PREVIEW_SOURCE_CHARS = 1024;
const PREVIEW_CHARS = 200;

/** The start of `text` on one line, at most 200 characters, `...` when cut. */
export function oneLinePreview(text: string): string {
  const oneLine = text.slice(0, PREVIEW_SOURCE_CHARS).replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > PREVIEW_CHARS || text.length > PREVIEW_SOURCE_CHARS;
  return cut ? `${oneLine.slice(0, PREVIEW_CHARS - 3)}...` : oneLine;
}

/** JSON text of plain data (a parsed body), stopped once about `budget` characters are written. */
export function jsonPreview(value: unknown, budget = PREVIEW_SOURCE_CHARS): string {
  let out = '';
  const write = (item: unknown): void => {
    if (out.length > budget) return;
    if (item === null || typeof item !== 'object') {
      out += JSON.stringify(item) ?? 'null';
      return;
    }
    const array = Array.isArray(item);
    out += array ? '[' : '{';
    let first = true;
    for (const key of Object.keys(item)) {
      if (out.length > budget) break;
      out += first ? '' : ',';
      first = false;
      if (!array) out += `${JSON.stringify(key)}:`;
      write((item as Record<string, unknown>)[key]);
    }
    out += array ? ']' : '}';
  };
  write(value);
  return out;
}
