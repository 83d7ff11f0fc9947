// A stand-in for FirstPromoter's tracking endpoints (and one affiliate endpoint) on 127.0.0.1, for the
// runtime matrix. It answers the way the API does (200 with the event, 409 for a known event_id, 401
// for an ended session) and keeps every request, so the runner can check what each consumer really
// sent: auth headers, JSON vs form bodies, integer amounts.
import { createServer } from 'node:http';

export async function startLoopback() {
  const requests = [];
  const seenEvents = new Set();
  let nextId = 1;

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const send = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const type = req.headers['content-type'] ?? '';
      const body = type.startsWith('application/json') ? safeJson(raw)
        : type.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : undefined;
      const tag = req.headers['account-id'] ?? String(req.headers['x-api-key'] ?? '').replace(/^v1-/, '');
      requests.push({ method: req.method, url: req.url, tag, type, headers: req.headers, body });

      if (req.method === 'POST' && req.url === '/api/v2/track/sale') {
        if (req.headers.authorization !== `Bearer key-${tag}`) return send(401, { message: 'Invalid API key' });
        if (!body || !Number.isInteger(body.amount)) return send(400, { message: 'amount must be an integer' });
        if (seenEvents.has(`v2:${body.event_id}`)) return send(409, { message: 'Event already tracked' });
        seenEvents.add(`v2:${body.event_id}`);
        return send(200, {
          id: nextId++, etype: 'sale', sale_amount: body.amount, event_id: body.event_id, created_at: new Date().toISOString(),
          referral: { id: 7, email: body.email ?? null, uid: body.uid ?? null }, commissions: [],
        });
      }
      if (req.method === 'POST' && req.url === '/api/v1/track/sale') {
        if (!req.headers['x-api-key']) return send(401, { error: 'Unauthorized' });
        if (!body || !/^\d+$/.test(body.amount ?? '')) return send(400, { error: 'amount must be digits' });
        return send(200, { id: nextId++, type: 'sale', amount_cents: Number(body.amount), lead: { id: 7, email: body.email }, promoter: { id: 3 } });
      }
      if (req.method === 'GET' && req.url === '/api/v2/affiliate/promoters/current') {
        // A session that ended: the first token is refused (empty 401), the refreshed one works.
        if (req.headers.authorization !== `Bearer fresh-${tag}`) return res.writeHead(401).end();
        return send(200, { id: 8262622, email: 'maria.lopez@example.com', name: 'Maria Lopez', promoter_campaigns: [] });
      }
      send(404, { message: `no route ${req.method} ${req.url}` });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    /** Requests a consumer made, by the tag it used as Account-ID / key suffix. */
    requestsFor: (tag) => requests.filter((r) => r.tag === tag),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
