// The public face of client-side pacing: `createRateLimiter` for a limiter several clients share, and
// how a client's `rateLimit` option becomes one. Checked here, so a bad setting is a ValidationError
// at construction rather than a request that never starts.
import { ValidationError } from './errors.js';
import { RateLimitStoreError, storeFailed, toStoreFailure } from './store-error.js';
import { createPacer, type RateLimiter, type RateLimitStore } from '../internal/rate-limiter.js';

export type { RateLimiter, RateLimitStore, StoreChange } from '../internal/rate-limiter.js';

/** FirstPromoter's documented budget: 400 requests per minute per account. */
const FIRSTPROMOTER_REQUESTS_PER_MINUTE = 400;

export interface RateLimitOptions {
  /** The budget: starts per minute, paced evenly (one every 60 000 / requestsPerMinute ms). */
  requestsPerMinute: number;
  /**
   * Starts allowed at once after a quiet spell (default 1: strictly paced). With a burst of B, any
   * window of the server sees at most its share of the budget plus B − 1.
   */
  burst?: number | undefined;
  /** Where the budget is kept: this process (default) or shared by processes, e.g. `createRedisStore` of `firstpromoter/redis`. */
  store?: RateLimitStore | undefined;
  /** The budget's name in a shared store: one key per FirstPromoter account (default `default`). */
  key?: string | undefined;
}

/** What `rateLimit` accepts: `true` for 400 a minute, a budget, or a limiter to share with other clients. */
export type RateLimitOption = boolean | RateLimitOptions | RateLimiter;

/**
 * A limiter to pass as `rateLimit` to several clients of one account, so they share its budget:
 * `const limiter = createRateLimiter({ requestsPerMinute: 400 }); createFirstPromoter({ rateLimit: limiter })`.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  if (options === null || typeof options !== 'object') {
    throw new ValidationError('rateLimit', 'createRateLimiter takes { requestsPerMinute, burst?, store?, key? }.');
  }
  const { requestsPerMinute, burst = 1, store, key = 'default' } = options;
  if (!Number.isInteger(requestsPerMinute) || requestsPerMinute < 1) {
    throw new ValidationError('rateLimit', `\`rateLimit.requestsPerMinute\` must be a positive integer, got ${String(requestsPerMinute)}.`);
  }
  if (!Number.isInteger(burst) || burst < 1 || burst > requestsPerMinute) {
    throw new ValidationError('rateLimit', `\`rateLimit.burst\` must be a whole number from 1 to requestsPerMinute, got ${String(burst)}.`);
  }
  if (store !== undefined && (store === null || typeof (store as RateLimitStore).update !== 'function')) {
    throw new ValidationError('rateLimit', '`rateLimit.store` must be a rate limit store (an object with `update`), e.g. createRedisStore(...).');
  }
  if (typeof key !== 'string' || key === '') {
    throw new ValidationError('rateLimit', '`rateLimit.key` must be a non-empty string naming the account\'s budget.');
  }
  return createPacer({ policy: { intervalMs: 60_000 / requestsPerMinute, burst }, store: store && guarded(store), key });
}

/**
 * `store` with every failure of `update` (a throw or a rejection: the take, the wake-up after a wait,
 * a 429's hold) turned into a RateLimitStoreError in our words, what it threw kept behind `thrown()`.
 */
function guarded(store: RateLimitStore): RateLimitStore {
  return {
    async update(key, change) {
      try {
        return await store.update(key, change);
      } catch (error) {
        throw error instanceof RateLimitStoreError ? error : storeFailed(toStoreFailure(error, "the store's update failed"));
      }
    },
  };
}

/** The limiter a client's `rateLimit` option stands for; undefined when pacing is off. */
export function resolveRateLimit(option: RateLimitOption | undefined): RateLimiter | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return createRateLimiter({ requestsPerMinute: FIRSTPROMOTER_REQUESTS_PER_MINUTE });
  if (option === null || typeof option !== 'object') {
    throw new ValidationError('rateLimit', '`rateLimit` must be true, false, { requestsPerMinute: number } or a limiter from createRateLimiter.');
  }
  if (isRateLimiter(option)) return option;
  return createRateLimiter(option);
}

function isRateLimiter(value: object): value is RateLimiter {
  return typeof (value as RateLimiter).take === 'function';
}
