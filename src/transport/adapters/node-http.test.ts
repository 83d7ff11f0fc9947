// The node:http adapter: the conformance suite over real HTTP, then what only this adapter has to get
// right because fetch did it for free: keep-alive sockets that are reused, a server's keep-alive hint
// honoured, a stale reused socket told apart from a request that reached the server, no idle timer
// cutting a slow answer on a reused socket, abort listeners removed, redirects with large bodies
// dropped; and which adapter each runtime gets.
import { getEventListeners } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import * as zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { WireFailure, type TransportAdapter, type WireRequest } from '../adapter.js';
import { describeAdapterConformance } from './conformance.js';
import { startLoopbackServer } from './loopback-server.js';
import { createNodeHttpAdapter, type NodeHttpOptions } from './node-http.js';
import { defaultAdapter, envProxy, nodeProcess } from './runtime.js';

const builtins = { http: () => http, https: () => https, zlib: () => zlib };
const adapter = (options?: NodeHttpOptions) => createNodeHttpAdapter(builtins, options);

describeAdapterConformance('node:http adapter', () => adapter());

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function wire(url: string, init: Partial<WireRequest> = {}): WireRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: '{"event_id":"in_1"}', signal: new AbortController().signal, maxResponseBytes: 1024 * 1024, ...init };
}

/** An HTTP server counting its connections; `answer` writes each response. */
async function countingServer(answer: (req: http.IncomingMessage, res: http.ServerResponse, nth: number) => void) {
  let connections = 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res, ++requests));
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => connections++);
  const port = await listen(server);
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${port}/track/sale`, connections: () => connections };
}

/** A TCP server that answers the first request of each connection with a keep-alive 200, then resets the connection on the next. */
async function staleServer() {
  const server = createTcpServer((socket: Socket) => {
    let seen = 0;
    socket.on('data', () => {
      if (++seen === 1) socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}');
      else socket.resetAndDestroy();
    });
  });
  const port = await listen(server);
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${port}/track/sale`;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failureOf = (attempt: Promise<unknown>) => attempt.then(() => undefined, (error: unknown) => error);

describe('node:http adapter: keep-alive', () => {
  it('reuses one connection for calls made one after another', async () => {
    const server = await countingServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const node = adapter();
    for (let i = 0; i < 5; i++) expect((await node.send(wire(server.url))).status).toBe(200);
    expect(server.connections()).toBe(1);
  });

  it("gives up a free socket when the server's Keep-Alive hint says so, even with a longer timeout of its own", async () => {
    const server = await countingServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'keep-alive': 'timeout=2' }).end('{}'));
    const node = adapter({ freeSocketTimeoutMs: 60_000 });
    await node.send(wire(server.url));
    await pause(1_300); // the hint, less Node's one-second margin, has passed; the server still holds the socket
    await node.send(wire(server.url));
    expect(server.connections()).toBe(2);
  });

  it('reports a reset of a reused socket before any answer as never sent, and a reset of a new one as possibly sent', async () => {
    const url = await staleServer();
    const node = adapter();
    expect((await node.send(wire(url))).status).toBe(200);
    expect(await failureOf(node.send(wire(url)))).toMatchObject({ kind: 'connection', code: 'ECONNRESET', neverSent: true });
    const fresh = await startLoopbackServer({ '/reset': (req) => req.socket.resetAndDestroy() });
    closers.push(() => fresh.close());
    expect(await failureOf(adapter().send(wire(fresh.url('/reset'))))).toMatchObject({ kind: 'connection', neverSent: false });
  });

  it('lets a slow answer on a reused socket run past the free-socket timeout: only the signal times an attempt', async () => {
    const server = await countingServer((_req, res, nth) => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"n":${nth}}`), nth === 1 ? 0 : 400));
    const node = adapter({ freeSocketTimeoutMs: 100 });
    await node.send(wire(server.url));
    const slow = await node.send(wire(server.url));
    expect([slow.status, new TextDecoder().decode(slow.body), server.connections()]).toEqual([200, '{"n":2}', 1]);
  });
});

describe('node:http adapter: signals, redirects, requests it cannot send', () => {
  it('removes its abort listener when an attempt ends, however it ends', async () => {
    const server = await countingServer((req, res) => (req.url === '/hang' ? undefined : res.writeHead(200).end('{}')));
    const node = adapter();
    const controller = new AbortController();
    await node.send(wire(server.url, { signal: controller.signal }));
    await failureOf(node.send(wire('http://127.0.0.1:1/refused', { signal: controller.signal })));
    const hanging = failureOf(node.send(wire(server.url.replace('/track/sale', '/hang'), { signal: controller.signal })));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(await hanging).toMatchObject({ kind: 'aborted' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('drops the connection of a redirect whose body is large or of unknown size, without reading it', async () => {
    const server = await countingServer((_req, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/' });
      res.write(Buffer.alloc(1024 * 1024));
    });
    const response = await adapter().send(wire(server.url));
    expect([response.status, response.headers.location, response.body.byteLength]).toEqual([302, 'https://elsewhere.example/', 0]);
  });

  it.each([
    ['a URL that is not http(s)', wire('ftp://127.0.0.1/track/sale')],
    ['a header value Node refuses', wire('http://127.0.0.1:1/track/sale', { headers: { 'x-bad': 'a\nb' } })],
  ])('refuses %s as never sent, without a connection', async (_what, request) => {
    const error = await failureOf(adapter().send(request));
    expect(error).toBeInstanceOf(WireFailure);
    expect(error).toMatchObject({ kind: 'connection', neverSent: true });
  });
});

describe('which adapter a client gets', () => {
  it('is node:http on this Node, and fetch when the caller passes one', () => {
    expect(nodeProcess()).toBe(process);
    expect(defaultAdapter().name).toBe('node:http');
    expect(defaultAdapter().send).toBe(defaultAdapter().send);
    expect(defaultAdapter(async () => new Response()).name).toBe('fetch');
  });

  it.each([
    ['Bun', { process: { versions: { node: '22.6.0', bun: '1.4.5' } } }],
    ['Deno', { process: { versions: { node: '22.0.0' } }, Deno: {} }],
    ['workerd with nodejs_compat', { process: { versions: { node: '22.0.0' } }, navigator: { userAgent: 'Cloudflare-Workers' } }],
    ['a browser', { navigator: { userAgent: 'Mozilla/5.0' } }],
  ])('is not Node on %s', (_name, scope) => {
    const saved = Object.getOwnPropertyDescriptors(globalThis);
    try {
      for (const [key, value] of Object.entries({ process: undefined, ...scope })) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
      expect(nodeProcess()).toBeUndefined();
    } finally {
      for (const key of ['process', 'Deno', 'navigator']) {
        if (saved[key]) Object.defineProperty(globalThis, key, saved[key]!);
        else delete (globalThis as Record<string, unknown>)[key];
      }
    }
  });

  it.each([
    ['no opt-in: no proxy, whatever HTTPS_PROXY says', { HTTPS_PROXY: 'http://proxy:3128' }, [], true, {}],
    ['NODE_USE_ENV_PROXY=1 where agents take proxyEnv', { NODE_USE_ENV_PROXY: '1' }, [], true, 'env'],
    ['--use-env-proxy in NODE_OPTIONS', { NODE_OPTIONS: '--use-env-proxy' }, [], true, 'env'],
    ['--use-env-proxy on the command line', {}, ['--use-env-proxy'], true, 'env'],
    ['an opt-in where agents cannot take it: keep fetch', { NODE_USE_ENV_PROXY: '1' }, [], false, undefined],
  ])('proxies from the environment: %s', (_what, env, execArgv, supported, expected) => {
    const node = { versions: { node: '24.0.0' }, env, execArgv, allowedNodeEnvironmentFlags: new Set(supported ? ['--use-env-proxy'] : []) };
    expect(envProxy(node)).toEqual(expected === 'env' ? { proxyEnv: env } : expected);
  });
});

describe.runIf(process.allowedNodeEnvironmentFlags.has('--use-env-proxy'))('node:http adapter through a proxy from the environment', () => {
  it('sends through HTTP_PROXY', async () => {
    const target = await countingServer((_req, res) => res.writeHead(200).end('{}'));
    const proxied: string[] = [];
    const proxy = await countingServer((req, res) => {
      proxied.push(req.url ?? '');
      const upstream = http.request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => answer.pipe(res.writeHead(answer.statusCode ?? 502, answer.headers)));
      upstream.end();
    });
    const node: TransportAdapter = adapter({ proxyEnv: { HTTP_PROXY: proxy.url.replace('/track/sale', '') } });
    expect((await node.send(wire(target.url, { method: 'GET', body: undefined }))).status).toBe(200);
    expect(proxied).toEqual([target.url]);
  });
});
