// Writing answers to the socket, well-formed or broken on purpose: a normal answer, an HTML error page
// like a proxy's, headers with the body late, a body cut off mid-way.
import type { ServerResponse } from 'node:http';
import type { Answer } from './answers.js';
import { Raw } from './answers.js';

export const HTML_502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

function encodeAnswer(answer: Answer): { headers: Record<string, string | number>; text: string } {
  const { body } = answer;
  const [text, type] = body === undefined ? ['', undefined]
    : body instanceof Raw ? [body.text, body.type] : [JSON.stringify(body), 'application/json; charset=utf-8'];
  const headers: Record<string, string | number> = { ...(type ? { 'content-type': type } : {}), ...answer.headers, 'content-length': Buffer.byteLength(text) };
  return { headers, text };
}

export function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed || res.headersSent) return;
  const { headers, text } = encodeAnswer(answer);
  res.writeHead(answer.status, headers);
  res.end(text);
}

/** Headers now, the body `delayMs` later. */
export function sendSlowBody(res: ServerResponse, answer: Answer, later: (fn: () => void) => void): void {
  const { headers, text } = encodeAnswer(answer);
  res.writeHead(answer.status, headers);
  res.flushHeaders();
  later(() => res.end(text));
}

/** Announces the whole body, sends half of it, then cuts the connection. */
export function sendTruncated(res: ServerResponse, answer: Answer): void {
  const { headers, text } = encodeAnswer(answer);
  res.writeHead(answer.status, { ...headers, 'content-length': Buffer.byteLength(text) + 50 });
  res.write(text.slice(0, Math.ceil(text.length / 2)));
  setImmediate(() => res.socket?.destroy());
}
