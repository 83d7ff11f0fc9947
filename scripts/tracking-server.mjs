// A small stateful stand-in for FirstPromoter's tracking endpoints on loopback, for the CLI tests and
// the backfill benchmark (until the testing kit's fake replaces it: it only needs `url`, `v1Url` and
// the counters below). v2 (`/api/v2/track/*`, Bearer + Account-ID, JSON) and v1 (`/api/v1/track/*`,
// X-API-KEY, forms) record each event once, as FirstPromoter does: a second sale or refund with a known
// event_id is 409, a second signup 422, an email ending in @not-referred.test is not a referral. On top:
// scripted faults per request, a latency, a request budget over a sliding window (429 past it), and two
// lists for `firstpromoter list`. Run directly (`node scripts/tracking-server.mjs '{"budget":…}'`) it
// prints its port and exits when stdin closes, so a benchmark can keep it in its own process.
// @ts-check
import { createServer } from 'node:http';

/**
 * A fault for one request: cut the connection before recording it, or after (the answer is lost), or a status.
 * @typedef {'reset-before' | 'reset-after' | 500 | 503 | 429} Fault
 * @typedef {{ index: number, key: string, api: string }} FaultContext
 * @typedef {{
 *   budget?: { requests: number, windowMs: number },
 *   latencyMs?: number,
 *   fault?: (context: FaultContext) => Fault | undefined,
 *   retryAfter?: string,
 *   promoters?: number,
 * }} ServerOptions
 * @typedef {(status: number, body: unknown, headers?: Record<string, string>) => void} Reply
 */

/** @param {ServerOptions} [options] */
export async function startTrackingServer(options = {}) {
  /** Requests per event key (`sale:in_1`), faulted ones included. */
  const received = new Map();
  /** Times each event was recorded; FirstPromoter's dedupe keeps it at 1. */
  const recorded = new Map();
  /** Arrival times (ms) of the tracking requests that were answered 2xx/409/422, for rates. */
  /** @type {number[]} */
  const accepted = [];
  /** @type {number[]} */
  const arrivals = [];
  let rateLimited = 0;
  let index = 0;

  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      /** @type {Reply} */
      const reply = (status, body, headers = {}) => {
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(body === undefined ? undefined : JSON.stringify(body));
        };
        if (options.latencyMs) setTimeout(send, options.latencyMs);
        else send();
      };
      const [, api = '', ...rest] = url.pathname.split('/').filter(Boolean);
      const route = rest.join('/');
      if (!authorized(api, req.headers)) return reply(401, undefined);
      if (route.startsWith('track/')) return track(api, route.slice('track/'.length), parseBody(api, text), reply, req);
      if (api === 'v2' && req.method === 'GET') return company(route, url.searchParams, reply);
      return reply(404, { message: 'no such route' });
    });
  });

  /**
   * @param {string} api @param {string} type @param {Record<string, any>} body
   * @param {Reply} reply @param {import('node:http').IncomingMessage} req
   */
  function track(api, type, body, reply, req) {
    const now = performance.now();
    // Keys name the API too: a v1 and a v2 event with one event_id are two events here.
    const key = `${api}:${type}:${type === 'signup' || type === 'cancellation' ? body.event_id ?? body.email ?? body.uid : body.event_id}`;
    received.set(key, (received.get(key) ?? 0) + 1);
    if (options.budget) {
      const { requests, windowMs } = options.budget;
      while (arrivals.length > 0 && /** @type {number} */ (arrivals[0]) <= now - windowMs) arrivals.shift();
      if (arrivals.length >= requests) {
        rateLimited++;
        return reply(429, { message: 'Too many requests' }, options.retryAfter ? { 'retry-after': options.retryAfter } : {});
      }
      arrivals.push(now);
    }
    const fault = options.fault?.({ index: index++, key, api });
    if (fault === 'reset-before') return req.socket.destroy();
    if (typeof fault === 'number') return reply(fault, { message: `injected ${fault}` }, fault === 429 && options.retryAfter ? { 'retry-after': options.retryAfter } : {});
    const problem = invalid(api, type, body);
    if (problem) return reply(400, { message: problem });
    accepted.push(now);
    if (String(body.email ?? '').endsWith('@not-referred.test') && (type === 'sale' || type === 'refund')) {
      // v2 sales say 404 not_found; v2 refunds and every v1 call say 204.
      return api === 'v2' && type === 'sale' ? reply(404, { message: 'Referral not found', code: 'not_found' }) : reply(204, undefined);
    }
    if (recorded.has(key) && type !== 'cancellation') {
      return type === 'signup' ? reply(422, { transaction_id: 'there is already a signup event registered on this lead' }) : reply(409, { message: `The '${type}' event with the id '${body.event_id}' already exists.` });
    }
    recorded.set(key, (recorded.get(key) ?? 0) + 1);
    if (fault === 'reset-after') return req.socket.destroy();
    reply(200, event(api, type, body));
  }

  /** @param {string} route @param {URLSearchParams} query @param {Reply} reply */
  function company(route, query, reply) {
    const total = options.promoters ?? 0;
    const page = Number(query.get('page') ?? 1);
    const perPage = Number(query.get('per_page') ?? 20);
    const rows = Array.from({ length: total }, (_, i) => ({ id: i + 1, email: `promoter${i + 1}@example.com`, state: query.get('filters[state]') ?? 'accepted' }))
      .slice((page - 1) * perPage, page * perPage);
    if (route === 'company/promoters') return reply(200, { data: rows, meta: { pending_count: 0 } });
    if (route === 'company/referrals') return reply(200, rows.map((row) => ({ id: row.id, email: row.email, state: 'active' })));
    const promoter = /^company\/promoters\/([^/]+)$/.exec(route);
    if (promoter) {
      const id = decodeURIComponent(String(promoter[1]));
      return reply(200, { id: Number(id) || 1, requested: id, find_by: query.get('find_by') });
    }
    return reply(404, { message: 'not found' });
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    url: `${origin}/api/v2`,
    v1Url: `${origin}/api/v1`,
    received,
    recorded,
    accepted,
    get rateLimited() {
      return rateLimited;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    }),
  };
}

/** @param {string} api @param {import('node:http').IncomingHttpHeaders} headers */
function authorized(api, headers) {
  if (api === 'v1') return typeof headers['x-api-key'] === 'string';
  return /^Bearer \S+$/.test(String(headers.authorization ?? '')) && typeof headers['account-id'] === 'string';
}

/** @param {string} api @param {string} text @returns {Record<string, any>} */
function parseBody(api, text) {
  if (api === 'v1') return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}

/** What FirstPromoter would refuse with 400: the checks the client makes first, so a 400 here is a client bug. */
/** @param {string} api @param {string} type @param {Record<string, any>} body */
function invalid(api, type, body) {
  if (!body.email && !body.uid) return 'Error. Email and uid can not be blank!';
  if (type !== 'sale' && type !== 'refund') return undefined;
  const amount = api === 'v1' ? /^\d+$/.test(String(body.amount)) : Number.isInteger(body.amount);
  return amount && body.event_id ? undefined : 'Error. Amount blank or invalid.';
}

/** @param {string} api @param {string} type @param {Record<string, any>} body */
function event(api, type, body) {
  if (api === 'v2' && (type === 'sale' || type === 'signup')) {
    return { id: 1, etype: type, sale_amount: body.amount ?? null, event_id: body.event_id ?? null, created_at: '2025-04-25T09:39:42.289Z', referral: { id: 2, email: body.email ?? null, uid: body.uid ?? null }, commissions: [] };
  }
  return { id: 1, type, amount_cents: body.amount ? -Number(body.amount) : null, reward: null, lead: { id: 2, state: type, email: body.email ?? null, uid: body.uid ?? null }, promoter: { id: 3 } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startTrackingServer(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(`${server.port}\n`);
  process.stdin.on('data', (chunk) => {
    // `stats` on stdin: the counters the benchmark reads, as one JSON line.
    if (String(chunk).includes('stats')) {
      process.stdout.write(`${JSON.stringify({ accepted: server.accepted, rateLimited: server.rateLimited, recorded: server.recorded.size })}\n`);
    }
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
