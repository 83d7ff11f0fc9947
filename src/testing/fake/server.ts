// The fake's HTTP server on 127.0.0.1: reads each request, records it, injects the fault a rule asks
// for, checks auth and the rate limit, finds the operation and lets its handler act and answer. Faults
// "before" answer without acting; faults "after" act first, then break the answer. A latency holds
// every answer back after the fake acted, as the way back over a network would.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Raw, type Answer } from './answers.js';
import { authenticate, unauthorized, type Credentials } from './auth.js';
import type { FakeSettings } from './context.js';
import type { Injection, Picked } from './faults.js';
import { handlerFor } from './handlers.js';
import { isParams, parseBrackets } from './query.js';
import type { FakeRequest } from './records.js';
import { findRoute, type Route } from './router.js';
import type { FakeState } from './state.js';
import { HTML_502, send, sendSlowBody, sendTruncated } from './wire.js';

export interface ServerDeps {
  state(): FakeState;
  settings: FakeSettings;
  credentials: Credentials;
  requests: FakeRequest[];
  pick(request: FakeRequest): Picked | undefined;
  rateLimit(): Answer | undefined;
  slowMs: number;
  /** How long every answer waits after the fake acted (0: none). */
  latencyMs: number;
}

const BEFORE: Readonly<Partial<Record<string, Answer>>> = {
  status_500: { status: 500, body: { message: 'Internal Server Error' } },
  html_502: { status: 502, body: new Raw(HTML_502, 'text/html') },
  empty_503: { status: 503, body: new Raw('', 'text/plain') },
  status_408: { status: 408, body: new Raw('', 'text/plain') },
  rate_limited: { status: 429, body: { message: 'Too many requests' } },
  retry_after_seconds: { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '1' } },
};

export async function startServer(deps: ServerDeps): Promise<{ origin: string; close(): Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>();
  const later = (delayMs: number) => (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, delayMs);
    timers.add(timer);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const route = findRoute(req.method ?? 'GET', url.pathname);
    const request = describe(req, url, route, raw, receivedAt);
    deps.requests.push(request);
    res.on('finish', () => (request.status = res.statusCode));
    const picked = deps.pick(request);
    request.fault = picked && (typeof picked.injection === 'string' ? picked.injection : 'answer');
    const reply = deps.latencyMs > 0 ? (answer: Answer) => later(deps.latencyMs)(() => send(res, answer)) : (answer: Answer) => send(res, answer);
    play(picked?.injection, later(picked?.delayMs ?? deps.slowMs), req, res, reply, (ignorePage = false) => respond(deps, request, route, ignorePage));
  }

  const server = createServer((req, res) => {
    // A bug of the fake is a 500 that says so, not a reset that looks like a network fault.
    handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { message: `fake FirstPromoter failed: ${String(error)}`, code: 'fake_error' } }));
  });
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** `reply` sends a whole answer (after the latency, if any); slow and cut bodies write the socket themselves. */
function play(
  injection: Injection | undefined, later: (fn: () => void) => void, req: IncomingMessage, res: ServerResponse,
  reply: (answer: Answer) => void, act: (ignorePage?: boolean) => Answer,
): void {
  if (injection === undefined) return reply(act());
  if (typeof injection === 'object') {
    const { body, headers } = injection;
    return reply({ status: injection.status, headers, body: typeof body === 'string' ? new Raw(body, headers?.['content-type'] ?? 'text/plain') : body });
  }
  const before = BEFORE[injection];
  if (before) return reply(before);
  switch (injection) {
    case 'reset_before': return void req.socket.destroy();
    case 'retry_after_date':
      return reply({ status: 503, body: new Raw('', 'text/plain'), headers: { 'retry-after': new Date(Date.now() + 2_000).toUTCString() } });
    case 'slow_record': return later(() => reply(act()));
    case 'ignore_page': return reply(act(true));
    default:
  }
  const answer = act();
  switch (injection) {
    case 'reset_after': return void req.socket.destroy();
    case 'html_502_after': return reply({ status: 502, body: new Raw(HTML_502, 'text/html') });
    case 'empty_body_after': return reply({ status: answer.status, body: new Raw('', 'application/json') });
    case 'slow_headers': return later(() => reply(answer));
    case 'slow_body': return sendSlowBody(res, answer, later);
    case 'truncated_body': return sendTruncated(res, answer);
    default: return reply(answer);
  }
}

function respond(deps: ServerDeps, request: FakeRequest, route: Route | undefined, ignorePage: boolean): Answer {
  if (!route) return { status: 404, body: { message: 'Not found' } };
  const { api, operation } = route;
  const state = deps.state();
  const caller = authenticate(api, request.headers, deps.credentials, state.sessions);
  if (!caller) return unauthorized(api, operation);
  const limited = deps.rateLimit();
  if (limited) return limited;
  if (!operation) return { status: 404, body: api.name === 'v1' ? { error: 'Not found' } : { message: 'Not found', code: 'not_found' } };
  if (typeof request.body === 'string' && isJson(request.headers['content-type'])) return { status: 400, body: { message: 'The request body is not valid JSON.' } };
  const body = isParams(request.body) ? request.body : {};
  const input = api.encoding === 'json' && operation.method !== 'GET' ? body : { ...request.query, ...body };
  return handlerFor(api, operation)({ state, settings: deps.settings, api, operation, caller, pathParams: route.params, query: request.query, input, ignorePage });
}

const isJson = (type: unknown) => typeof type === 'string' && type.startsWith('application/json');

/** The request as recorded; a body that should be JSON but does not parse stays text (answered 400). */
function describe(req: IncomingMessage, url: URL, route: Route | undefined, raw: string, receivedAt: number): FakeRequest {
  const type = req.headers['content-type'];
  let body: unknown = raw === '' ? undefined : raw;
  if (raw !== '' && isJson(type)) {
    try {
      body = JSON.parse(raw);
    } catch {
      // kept as text
    }
  } else if (raw !== '' && type?.startsWith('application/x-www-form-urlencoded')) {
    body = parseBrackets(new URLSearchParams(raw));
  }
  const sent = req.url ?? '/';
  const target = route ? sent.slice(route.basePath.length) : sent;
  return {
    method: req.method ?? 'GET', receivedAt, api: route?.api.name, operationId: route?.operation?.id, target,
    query: parseBrackets(url.searchParams), headers: req.headers, body, status: undefined, fault: undefined,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
