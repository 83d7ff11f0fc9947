// `firstpromoter/redis`: a rate limit store in Redis, so many processes share one account's budget.
// It runs on your ioredis client and never loads ioredis itself (an optional peer dependency):
//   createRateLimiter({ requestsPerMinute: 400, store: createRedisStore({ client: new Redis(url) }), key: 'acct_1' })
export { createRedisStore, type RedisStoreOptions, type RedisEvalClient } from './core/redis-store.js';
export { RateLimitStoreError } from './core/store-error.js';
export { createRateLimiter, type RateLimiter, type RateLimitStore, type RateLimitOptions, type StoreChange } from './core/rate-limit.js';
