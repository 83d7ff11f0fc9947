// Proxies from the environment, on the Node running this: a forwarding proxy and a fake FirstPromoter
// on loopback, then a tracking call from a child Node that opted in (NODE_USE_ENV_PROXY=1, HTTP_PROXY).
// Where Node's agents take `proxyEnv` (22 and 24) the call must go through the proxy on node:http; on
// Node 20 (no proxy support in Node at all) it goes direct on fetch. NO_PROXY must send it direct.
// Usage: node proxy/env-proxy.mjs proxied|direct
import { execFile } from 'node:child_process';
import { createServer, request } from 'node:http';
import { promisify } from 'node:util';
import { startFakeFirstPromoter } from 'firstpromoter/testing';

const expected = process.argv[2];
if (expected !== 'proxied' && expected !== 'direct') throw new Error('usage: env-proxy.mjs proxied|direct');

const fake = await startFakeFirstPromoter({ apiKey: 'proxy-key', accountId: 'proxy-account', referrals: [{ email: 'ada@example.com' }] });
const forwarded = [];
const proxy = createServer((req, res) => {
  forwarded.push(req.url);
  const upstream = request(req.url, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;

const sale = (eventId) => `const { createTracking } = await import('firstpromoter/track');
const fp = createTracking({ apiKey: 'proxy-key', accountId: 'proxy-account', baseUrl: ${JSON.stringify(fake.v2BaseUrl)}, maxRetries: 0, timeoutMs: 10000 });
const result = await fp.track.sale({ email: 'ada@example.com', event_id: '${eventId}', amount: 1999 });
process.stdout.write(result.outcome);`;
const child = (eventId, env) => promisify(execFile)(process.execPath, ['--input-type=module', '-e', sale(eventId)], { env: { PATH: process.env.PATH, NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxyUrl, ...env } });

const problems = [];
try {
  const through = await child('in_proxy_1', {});
  const agent = fake.requests.at(-1)?.headers['user-agent'] ?? '';
  const wantedAdapter = expected === 'proxied' ? '(node:http)' : '(fetch)';
  if (through.stdout !== 'tracked') problems.push(`opted in: outcome ${through.stdout}`);
  if ((forwarded.length === 1) !== (expected === 'proxied')) problems.push(`opted in: the proxy forwarded ${forwarded.length} request(s), expected ${expected}`);
  if (!agent.endsWith(wantedAdapter)) problems.push(`opted in: User-Agent ${agent}, expected ${wantedAdapter}`);

  forwarded.length = 0;
  const bypassed = await child('in_proxy_2', { NO_PROXY: '127.0.0.1' });
  if (bypassed.stdout !== 'tracked' || forwarded.length !== 0) problems.push(`NO_PROXY: outcome ${bypassed.stdout}, forwarded ${forwarded.length}`);
} finally {
  proxy.close();
  await fake.close();
}
if (problems.length > 0) throw new Error(problems.join('; '));
console.log(`RESULT ${JSON.stringify({ proxy: expected })}`);
