// `--redis URL`: a rate limit store shared with every other process of the account that uses the same
// Redis, on ioredis, which is an optional peer dependency: loaded only here, only when asked for.
// The URL can hold a password, so it is never printed.
import { createRedisStore, type RedisEvalClient } from '../core/redis-store.js';
import type { RateLimitStore } from '../core/rate-limit.js';
import { UsageError } from './exit-codes.js';

/** What the store needs of an ioredis client, and what opening and closing one here needs. */
interface RedisClient extends RedisEvalClient {
  connect(): Promise<void>;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export async function openRedisStore(url: string): Promise<{ store: RateLimitStore; close: () => Promise<void> }> {
  let Redis: new (url: string, options: object) => RedisClient;
  try {
    ({ Redis } = (await import('ioredis')) as unknown as { Redis: typeof Redis });
  } catch {
    throw new UsageError('--redis needs the ioredis package installed next to firstpromoter: npm install ioredis');
  }
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  // Connection trouble surfaces as the failing call's error; the listener keeps it from being "unhandled".
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new UsageError(`Cannot connect to the Redis of --redis: ${(error as Error).message}`);
  }
  return {
    store: createRedisStore({ client }),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
