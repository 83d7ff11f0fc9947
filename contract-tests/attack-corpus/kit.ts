// The attack corpus's shared case runner. Each class file (paths, encoder, headers, money, responses,
// foreign errors, logger, environment, signals) adds cases with `attack()` or one of its shapes:
// `refused` (a typed error naming the field, nothing sent, nothing leaked), `onTheWire` (the exact
// request target and body a real loopback server received). Every case also hands what it produced
// (errors, log events, inspected clients) to a leak collector, scanned for canaries when the case ends.
// `runCorpus()` makes one vitest test per case and prints `attack-corpus: cases=<n> failed=<n>` once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstPromoter, FirstPromoterError, ValidationError, type FirstPromoterOptions } from '../../src/index.js';
import { createFirstPromoterV1, type FirstPromoterV1Options } from '../../src/v1.js';
import { startLoopbackServer, type LoopbackServer, type ReceivedRequest, type Route } from '../../src/transport/adapters/loopback-server.js';
import { CANARY } from '../support/canary.js';
import { LeakCollector } from '../support/leak-scan.js';

export interface CaseContext {
  /** Everything the case produced goes here; scanned when the case ends. */
  leaks: LeakCollector;
  /** Requests a counting fetch was asked to send (refusal cases: must stay 0). */
  attempts: string[];
  /** Clients with the canary credentials, a counting fetch (nothing leaves the process) and the collector's logger. */
  offline(options?: Partial<FirstPromoterOptions>): { v2: ReturnType<typeof createFirstPromoter>; v1: ReturnType<typeof createFirstPromoterV1> };
  /** Clients with the canary credentials against the corpus's loopback server, under `prefix`. */
  online(prefix: string, options?: Partial<FirstPromoterOptions & FirstPromoterV1Options>): { v2: ReturnType<typeof createFirstPromoter>; v1: ReturnType<typeof createFirstPromoterV1> };
  server: LoopbackServer;
}

interface AttackCase {
  group: string;
  name: string;
  run(context: CaseContext): Promise<void> | void;
}

const cases: AttackCase[] = [];
/** Routes of the shared loopback server, registered by the class files before it starts. */
export const routes: Record<string, Route> = {};

export function attack(group: string, name: string, run: AttackCase['run']): void {
  cases.push({ group, name, run });
}

/** What a call ended with: its value, or what it threw (or rejected with). */
export async function outcomeOf(call: () => unknown): Promise<{ value?: unknown; error?: unknown }> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

interface Refusal {
  /** The field the ValidationError must name (or whatever `type` carries in `field`). */
  field: string;
  /** A subclass the error must be (MoneyError for money); ValidationError by default. */
  type?: abstract new (...args: never[]) => Error;
}

/** `call` fails with a typed error naming `field`, before anything is sent. */
export function refused(group: string, name: string, call: (context: CaseContext) => unknown, { field, type = ValidationError }: Refusal): void {
  attack(group, name, async (context) => {
    const { error } = await outcomeOf(() => call(context));
    context.leaks.error(name, error);
    expect(error, 'a typed error').toBeInstanceOf(type);
    expect(error).toBeInstanceOf(FirstPromoterError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as Error).message).toMatch(/^\S.{15,}[.)]$/s);
    expect(context.attempts, 'requests sent').toEqual([]);
    expect(context.server.received.length, 'requests that reached the server').toBe(receivedBefore);
  });
}

/** `call` reaches the loopback server with exactly this request target (and body, when given). */
export function onTheWire(group: string, name: string, call: (context: CaseContext) => unknown, expected: { target: string; body?: string; headers?: Record<string, string> }): void {
  attack(group, name, async (context) => {
    const { error } = await outcomeOf(() => call(context));
    if (error !== undefined) context.leaks.error(name, error);
    const sent = context.server.received.slice(receivedBefore);
    expect(sent.map((request) => request.path)).toEqual([expected.target]);
    const [request] = sent as [ReceivedRequest];
    if (expected.body !== undefined) expect(request.body.toString('utf8')).toBe(expected.body);
    if (expected.headers) expect(request.headers).toMatchObject(expected.headers);
  });
}

let receivedBefore = 0;

export function runCorpus(): void {
  let server: LoopbackServer;
  let ran = 0;
  let failed = 0;

  beforeAll(async () => {
    server = await startLoopbackServer(routes);
  });
  afterAll(async () => {
    await server?.close();
    console.log(`attack-corpus: cases=${ran} failed=${failed}`);
  });

  const groups = [...new Set(cases.map((c) => c.group))];
  for (const group of groups) {
    describe(group, () => {
      for (const { name, run } of cases.filter((c) => c.group === group)) {
        it(name, async () => {
          ran++;
          const leaks = new LeakCollector();
          const attempts: string[] = [];
          const counting: typeof fetch = async (input) => {
            attempts.push(String(input));
            return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
          };
          const common = { maxRetries: 0, logger: leaks.logger, backoff: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5 } };
          const context: CaseContext = {
            leaks,
            attempts,
            server,
            offline: (options = {}) => clients({ ...common, fetch: counting, baseUrl: 'http://127.0.0.1:9/api', ...options }),
            online: (prefix, options = {}) => clients({ ...common, baseUrl: server.url(prefix), ...options }),
          };
          receivedBefore = server.received.length;
          try {
            await run(context);
            expect(leaks.size, 'the case collected what it produced').toBeGreaterThan(0);
            expect(leaks.hits()).toEqual([]);
          } catch (error) {
            failed++;
            throw error;
          }
        });
      }
    });
  }
}

function clients(options: FirstPromoterOptions) {
  return {
    v2: createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, ...options }),
    v1: createFirstPromoterV1({ apiKey: CANARY.v1ApiKey, ...options }),
  };
}

/** Number of cases registered so far (the test file checks the corpus is as large as promised). */
export function caseCount(): number {
  return cases.length;
}
