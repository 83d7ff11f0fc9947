// A rate limit store in Redis, so the processes that call FirstPromoter for one account (web servers,
// workers, a backfill) share its budget. It runs on the caller's ioredis client (`Redis` or `Cluster`):
// this module never loads ioredis itself, so only its users need the package. Each key holds one
// bucket as text; changes are compare-and-set Lua scripts, and the clock is the Redis server's, so
// processes on machines whose clocks differ still agree on the pace.
import { ValidationError } from './errors.js';
import { StoreFailure, storeFailed } from './store-error.js';
import type { RateLimitStore } from '../internal/rate-limiter.js';

/** What the store needs of an ioredis client: `eval`. */
export interface RedisEvalClient {
  eval(script: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** A connected ioredis client (`new Redis(url)`); the store never closes it. */
  client: RedisEvalClient;
  /** Prefix of the store's keys (default `firstpromoter:rate:`); the limiter's `key` follows it. */
  prefix?: string | undefined;
}

/** The state (or false) and the server's clock as [seconds, microseconds]. */
const READ = `local t = redis.call('TIME')
return {redis.call('GET', KEYS[1]) or false, t[1], t[2]}`;

/** Writes ARGV[2] (with a PX of ARGV[3] when given) if the state is still ARGV[1] ('' = none); else reads again. */
const COMPARE_AND_SET = `local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then
  local t = redis.call('TIME')
  return {0, current, t[1], t[2]}
end
if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[2]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return {1}`;

/** Rounds of losing to other writers before giving up; each round means another process wrote. */
const MAX_ROUNDS = 50;

export function createRedisStore(options: RedisStoreOptions): RateLimitStore {
  const { client, prefix = 'firstpromoter:rate:' } = options ?? {};
  if (!client || typeof client.eval !== 'function') {
    throw new ValidationError('client', 'createRedisStore needs { client }: a connected ioredis client such as new Redis(url).');
  }
  // Takes of one process go one after the other per key, so its own requests never race each other.
  const queues = new Map<string, Promise<unknown>>();

  async function run(key: string, change: Parameters<RateLimitStore['update']>[1]): Promise<unknown> {
    const redisKey = prefix + key;
    let [state, now] = snapshot(await call(() => client.eval(READ, 1, redisKey)), 0);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const next = change(state, now);
      if (next.state === undefined) return next.result;
      const ttl = next.ttlMs === undefined || !Number.isFinite(next.ttlMs) ? '' : String(Math.max(1, Math.ceil(next.ttlMs)));
      const reply = await call(() => client.eval(COMPARE_AND_SET, 1, redisKey, state ?? '', next.state as string, ttl));
      if (Array.isArray(reply) && Number(reply[0]) === 1) return next.result;
      [state, now] = snapshot(reply, 1);
    }
    throw storeFailed(new StoreFailure(`the state at ${redisKey} changed under every one of ${MAX_ROUNDS} writes`));
  }

  return {
    update(key, change) {
      const turn = (queues.get(key) ?? Promise.resolve()).then(() => run(key, change));
      const settled = turn.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return turn as Promise<never>;
    },
  };
}

/** The state and the time, in ms, from a script's reply starting at `at`. */
function snapshot(reply: unknown, at: number): [string | undefined, number] {
  if (!Array.isArray(reply)) throw storeFailed(new StoreFailure('Redis answered the rate limit script with something unexpected'));
  const state = reply[at];
  const now = Number(reply[at + 1]) * 1000 + Number(reply[at + 2]) / 1000;
  if (!Number.isFinite(now)) throw storeFailed(new StoreFailure('Redis answered the rate limit script without its clock'));
  return [typeof state === 'string' && state !== '' ? state : undefined, now];
}

async function call<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    // Not ioredis's message: it can name the host, or the redis:// URL with its password.
    throw storeFailed(new StoreFailure('Redis did not run the rate limit script: unreachable, or it refused it', error));
  }
}
