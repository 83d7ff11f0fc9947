// `firstpromoter/money`: currency conversion helpers only, for code that prepares amounts.
export { toMinorUnits, fromMinorUnits, formatMoney, MINOR_UNIT_DIGITS, MoneyError, type Money, type MoneyErrorCode, type CurrencyCode } from './core/money.js';
export { FirstPromoterError, ValidationError } from './core/errors.js';
