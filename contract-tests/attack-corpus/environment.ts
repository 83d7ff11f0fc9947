// The environment and client options a deployment gets wrong: credentials (from options or from
// FIRSTPROMOTER_* variables) that no HTTP header can carry, baseUrls that hold credentials, a query or
// a fragment, body caps that make no sense, a broken process.env and a missing global fetch. Each is a
// typed error at construction (or, for fetch, a ConnectionError at call time) that quotes no value.
import { expect, vi } from 'vitest';
import { ConnectionError, createFirstPromoter } from '../../src/index.js';
import { createFirstPromoterAffiliate } from '../../src/affiliate.js';
import { createFirstPromoterV1 } from '../../src/v1.js';
import { apis } from '../../scripts/registry.mjs';
import { CANARY, CREDENTIALS } from '../support/canary.js';
import { attack, outcomeOf, refused } from './kit.js';

const GROUP = 'environment and options';

/** Runs `build` with the given variables set and every other FIRSTPROMOTER_* variable empty. */
function withEnv<T>(variables: Record<string, string>, build: () => T): T {
  const names = apis.flatMap((api) => api.credentials.map((c) => c.env));
  for (const name of names) vi.stubEnv(name, '');
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  try {
    return build();
  } finally {
    vi.unstubAllEnvs();
  }
}

// Values no header can carry, each around a canary so a message that quoted it would be caught.
const unsendable: Array<[string, (canary: string) => string]> = [
  ['Cyrillic letters', (c) => `${c}ключ`], ['an accented letter', (c) => `${c}é`], ['an emoji', (c) => `${c}🔑`],
  ['a zero-width space', (c) => `${c}\u200b`], ['a no-break space', (c) => `${c}\u00a0x`], ['a trailing newline (a pasted key)', (c) => `${c}\n`],
  ['NUL', (c) => `${c}\u0000`], ['a BOM', (c) => `\ufeff${c}`],
];
const factories: Record<string, (options: Record<string, unknown>) => unknown> = {
  v1: (options) => createFirstPromoterV1(options),
  v2: (options) => createFirstPromoter(options),
  affiliate: (options) => createFirstPromoterAffiliate(options),
};
for (const api of apis) {
  const factory = factories[api.name];
  if (!factory) continue; // an API without a full entry yet: its credentials still go through requireCredential
  const valid = CREDENTIALS[api.name] ?? {};
  for (const credential of api.credentials) {
    for (const [label, spoil] of unsendable) {
      refused(GROUP, `${api.name} ${credential.option} option with ${label}`, () => factory({ ...valid, [credential.option]: spoil(valid[credential.option] ?? '') }), { field: credential.option });
      if (label === 'NUL') continue; // no environment can hold one: process.env refuses it
      refused(GROUP, `${api.name} ${credential.env} with ${label}`, () => withEnv({ ...envOf(api.name, valid), [credential.env]: spoil(valid[credential.option] ?? '') }, () => factory({})), { field: credential.option });
    }
  }
}

function envOf(name: string, valid: Record<string, string>): Record<string, string> {
  const api = apis.find((a) => a.name === name);
  return Object.fromEntries((api?.credentials ?? []).map((c) => [c.env, valid[c.option] ?? '']));
}

const v2 = (options: Record<string, unknown>) => () => createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, ...options });
const baseUrls: Array<[string, unknown]> = [
  ['user and password', `https://user:${CANARY.apiKey}@api.example.test/api/v2`], ['a user only', `https://${CANARY.apiKey}@api.example.test`],
  ['a query', `https://api.example.test/api/v2?key=${CANARY.apiKey}`], ['an empty query', 'https://api.example.test/api/v2?'],
  ['a fragment', `https://api.example.test/api/v2#${CANARY.apiKey}`], ['text that is no URL', `not a url ${CANARY.apiKey}`],
  ['a space inside', `https://api.example.test/api /${CANARY.apiKey}`], ['a newline inside', 'https://api.example.test/\napi/v2'],
  ['a tab inside the host', 'https://api.ex\tample.test'], ['braces', 'https://api.example.test/{tenant}/api/v2'],
  ['javascript:', 'javascript:alert(1)'], ['file:', 'file:///etc/passwd'], ['ftp:', 'ftp://api.example.test'], ['data:', 'data:text/plain,x'],
  ['a relative path', '/api/v2'], ['a number', 42], ['a URL object', new URL('https://api.example.test/api/v2')], ['an empty string', ''],
];
for (const [label, baseUrl] of baseUrls) refused(GROUP, `baseUrl with ${label}`, v2({ baseUrl }), { field: 'baseUrl' });
for (const value of [0, -1, 1.5, Number.NaN, Infinity, '1024', 2 ** 31, {}]) {
  refused(GROUP, `maxResponseBytes ${String(value)}`, v2({ maxResponseBytes: value }), { field: 'maxResponseBytes' });
}

refused(GROUP, 'process.env whose getters throw: the key counts as missing', () => {
  const env = new Proxy({}, { get: () => { throw new Error(`env ${CANARY.apiKey}`); } });
  vi.stubGlobal('process', { ...process, env });
  try {
    return createFirstPromoter({});
  } finally {
    vi.unstubAllGlobals();
  }
}, { field: 'apiKey' });

attack(GROUP, 'no global fetch at call time: a ConnectionError, nothing quoted', async ({ leaks }) => {
  const client = createFirstPromoter({ apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: 'http://127.0.0.1:9/api/v2', maxRetries: 0, logger: leaks.logger });
  vi.stubGlobal('fetch', undefined);
  try {
    const { error } = await outcomeOf(() => client.track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 100 }));
    leaks.error('no fetch', error);
    expect(error).toBeInstanceOf(ConnectionError);
  } finally {
    vi.unstubAllGlobals();
  }
});
