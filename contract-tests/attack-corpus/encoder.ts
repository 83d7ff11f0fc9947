// Values with no wire form, in v2 query strings (filters), v2 JSON bodies, v1 form bodies and tracking
// bodies: each is a ValidationError naming the field with nothing sent, never an untyped RangeError,
// TypeError or URIError, and never garbage sent in silence (a Map filter dropped, a String object spelt
// out letter by letter, a date-library object sent as its internals, NaN or an invalid Date as null).
// Then the exact bytes of values that are fine, including keys that look like syntax.
import { PROMOTER_CANARY } from '../support/leak-scan.js';
import { onTheWire, refused } from './kit.js';

const GROUP = 'encoders';

class Dayjs {
  readonly $d = new Date('2025-01-01T00:00:00Z');
  readonly $ms = 0;
  toJSON() {
    return this.$d.toISOString();
  }
}

const cycle: Record<string, unknown> = { status: 'active' };
cycle.self = cycle;
const deep = (levels: number) => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
})();
const throwingGetter = Object.defineProperty({}, 'from', { enumerable: true, get: () => { throw new Error(`getter ${PROMOTER_CANARY.authToken}`); } });
const sparse: unknown[] = [];
sparse.length = 2 ** 32 - 1;

const DEEPEST = Array(30).fill('a'); // the walk stops 32 levels below the root: x is at level 2
/** [label, value, where below `x` the error points: sub-keys, or 'root' when reading the value threw]. */
const BAD: Array<[string, unknown, string[] | 'root']> = [
  ['a cycle', cycle, ['self']], ['10,000 levels of nesting', deep(10_000), DEEPEST], ['33 levels of nesting', deep(33), DEEPEST],
  ['a Map', new Map([['status', 'active']]), []], ['a Set', new Set(['active']), []], ['a String object', new String('jane'), []],
  ['a Number object', new Number(5), []], ['a Boolean object', new Boolean(true), []], ['a BigInt', 10n, []], ['a symbol', Symbol('x'), []],
  ['a function', () => 'x', []], ['NaN', Number.NaN, []], ['Infinity', Infinity, []], ['an invalid Date', new Date('x'), []],
  ['a lone surrogate', 'jane\uD800', []], ['a key with a lone surrogate', { ['k\uDC00']: 1 }, []],
  ['a date-library object with toJSON', new Dayjs(), []], ['a plain object with its own toJSON', { toJSON: () => 'x' }, ['toJSON']],
  ['bytes', new Uint8Array([1, 2]), []], ['a RegExp', /x/, []], ['an Error', new Error('x'), []], ['a Promise', Promise.resolve(1), []],
  ['a URL', new URL('https://example.com'), []], ['a getter that throws', throwingGetter, 'root'], ['a revoked Proxy', revoked, 'root'],
  ['a sparse array of 2^32-1', sparse, []], ['a Date look-alike', Object.create(Date.prototype), []], ['a WeakMap', new WeakMap(), []],
];

const brackets = (base: string, sub: string[]) => base + sub.map((key) => `[${key}]`).join('');
for (const [label, value, sub] of BAD) {
  const field = (root: string, named: string) => (sub === 'root' ? root : named);
  refused(GROUP, `v2 query filter: ${label}`, ({ offline }) => offline().v2.api.GET('/company/promoters', { params: { query: { filters: { x: value } } as never } }),
    { field: field('params', brackets('filters[x]', sub === 'root' ? [] : sub)) });
  refused(GROUP, `v2 JSON body: ${label}`, ({ offline }) => offline().v2.api.POST('/company/promoters', { body: { email: 'a@example.com', custom_fields: { x: value } } as never }),
    { field: field('body', ['custom_fields.x', ...(sub === 'root' ? [] : sub)].join('.')) });
  refused(GROUP, `v1 form body: ${label}`, ({ offline }) => offline().v1.api.POST('/promoters/create', { body: { email: 'a@example.com', custom_fields: { x: value } } as never }),
    { field: field('params', brackets('custom_fields[x]', sub === 'root' ? [] : sub)) });
}

// Tracking bodies go through the same rule.
refused(GROUP, 'v2 track.sale: a Map among the extra fields', ({ offline }) => offline().v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100, plan: new Map() } as never), { field: 'plan' });
refused(GROUP, 'v2 track.signup: a lone surrogate in the email', ({ offline }) => offline().v2.track.signup({ email: 'a\uD800@example.com', tid: 't' }), { field: 'email' });
refused(GROUP, 'v1 track.sale: a BigInt among the extra fields (form body)', ({ offline }) => offline().v1.track.sale({ uid: 'u', event_id: 'in_1', amount: 100, plan: 1n } as never), { field: 'plan' });
refused(GROUP, 'v1 track.signup: a cycle among the extra fields (form body)', ({ offline }) => offline().v1.track.signup({ uid: 'u', tid: 't', extra: cycle } as never), { field: 'extra[self]' });
refused(GROUP, 'v2 query: the whole query a Map', ({ offline }) => offline().v2.api.GET('/company/promoters', { params: { query: new Map() as never } }), { field: 'params' });
refused(GROUP, 'v2 JSON body: the whole body a class instance', ({ offline }) => offline().v2.api.POST('/company/promoters', { body: new Dayjs() as never }), { field: 'body' });

// Values that are fine, byte for byte.
const target = (path: string) => `/encoders${path}`;
onTheWire(GROUP, 'query: a valid Date as ISO 8601, nested filters in bracket form', ({ online }) => online('/encoders').v2.api.GET('/company/promoters', {
  params: { query: { filters: { created_at: { from: new Date('2025-01-02T03:04:05Z') } } } as never },
}), { target: target('/company/promoters?filters[created_at][from]=2025-01-02T03%3A04%3A05.000Z') });
onTheWire(GROUP, 'query: keys and values that look like syntax are encoded', ({ online }) => online('/encoders').v2.api.GET('/company/promoters', {
  params: { query: { 'q]=1&admin[': 'x&admin=1', filters: { ['a[b]']: '#' } } as never },
}), { target: target('/company/promoters?q%5D%3D1%26admin%5B=x%26admin%3D1&filters[a%5Bb%5D]=%23') });
onTheWire(GROUP, 'query: a __proto__ key parsed from JSON stays a key', ({ online }) => online('/encoders').v2.api.GET('/company/promoters', {
  params: { query: JSON.parse('{"filters":{"__proto__":{"x":"1"}}}') as never },
}), { target: target('/company/promoters?filters[__proto__][x]=1') });
onTheWire(GROUP, 'JSON body: Dates as ISO 8601, null kept, undefined left out, a __proto__ key kept', ({ online }) => online('/encoders').v2.api.PUT('/company/promoters/{id}', {
  params: { path: { id: '7' } },
  body: Object.assign(JSON.parse('{"__proto__":{"a":1}}'), { note: null, skip: undefined, at: new Date('2025-01-02T00:00:00Z') }) as never,
}), { target: target('/company/promoters/7'), body: '{"__proto__":{"a":1},"note":null,"at":"2025-01-02T00:00:00.000Z"}' });
onTheWire(GROUP, 'JSON body: text with quotes, newlines and emoji, as JSON escapes', ({ online }) => online('/encoders').v2.api.POST('/company/promoters', {
  body: { email: 'a@example.com', profile: { first_name: 'Zoë "Z"\n😀' } } as never,
}), { target: target('/company/promoters'), body: '{"email":"a@example.com","profile":{"first_name":"Zoë \\"Z\\"\\n😀"}}' });
onTheWire(GROUP, 'v1 form body: nested fields in bracket form, values encoded', ({ online }) => online('/encoders').v1.api.POST('/promoters/create', {
  body: { email: 'a+b@example.com', custom_fields: { plan: 'pro&x=1' } } as never,
}), { target: target('/promoters/create'), body: 'email=a%2Bb%40example.com&custom_fields[plan]=pro%26x%3D1' });
onTheWire(GROUP, 'v2 track.sale: the exact JSON sent', ({ online }) => online('/encoders').v2.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: { amount: '19.99', currency: 'usd' } }),
  { target: target('/track/sale'), body: '{"email":"a@example.com","event_id":"in_1","amount":1999,"currency":"USD"}' });
