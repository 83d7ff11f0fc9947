// What the client throws when the rate limit store fails (createRedisStore's Redis is down or refuses a
// script, a store of your own throws): the request it was pacing is not sent. As with ConnectionError,
// the message is our own words only, because what a store throws is not ours: an ioredis message can
// name hosts, and a redis://user:password@host URL. That value stays reachable at `error.cause.thrown()`,
// a method: printers and log serializers (util.inspect, console, pino) follow `cause` and read
// properties and getters, but call no method.
import { brand } from '../internal/brand.js';
import { FirstPromoterError, type ConnectionError } from './errors.js';

/** The cause of a RateLimitStoreError: what failed, in our words, and what the store threw behind `thrown()`. */
export class StoreFailure extends Error {
  override name = 'StoreFailure';
  readonly #thrown: unknown;

  constructor(message: string, thrown?: unknown) {
    super(message);
    this.#thrown = thrown;
  }

  /** What the store (or a limiter of your own) threw or rejected with, untouched; undefined when it threw nothing. */
  thrown(): unknown {
    return this.#thrown;
  }
}

/** The call a store failure stopped, when the client knows it: named as a ConnectionError names it (path template, attempts sent). */
export type StoppedCall = Pick<ConnectionError, 'method' | 'path' | 'attempts'>;

/**
 * The rate limit store failed, so the request waiting for it was not sent. Retrying the call is safe
 * once the store works again (for createRedisStore: Redis reachable); `error.cause.thrown()` is what
 * the store threw.
 */
export class RateLimitStoreError extends FirstPromoterError {
  override name = 'RateLimitStoreError';
  static { brand(this, 'RateLimitStoreError'); }
  declare readonly cause: StoreFailure;
  /** The call it stopped; undefined when a limiter was used on its own (`limiter.take()`). */
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Attempts of that call sent before the store failed: 0 means nothing of it was sent. */
  readonly attempts: number;

  constructor(message: string, failure: StoreFailure, call?: StoppedCall) {
    super(message, { cause: failure });
    this.method = call?.method;
    this.path = call?.path;
    this.attempts = call?.attempts ?? 0;
  }
}

/** A store failure outside any call: the limiter's own error, which the client rewrites for the call it stopped. */
export function storeFailed(failure: StoreFailure): RateLimitStoreError {
  return new RateLimitStoreError(`The rate limit store failed (${failure.message}); nothing was sent. Check the store (for createRedisStore: that Redis is reachable), then try again.`, failure);
}

/** What `thrown` tells of the store: our own failure when it is one of ours, else `thrown` behind our words `what`. */
export function toStoreFailure(thrown: unknown, what: string): StoreFailure {
  // Duck-typed past the brand: a RateLimitStoreError of the other build (ESM or CommonJS) carries that build's StoreFailure.
  if (thrown instanceof RateLimitStoreError && typeof (thrown.cause as Partial<StoreFailure> | undefined)?.thrown === 'function') return thrown.cause;
  return new StoreFailure(what, thrown);
}
