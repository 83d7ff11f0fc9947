// Clients for the contract suites: the real client pointed at Prism, with a fetch that records every
// `sl-violations` header Prism sends back (and every problem document Prism generates itself). The
// suite-wide hook in violations.ts fails any test that produced one, unless the test is a deliberate
// bad request that reads them itself with takeViolations().
import { inject } from 'vitest';
import { createFirstPromoter, type FirstPromoterOptions } from '../../src/index.js';
import { toOpenApiArrays } from '../../src/testing/rails-arrays.js';
import { violationsOf, type ContractViolation } from '../../src/testing/violations.js';
import { createFirstPromoterV1, type FirstPromoterV1Options } from '../../src/v1.js';
import { CREDENTIALS } from './canary.js';
import { unknownQueryKeys } from './query-keys.js';

/** Violations seen since the last `takeViolations()`. */
const seen: ContractViolation[] = [];

export function takeViolations(): ContractViolation[] {
  return seen.splice(0, seen.length);
}

/** What Prism leaves unchecked in the query of a request to one of the mocks (support/query-keys.ts). */
function queryKeyViolations(method: string, url: string): ContractViolation['violations'] {
  const mocks = Object.entries(inject('prism')).filter(([, base]) => url.startsWith(base));
  return mocks.flatMap(([api, base]) => unknownQueryKeys(api, base, method, url));
}

/**
 * A fetch that forwards to Prism, adds a `Prefer` header when asked, and records violations. Rails
 * arrays inside a deepObject (`filters[status][]=a`) are rewritten into the form Prism reads by the
 * function the public contract mock uses too (src/testing/rails-arrays.ts).
 */
export function recordingFetch(prefer?: string): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (prefer) headers.set('Prefer', prefer);
    const method = init?.method ?? 'GET';
    const response = await fetch(toOpenApiArrays(String(input)), { ...init, headers });
    const keys = queryKeyViolations(method, String(input));
    if (keys.length) seen.push({ method, url: String(input), violations: keys });
    // Prism's `sl-violations`, or a problem document of its own where the operation documents no 400/422.
    const found = await violationsOf(response, method, String(input));
    if (found) seen.push(found);
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

interface ContractOptions {
  /** Prism's `Prefer` header, e.g. `code=409`, to select a documented response. */
  prefer?: string;
}

/**
 * What every contract client of `apiName` is built with: the API's canary credentials, its Prism mock,
 * a recording fetch and no retries (so every answer shows).
 */
export function prismOptions(apiName: string, prefer?: string) {
  return { ...CREDENTIALS[apiName], baseUrl: inject('prism')[apiName], fetch: recordingFetch(prefer), maxRetries: 0 };
}

export function v2Client(options: ContractOptions & FirstPromoterOptions = {}) {
  const { prefer, ...rest } = options;
  return createFirstPromoter({ ...prismOptions('v2', prefer), ...rest });
}

export function v1Client(options: ContractOptions & FirstPromoterV1Options = {}) {
  const { prefer, ...rest } = options;
  return createFirstPromoterV1({ ...prismOptions('v1', prefer), ...rest });
}
