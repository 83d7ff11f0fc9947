// A local stand-in for FirstPromoter's tracking API on 127.0.0.1 that misbehaves on purpose. It speaks
// both wire formats (v2: JSON + Bearer + Account-ID; v1: form + X-API-KEY), dedupes sales and refunds
// by event_id like the real API (200 the first time, 409 after), and injects one fault into a share of
// the requests it gets: resets before and after recording, 5xx, 429 with and without Retry-After, slow
// answers, truncated and empty bodies, HTML pages.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = [
  'reset_before', 'reset_after', 'status_500', 'html_502', 'html_502_after', 'empty_503', 'status_408',
  'rate_limited', 'retry_after_seconds', 'retry_after_date', 'slow_headers', 'slow_record', 'slow_body',
  'truncated_body', 'empty_body_after',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultServerOptions {
  /** Share of requests that get a fault (0–1). */
  faultRate: number;
  /** Seed of the fault draw, printed by the suite so a failure can be replayed. */
  seed: number;
  /** How late a slow answer comes; above the client's timeout. */
  slowMs: number;
  credentials: { v2ApiKey: string; accountId: string; v1ApiKey: string };
}

export interface RecordedEvent {
  version: 'v1' | 'v2';
  kind: 'sale' | 'refund';
  eventId: string;
  email: string;
  amount: number;
  currency: string | undefined;
}

export interface FaultServer {
  url: string;
  /** Every event the server recorded, in order. Dedupe makes a repeat impossible per event_id. */
  records: RecordedEvent[];
  requests: number;
  faulted: number;
  faultCounts: Record<Fault, number>;
  close(): Promise<void>;
}

const ROUTE = /^\/api\/(v1|v2)\/track\/(sale|refund)$/;
const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** mulberry32: small, seedable, good enough to pick faults. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const draw = random(options.seed);
  const seen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const state: FaultServer = {
    url: '',
    records: [],
    requests: 0,
    faulted: 0,
    faultCounts: Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const later = (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, options.slowMs);
    timers.add(timer);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = ROUTE.exec(req.url ?? '');
    if (!route || req.method !== 'POST') return send(res, 404, { message: 'Not found' });
    const [, version, kind] = route as unknown as [string, 'v1' | 'v2', 'sale' | 'refund'];
    state.requests++;
    const fault = draw() < options.faultRate ? FAULTS[Math.floor(draw() * FAULTS.length)] : undefined;
    if (fault) {
      state.faulted++;
      state.faultCounts[fault]++;
    }
    if (fault === 'reset_before') return void req.socket.destroy();
    const raw = await readBody(req);
    if (!authorized(req, version, options.credentials)) return send(res, 401, version === 'v1' ? '"Unauthorized"' : undefined);
    const event = parseEvent(version, kind, req.headers['content-type'], raw);
    if (!event) return send(res, 400, { message: 'Error. Amount blank or invalid.' });

    switch (fault) {
      case 'status_500': return send(res, 500, { message: 'Internal Server Error' });
      case 'html_502': return send(res, 502, HTML, 'text/html');
      case 'empty_503': return send(res, 503, '', 'text/plain');
      case 'status_408': return send(res, 408, '', 'text/plain');
      case 'rate_limited': return send(res, 429, { message: 'Too many requests' });
      case 'retry_after_seconds': return send(res, 429, { message: 'Too many requests' }, 'application/json', { 'retry-after': '1' });
      case 'retry_after_date':
        return send(res, 503, '', 'text/plain', { 'retry-after': new Date(Date.now() + 2_000).toUTCString() });
      case 'slow_record': return later(() => answer(res, record(event)));
      default:
    }
    const [status, body] = record(event);
    switch (fault) {
      case 'reset_after': return void req.socket.destroy();
      case 'html_502_after': return send(res, 502, HTML, 'text/html');
      case 'empty_body_after': return send(res, status, '', 'application/json');
      case 'slow_headers': return later(() => answer(res, [status, body]));
      case 'slow_body': {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.flushHeaders();
        return later(() => res.end(text));
      }
      case 'truncated_body': {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) + 50 });
        res.write(text.slice(0, Math.ceil(text.length / 2)));
        return void setImmediate(() => req.socket.destroy());
      }
      default: return answer(res, [status, body]);
    }
  }

  /** Records the event unless its event_id is known: FirstPromoter's dedupe, 200 or 409. */
  function record(event: RecordedEvent): [number, unknown] {
    const key = `${event.kind}:${event.eventId}`;
    if (seen.has(key)) return [409, { message: `The '${event.kind}' event with the id '${event.eventId}' already exists.` }];
    seen.add(key);
    state.records.push(event);
    const id = state.records.length;
    const signed = event.kind === 'refund' ? -event.amount : event.amount;
    if (event.version === 'v2' && event.kind === 'sale') {
      return [200, {
        id, etype: 'sale', sale_amount: signed, original_sale_amount: null, original_sale_currency: null, event_id: event.eventId,
        plan_id: null, billing_period: null, created_at: new Date().toISOString(), referral: { id: 7, email: event.email, uid: null }, commissions: [],
      }];
    }
    return [200, { id, type: event.kind, amount_cents: signed, reward: null, lead: { id: 7, email: event.email }, promoter: { id: 3, email: 'promoter@example.com' } }];
  }

  function answer(res: ServerResponse, [status, body]: [number, unknown]): void {
    send(res, status, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function authorized(req: IncomingMessage, version: 'v1' | 'v2', keys: FaultServerOptions['credentials']): boolean {
  if (version === 'v1') return req.headers['x-api-key'] === keys.v1ApiKey;
  return req.headers.authorization === `Bearer ${keys.v2ApiKey}` && req.headers['account-id'] === keys.accountId;
}

/** The body as each version sends it: v2 JSON with integer amounts, v1 form with amounts as digit strings. */
function parseEvent(version: 'v1' | 'v2', kind: 'sale' | 'refund', type: string | undefined, raw: string): RecordedEvent | undefined {
  let fields: Record<string, unknown>;
  if (version === 'v2') {
    if (!type?.startsWith('application/json')) return undefined;
    try {
      fields = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (!Number.isInteger(fields.amount)) return undefined;
  } else {
    if (!type?.startsWith('application/x-www-form-urlencoded')) return undefined;
    fields = Object.fromEntries(new URLSearchParams(raw));
    if (typeof fields.amount !== 'string' || !/^\d+$/.test(fields.amount)) return undefined;
  }
  const { event_id: eventId, email, amount, currency } = fields;
  if (typeof eventId !== 'string' || eventId === '' || typeof email !== 'string') return undefined;
  return { version, kind, eventId, email, amount: Number(amount), currency: typeof currency === 'string' ? currency : undefined };
}
