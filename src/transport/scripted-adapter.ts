// A scripted adapter and a request as openapi-fetch hands it over, for the attempt loop's tests (no
// HTTP). For tests only: nothing published imports this (dependency-cruiser checks it).
import type { LogEvent } from '../core/options.js';
import { CALL_OPTIONS, type RequestOptions } from '../core/request-options.js';
import { WireFailure, type TransportAdapter, type WireRequest } from './adapter.js';
import { LiteRequest } from './lite-request.js';
import { createTransport, type TransportSettings } from './transport.js';

export type Step = number | { status: number; body?: string; headers?: Record<string, string> } | Error | 'hang';

/** Backoff in single milliseconds, so retries cost no time. */
export const FAST = { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 50 };
/** A connection failure as the fetch adapter reports a reset (or, with another code, a refusal). */
export const reset = (code = 'ECONNRESET', neverSent = false) => new WireFailure('connection', 'fetch failed', { code, neverSent });

/** An adapter that plays `steps` in order (the last one repeats) and records what it was asked to send. */
export function scripted(...steps: Step[]) {
  const calls: WireRequest[] = [];
  const adapter: TransportAdapter = {
    name: 'scripted',
    async send(request) {
      calls.push(request);
      const step = steps[Math.min(calls.length, steps.length) - 1] as Step;
      if (step === 'hang') {
        return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new WireFailure('aborted', 'aborted'))));
      }
      if (step instanceof Error) throw step;
      const { status, body, headers } = typeof step === 'number' ? { status: step, body: `{"status":${step}}`, headers: {} } : step;
      return { status, statusText: '', headers: { 'content-type': 'application/json', ...headers }, body: new TextEncoder().encode(body ?? '').buffer as ArrayBuffer };
    },
  };
  return { adapter, calls };
}

/** The loop over `adapter` with maxRetries 2, a 1 s timeout and fast backoff, collecting log events. */
export function transport(adapter: TransportAdapter, options: Partial<TransportSettings> = {}) {
  const events: LogEvent[] = [];
  const send = createTransport({ maxRetries: 2, timeoutMs: 1_000, backoff: FAST, logger: (e) => events.push(e), ...options }, adapter);
  return { send, events };
}

/** A request to a promoter by id, with credentials in the headers, a secret-looking query and an email in the body. */
export function request(method: string, call?: RequestOptions, signal?: AbortSignal, body: RequestInit['body'] = '{"email":"jane@example.com"}'): LiteRequest {
  const lite = new LiteRequest('https://api.example.test/api/v2/company/promoters/42?find_by=auth_token', {
    method,
    body: method === 'GET' ? undefined : body,
    headers: { Authorization: 'Bearer sk_live_transport_test', 'Account-ID': 'acct_transport_test' },
    ...(signal ? { signal } : {}),
    ...(call ? { [CALL_OPTIONS]: call } : {}),
  });
  lite.schemaPath = '/company/promoters/{id}';
  return lite;
}

/** What the promise rejected with (undefined if it resolved). */
export const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

