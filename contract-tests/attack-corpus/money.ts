// Currency codes that only Unicode case mapping turns into real ones ("uſd" → USD, "ınr" → INR) and
// other look-alikes: unknown currencies (MoneyError, nothing sent), on the helpers and on tracking.
import { MoneyError, toMinorUnits } from '../../src/index.js';
import { onTheWire, refused } from './kit.js';

const GROUP = 'money';

const lookAlikes: Array<[string, string]> = [
  ['long s (ſ → S)', 'uſd'], ['dotless i (ı → I)', 'ınr'], ['Kelvin sign (K → k)', 'KWD'.replace('K', '\u212a')], ['fullwidth letters', 'ＵＳＤ'],
  ['a trailing NUL', 'USD\u0000'], ['a zero-width space', 'US\u200bD'], ['Cyrillic letters', 'USD'.replace('S', 'Ѕ')], ['a ligature (ﬀ)', 'ﬀx'],
];
for (const [label, currency] of lookAlikes) {
  refused(GROUP, `toMinorUnits: ${label}`, () => toMinorUnits('19.99', currency), { field: 'amount', type: MoneyError });
  refused(GROUP, `v2 track.sale amount currency: ${label}`, ({ offline }) => offline().v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: { amount: '19.99', currency } }), { field: 'amount', type: MoneyError });
}
refused(GROUP, 'v1 track.sale call currency: long s', ({ offline }) => offline().v1.track.sale({ uid: 'u', event_id: 'in_1', amount: 100, currency: 'uſd' } as never), { field: 'currency' });
refused(GROUP, 'a minorUnits override keyed by a look-alike does not make it known', ({ offline }) => offline({ minorUnits: { 'uſd': 2 } }).v2.track.sale({
  email: 'a@example.com', event_id: 'in_1', amount: { amount: '19.99', currency: 'usd\u017f' },
}), { field: 'amount', type: MoneyError });

onTheWire(GROUP, 'a look-alike override leaves the real code alone: USD keeps 2 decimals', ({ online }) => online('/money', { minorUnits: { 'uſd': 3 } }).v2.track.sale({
  email: 'a@example.com', event_id: 'in_1', amount: { amount: '19.99', currency: 'usd' },
}), { target: '/money/track/sale', body: '{"email":"a@example.com","event_id":"in_1","amount":1999,"currency":"USD"}' });
