// toNodeHandler: runs a Fetch API webhook handler under node:http, Express, Fastify's raw request or
// anything with Node's (req, res). It reads the raw body itself (nothing of `node:` is imported, so
// the entry still loads on workers). Mount it before any JSON body parser: once express.json() has
// consumed the body the raw bytes are gone; express.raw() or express.text() bodies are used as they are.
import { json, type WebhookHandler } from './receive.js';

/** The parts of Node's IncomingMessage (and Express's Request) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Set by Express body parsers; a string or bytes is taken as the raw body. */
  body?: unknown;
  /** True once the body stream was read to its end (by a body parser, say). */
  readableEnded?: boolean | undefined;
}

/** The parts of Node's ServerResponse the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: Uint8Array): unknown;
}

/** `(req, res)` for node:http and Express, running `handler` on a Request built from `req`. */
export function toNodeHandler(handler: WebhookHandler): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    try {
      const request = toRequest(req);
      await send(request ? await handler(request) : bodyAlreadyRead(), res);
    } catch {
      // Only writing the answer can fail (the connection is gone): FirstPromoter sees a failed attempt
      // and retries. Not rethrown, as node:http would make it an unhandled rejection.
    }
  };
}

function bodyAlreadyRead(): Response {
  return json(500, {
    error: 'body_already_parsed',
    message: 'Something read the body before the webhook handler: mount it before express.json(), or use express.raw({ type: "application/json" }).',
  });
}

/** A Request for `req`, or undefined when its body was consumed by something else. */
function toRequest(req: NodeRequestLike): Request | undefined {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const url = new URL(req.url ?? '/', `http://${headers.get('host') ?? 'localhost'}`);
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const parsed = req.body;
  if (typeof parsed === 'string' || parsed instanceof Uint8Array) {
    headers.delete('content-length'); // a parser may have decoded the body: its own length applies
    return new Request(url, { method, headers, body: typeof parsed === 'string' ? parsed : new Uint8Array(parsed) });
  }
  if (req.readableEnded) return undefined;
  // Pulled only when the handler reads (highWaterMark 0): a body refused unread is left to Node, which
  // discards it after the answer; one refused half-read is cancelled, which destroys the request.
  const chunks = req[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : (value as Uint8Array));
    },
    async cancel() {
      await chunks.return?.();
    },
  }, { highWaterMark: 0 });
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
}

async function send(response: Response, res: NodeResponseLike): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(new Uint8Array(await response.arrayBuffer()));
}
