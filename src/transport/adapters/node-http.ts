// The wire through Node's own http and https modules: the default on Node, where fetch costs two to
// three times the wire per call and 25-50 ms to load (bench/RESULTS.md). It does what fetch did for free:
// - One timer: the attempt's signal (the loop's timeout or the caller) covers connect, headers and body.
//   No socket timeout serves as the request's: it is an idle timer, and on a reused socket the agent
//   has set it to the server's keep-alive hint (Node issue 53458).
// - The signal destroys the request at once; its listener is removed when the attempt ends.
// - Keep-alive agents with a free-socket timeout, so a server's shorter `Keep-Alive: timeout=N` is
//   honoured and no socket is kept past it; an ECONNRESET or EPIPE on a reused socket before any
//   answer is a stale socket the server had closed: the request never reached it (`neverSent`).
// - Redirects are handed back, never followed: a small declared body is drained (the socket stays
//   usable), any other is dropped with its connection.
// - gzip, deflate and br decoded while counted against maxResponseBytes; a body cut short fails
//   (./node-body.ts). A User-Agent and an Accept-Encoding when the request has none, as fetch sends.
// The modules come from the caller (./runtime.ts loads them with process.getBuiltinModule on first use
// of each protocol), never from a static import: see runtime.ts for why.
import type * as Http from 'node:http';
import { declaredOverLimit, exactBuffer, tooLarge, WireFailure, type TransportAdapter, type WireHeaders, type WireRequest, type WireResponse } from '../adapter.js';
import { codeOf, readNodeBody, type Decoders } from './node-body.js';

type HttpModule = Pick<typeof Http, 'request' | 'Agent'>;

/** The built-ins the adapter needs, each asked for on first use. */
export interface NodeBuiltins {
  http(): HttpModule;
  https(): HttpModule;
  zlib(): Decoders;
}

export interface NodeHttpOptions {
  /** How long a free keep-alive socket is kept (default 5 s, as Node's own agents); a server's shorter hint wins. */
  freeSocketTimeoutMs?: number;
  /** Where the agents read HTTP_PROXY, HTTPS_PROXY and NO_PROXY, when the process opted in to them (runtime.ts). */
  proxyEnv?: Record<string, string | undefined> | undefined;
}

const EMPTY = new ArrayBuffer(0);
/** A redirect's body is drained, keeping the socket, only when it declares at most this much. */
const DRAINED_REDIRECT_BYTES = 64 * 1024;
/** What a reused socket the server had already closed reports when written to. */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE']);

export function createNodeHttpAdapter(builtins: NodeBuiltins, options: NodeHttpOptions = {}): TransportAdapter {
  const agents: Partial<Record<'http' | 'https', Http.Agent>> = {};
  const agentOptions = { keepAlive: true, scheduling: 'lifo' as const, timeout: options.freeSocketTimeoutMs ?? 5_000, ...(options.proxyEnv ? { proxyEnv: options.proxyEnv } : {}) };
  const connect = (scheme: 'http' | 'https') => {
    const module = builtins[scheme]();
    return { module, agent: (agents[scheme] ??= new module.Agent(agentOptions)) };
  };
  return {
    name: 'node:http',
    send(request) {
      const secure = request.url.startsWith('https:');
      if (!secure && !request.url.startsWith('http:')) return Promise.reject(new WireFailure('connection', 'only http and https URLs can be sent', { neverSent: true }));
      return send(request, connect(secure ? 'https' : 'http'), builtins.zlib);
    },
  };
}

function send(request: WireRequest, { module, agent }: { module: HttpModule; agent: Http.Agent }, zlib: () => Decoders): Promise<WireResponse> {
  const { method, body, maxResponseBytes } = request;
  const headers: Record<string, string> = { 'user-agent': 'node', 'accept-encoding': 'gzip, deflate, br', ...request.headers };
  if (body !== undefined) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);

  return new Promise((resolve, reject) => {
    let req: Http.ClientRequest | undefined;
    let settled = false;
    let unsubscribe: () => void = () => undefined;
    const settle = () => {
      if (settled) return false;
      settled = true;
      unsubscribe();
      return true;
    };
    const fail = (failure: WireFailure) => {
      if (!settle()) return;
      req?.destroy();
      reject(failure);
    };
    const done = (response: WireResponse) => {
      if (settle()) resolve(response);
    };
    unsubscribe = onStop(request, () => fail(aborted()));
    if (settled) return;

    let answered = false;
    try {
      req = module.request(request.url, { method, headers, agent });
    } catch (error) {
      // A URL or header Node refuses: nothing was sent.
      return fail(new WireFailure('connection', 'the request could not be sent', { code: codeOf(error), neverSent: true, thrown: error }));
    }
    const sent = req;
    sent.on('error', (error) => {
      const code = codeOf(error);
      const stale = !answered && sent.reusedSocket && STALE_SOCKET.has(code ?? '');
      fail(new WireFailure('connection', 'the connection failed', { code, neverSent: stale, thrown: error }));
    });
    sent.on('response', (res) => {
      answered = true;
      const status = res.statusCode ?? 0;
      const answer = (bytes: ArrayBuffer): WireResponse => ({ status, statusText: res.statusMessage ?? '', headers: plainHeaders(res.headers), body: bytes });
      if (status >= 300 && status < 400) {
        if (Number(res.headers['content-length'] ?? Number.NaN) <= DRAINED_REDIRECT_BYTES) {
          res.on('close', () => done(answer(EMPTY))).resume();
        } else {
          res.destroy();
          done(answer(EMPTY));
        }
        return;
      }
      if (status === 204 || status === 304 || method === 'HEAD') {
        res.resume();
        return done(answer(EMPTY));
      }
      if (declaredOverLimit(res.headers['content-length'], res.headers['content-encoding'], maxResponseBytes)) return fail(tooLarge(maxResponseBytes, status));
      readNodeBody(res, maxResponseBytes, zlib, (bytes) => done(answer(exactBuffer(bytes))), fail);
    });
    sent.end(body);
  });
}

/** Listens to the attempt's stop: `onStop` when the loop gives it (no AbortSignal built), else the signal. */
function onStop(request: WireRequest, listener: () => void): () => void {
  if (request.onStop) return request.onStop(listener);
  const { signal } = request;
  if (signal.aborted) {
    listener();
    return () => undefined;
  }
  signal.addEventListener('abort', listener);
  return () => signal.removeEventListener('abort', listener);
}

function aborted(): WireFailure {
  return new WireFailure('aborted', 'the attempt was aborted');
}

/** Node's headers, with the one name it keeps as a list (Set-Cookie) joined like every other. */
function plainHeaders(raw: Http.IncomingHttpHeaders): WireHeaders {
  const cookies = raw['set-cookie'];
  if (cookies !== undefined) (raw as Record<string, unknown>)['set-cookie'] = cookies.join(', ');
  return raw as WireHeaders;
}
