// Loggers that fail in every way a logger can: async ones that reject (the case that crashed the
// process), sync ones that throw, thenables whose `then` throws, promises that never settle, a Proxy
// whose call traps throw, loggers that scribble on the event. None may fail, delay or change the call
// it describes, on a plain answer, across a retry, or on the final failure; none may leave an
// unhandled rejection behind.
import { expect } from 'vitest';
import { ConnectionError, type LogEvent } from '../../src/index.js';
import { CANARY } from '../support/canary.js';
import { attack, outcomeOf, type CaseContext } from './kit.js';

const GROUP = 'loggers';
const boom = () => new Error(`logger failed ${CANARY.apiKey}`);

const loggers: Array<[string, () => (event: LogEvent) => unknown]> = [
  ['an async logger that rejects', () => async () => { throw boom(); }],
  ['a logger returning a rejected promise', () => () => Promise.reject(boom())],
  ['a logger rejecting with a non-Error', () => () => Promise.reject(`rejected ${CANARY.accountId}`)],
  ['a sync logger that throws', () => () => { throw boom(); }],
  ['a logger returning a thenable whose then throws', () => () => ({ then() { throw boom(); } })],
  ['a logger returning a promise that never settles', () => () => new Promise(() => undefined)],
  ['a Proxy whose call trap throws', () => new Proxy(() => undefined, { apply() { throw boom(); } })],
  ['a logger that scribbles on the event and fails later', () => (event) => {
    Object.assign(event, { path: CANARY.apiKey, attempt: -1 });
    return new Promise((_, reject) => setTimeout(() => reject(boom()), 5));
  }],
];

type Script = Array<number | 'reset'>;
const scenarios: Array<[string, Script, (error: unknown, value: unknown) => void]> = [
  ['a plain answer', [200], (error, value) => expect([error, (value as { outcome?: string })?.outcome]).toEqual([undefined, 'tracked'])],
  ['a retry then an answer', [503, 200], (error, value) => expect([error, (value as { attempts?: number })?.attempts]).toEqual([undefined, 2])],
  ['the final failure', ['reset', 'reset'], (error) => expect(error).toBeInstanceOf(ConnectionError)],
];

function scriptedFetch(script: Script): typeof fetch {
  let call = 0;
  return (async () => {
    const step = script[Math.min(call++, script.length - 1)] as number | 'reset';
    if (step === 'reset') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return new Response(JSON.stringify({ id: 1, event_id: 'in_1' }), { status: step, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** Unhandled rejections seen while `run` runs and for a short while after (a logger may reject late). */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 30));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

for (const [label, makeLogger] of loggers) {
  for (const [scenario, script, check] of scenarios) {
    attack(GROUP, `${label}, on ${scenario}`, async (context: CaseContext) => {
      const seen: LogEvent[] = [];
      const logger = makeLogger();
      const watched = (event: LogEvent) => {
        seen.push({ ...event });
        context.leaks.logger({ ...event });
        return logger(event);
      };
      const { v2 } = context.offline({ fetch: scriptedFetch(script), maxRetries: 1, logger: watched as (event: LogEvent) => void });
      const unhandled = await unhandledDuring(async () => {
        const { value, error } = await outcomeOf(() => v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }));
        if (error !== undefined) context.leaks.error('call', error);
        check(error, value);
      });
      expect(unhandled).toEqual([]);
      expect(seen.map((event) => event.type)).toEqual(script.length === 1 ? ['response'] : script[1] === 200 ? ['retry', 'response'] : ['retry', 'failure']);
      expect(seen.every((event) => event.path === '/track/sale' && event.attempt >= 1), 'a scribbling logger changes only its own copy').toBe(true);
    });
  }
}
