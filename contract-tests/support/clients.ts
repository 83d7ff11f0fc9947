// Clients for the contract suites: the real client pointed at Prism, with a fetch that records every
// `sl-violations` header Prism sends back (and every problem document Prism generates itself). The
// suite-wide hook in violations.ts fails any test that produced one, unless the test is a deliberate
// bad request that reads them itself with takeViolations().
import { inject } from 'vitest';
import { createFirstPromoter, type FirstPromoterOptions } from '../../src/index.js';
import { createFirstPromoterV1, type FirstPromoterV1Options } from '../../src/v1.js';
import { CANARY } from './canary.js';
import { unknownQueryKeys } from './query-keys.js';

export interface Violation {
  method: string;
  url: string;
  violations: Array<{ location: string[]; code: string | number; message: string; severity: string }>;
}

/** Violations seen since the last `takeViolations()`. */
const seen: Violation[] = [];

export function takeViolations(): Violation[] {
  return seen.splice(0, seen.length);
}

/**
 * The shipped bundle names top-level Rails arrays as they travel (`ids[]`, scripts/wire-form.mjs), so
 * Prism reads `ids[]=1&ids[]=2` itself. What stays here is arrays inside a deepObject
 * (`filters[status][]=a`): Prism's deepObject reader knows no `[]`, and reads a `type: array` property
 * only in indexed form (`filters[status][0]=a`) and a oneOf/anyOf of value-or-array only as a repeated
 * key (`filters[status]=a`). Sending both forms lets it check the values whichever the schema is.
 */
export function toOpenApiArrays(url: string): string {
  const seenNested = new Map<string, number>();
  return url.replace(/([?&])([^=&[\]%]+)((?:\[[^=&[\]]+\])+)(?:\[\]|%5B%5D)=([^&#]*)/g, (_, separator: string, base: string, keys: string, value: string) => {
    const name = base + keys;
    const index = seenNested.get(name) ?? 0;
    seenNested.set(name, index + 1);
    return `${separator}${name}=${value}&${name}[${index}]=${value}`;
  });
}

/** What Prism leaves unchecked in the query of a request to one of the mocks (support/query-keys.ts). */
function queryKeyViolations(method: string, url: string): Violation['violations'] {
  const mocks = Object.entries(inject('prism')).filter(([, base]) => url.startsWith(base));
  return mocks.flatMap(([api, base]) => unknownQueryKeys(api, base, method, url));
}

/** A fetch that forwards to Prism, adds a `Prefer` header when asked, and records violations. */
export function recordingFetch(prefer?: string): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (prefer) headers.set('Prefer', prefer);
    const method = init?.method ?? 'GET';
    const response = await fetch(toOpenApiArrays(String(input)), { ...init, headers });
    const keys = queryKeyViolations(method, String(input));
    if (keys.length) seen.push({ method, url: String(input), violations: keys });
    const header = response.headers.get('sl-violations');
    if (header) seen.push({ method, url: String(input), violations: JSON.parse(header) });
    else if (response.headers.get('content-type')?.includes('application/problem+json')) {
      await recordPrismProblem(response.clone(), init?.method ?? 'GET', String(input));
    }
    return response;
  };
}

/** One request exactly as the client handed it to fetch, before the harness rewrites Rails arrays. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

interface CapturingOptions {
  /** Prism's `Prefer` header, as for `recordingFetch`. */
  prefer?: string;
  /** Headers taken off after capture and before Prism sees the request, e.g. `authorization` to provoke a 401. */
  dropHeaders?: string[];
}

/**
 * A `recordingFetch` that also keeps every request the client made, for tests that check the wire form
 * of what we send. Violations still go through `recordingFetch`, so the suite-wide check still applies.
 */
export function capturingFetch(options: CapturingOptions = {}): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const prism = recordingFetch(options.prefer);
  const capture: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(headers),
      body: init?.body == null ? undefined : String(init.body),
    });
    for (const name of options.dropHeaders ?? []) headers.delete(name);
    return prism(input, { ...init, headers });
  };
  return { fetch: capture, sent };
}

/**
 * When an operation documents no 400/422, Prism rejects a bad request with a problem document of its
 * own and no `sl-violations` header; an unknown path or an undocumented `Prefer` code answers the same
 * way. Those are violations too.
 */
async function recordPrismProblem(response: Response, method: string, url: string): Promise<void> {
  const problem = (await response.json().catch(() => undefined)) as
    | { type?: string; title?: string; detail?: string; validation?: Violation['violations'] }
    | undefined;
  if (!problem?.type?.includes('stoplight.io/prism/errors')) return;
  const violations = problem.validation ?? [{ location: ['request'], code: response.status, message: `${problem.title}: ${problem.detail}`, severity: 'Error' }];
  seen.push({ method, url, violations });
}

interface ContractOptions {
  /** Prism's `Prefer` header, e.g. `code=409`, to select a documented response. */
  prefer?: string;
}

export function v2Client(options: ContractOptions & FirstPromoterOptions = {}) {
  const { prefer, ...rest } = options;
  return createFirstPromoter({
    apiKey: CANARY.apiKey,
    accountId: CANARY.accountId,
    baseUrl: inject('prism').v2,
    fetch: recordingFetch(prefer),
    maxRetries: 0,
    ...rest,
  });
}

export function v1Client(options: ContractOptions & FirstPromoterV1Options = {}) {
  const { prefer, ...rest } = options;
  return createFirstPromoterV1({
    apiKey: CANARY.v1ApiKey,
    baseUrl: inject('prism').v1,
    fetch: recordingFetch(prefer),
    maxRetries: 0,
    ...rest,
  });
}
