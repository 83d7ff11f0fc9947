// What every entry point exports besides its own client: options, per-call and log types, tracking
// outcomes, the error classes and the money error.
export type { TransportSettings } from './client/options.js';
export type { TrackOptions } from './tracking/options.js';
export type { TrackOutcome, Tracked, NotReferral, Duplicate } from './core/outcomes.js';
export * from './core/errors.js';
export { MoneyError, type Money, type MoneyErrorCode, type CurrencyCode } from './core/money.js';
export type { LogEvent, Logger } from './internal/transport.js';
