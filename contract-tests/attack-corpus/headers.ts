// Per-call headers (`headers` and `params.header`) that no HTTP stack can send: a ValidationError
// naming the header, which never quotes the value (per-call headers often carry tokens; a canary
// rides in each bad value to prove it), before openapi-fetch's Headers throws its own TypeError.
import { CANARY } from '../support/canary.js';
import { onTheWire, refused } from './kit.js';

const GROUP = 'headers';
const secret = CANARY.apiKey;

const badValues: Array<[string, unknown]> = [
  ['CR LF (header injection)', `${secret}\r\nX-Injected: 1`], ['a lone LF', `${secret}\nx`], ['a lone CR', `${secret}\rx`],
  ['NUL', `${secret}\u0000`], ['DEL', `${secret}\u007f`], ['a control character', `${secret}\u001b[31m`], ['a euro sign', `${secret}€`],
  ['Latin-1 text', `${secret}é`], ['an emoji', `${secret}😀`], ['a lone surrogate', `${secret}\uD800`], ['an object', { token: secret }],
  ['a function', () => secret], ['NaN', Number.NaN], ['a bad item in an array', ['ok', `${secret}\r\n`]],
];
for (const [label, value] of badValues) {
  refused(GROUP, `headers: a value with ${label}`, ({ offline }) => offline().v2.api.GET('/company/promoters', { headers: { 'X-Request-Note': value } as never }), { field: 'headers.X-Request-Note' });
}
for (const [label, value] of badValues.slice(0, 4)) {
  refused(GROUP, `params.header: a value with ${label}`, ({ offline }) => offline().v1.api.GET('/promoters/list', { params: { header: { 'X-Trace': value } } as never }), { field: 'header.X-Trace' });
}
for (const [label, name] of [['a space', 'X Bad'], ['a colon', 'X-Bad:'], ['a line break', 'X-Bad\r\nX-Injected'], ['non-ASCII', 'X-Çlé'], ['nothing', '']] as const) {
  refused(GROUP, `headers: a name with ${label}`, ({ offline }) => offline().v2.api.GET('/company/promoters', { headers: { [name]: 'x' } }), { field: 'headers' });
}
refused(GROUP, 'a raw POST to a tracking path: an Idempotency-Key with CR LF', ({ offline }) => offline().v2.api.POST('/track/sale', {
  body: { email: 'a@example.com', event_id: 'in_1', amount: 100 }, headers: { 'Idempotency-Key': `in_1\r\n${secret}` },
}), { field: 'headers.Idempotency-Key' });

onTheWire(GROUP, 'headers: visible ASCII, numbers and booleans arrive as sent', ({ online }) => online('/headers').v2.api.GET('/company/promoters', {
  headers: { 'X-Trace': 'abc-123 ~!', 'X-Page-Hint': 5, 'X-Flag': true } as never,
}), { target: '/headers/company/promoters', headers: { 'x-trace': 'abc-123 ~!', 'x-page-hint': '5', 'x-flag': 'true', authorization: `Bearer ${secret}` } });
