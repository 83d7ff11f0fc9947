// Download operations (CSV exports, PDF documents) answer with something other than JSON, and some of
// them answer JSON too: a 202 "queued" message instead of the file, or the HTML of a document as JSON.
// The spec lists their media types (DOWNLOADS in generated/<api>.operations.ts); for these operations
// the client asks for exactly those types (unless the call sets Accept) and reads each answer by the
// type it came with: JSON is parsed, text (CSV, HTML) is a string. A binary answer (a PDF) needs the
// call's own `parseAs` ('arrayBuffer', 'blob' or 'stream'), which openapi-fetch then types: read
// without one, it is a FirstPromoterError saying so, never bytes typed as something else.
import type { Client } from 'openapi-fetch';
import { APIError, FirstPromoterError } from '../core/errors.js';
import { errorInit, type ApiResult } from '../core/unwrap.js';
import { responseInfo } from '../internal/response-info.js';

type Send = (path: string, init?: { parseAs?: unknown; headers?: HeadersInit }) => Promise<ApiResult>;

/** Wraps the methods of `api` that have download operations; every other call goes straight through. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function readDownloadsByType<Paths extends {}>(api: Client<Paths>, downloads: Readonly<Record<string, readonly string[]>>): void {
  const methods = new Set(Object.keys(downloads).map((route) => route.split(' ')[0]!));
  const loose = api as unknown as Record<string, Send>;
  for (const method of methods) {
    const send = loose[method]!;
    loose[method] = (path, init = {}) => {
      const media = downloads[`${method} ${path}`];
      if (!media) return send(path, init);
      const headers = new Headers(init.headers);
      // Error bodies are JSON, so JSON stays acceptable even where every 2xx is a file.
      if (!headers.has('accept')) headers.set('accept', [...new Set([...media, 'application/json'])].join(', '));
      if (init.parseAs !== undefined) return send(path, { ...init, headers });
      return send(path, { ...init, headers, parseAs: 'arrayBuffer' }).then(byContentType);
    };
  }
}

const decoder = new TextDecoder();

async function byContentType(result: ApiResult): Promise<ApiResult> {
  if (!(result.data instanceof ArrayBuffer)) return result; // an error, or a 2xx without a body
  const type = result.response.headers.get('content-type') ?? '';
  if (/^text\//i.test(type)) return { ...result, data: decoder.decode(result.data) };
  if (!/[/+]json\b/i.test(type)) {
    const info = responseInfo(result.response);
    throw new FirstPromoterError(`${info?.method ?? 'GET'} ${info?.path ?? 'this call'} answered ${type.split(';')[0] || 'a body without a content type'}, ` +
      "which is binary: pass parseAs: 'arrayBuffer', 'blob' or 'stream' to read it.");
  }
  const text = decoder.decode(result.data);
  try {
    return { ...result, data: text === '' ? undefined : JSON.parse(text) };
  } catch {
    throw new APIError(errorInit(result, text), 'The body is not the JSON its content type announces (a proxy page?).');
  }
}
