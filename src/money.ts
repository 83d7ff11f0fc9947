// `firstpromoter/money`: currency conversion helpers only, for code that prepares amounts.
export * from './core/money.js';
export { FirstPromoterError, ValidationError } from './core/errors.js';
