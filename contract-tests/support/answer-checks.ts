// What the client must make of each documented answer Prism serves: a 2xx hands back the body intact
// (the spec's example for that status and media type; nothing for a bodiless answer), an error status
// becomes the typed error of that status naming the method and path template, and a tracking answer
// becomes the outcome the table states for it, `tracked`, or the typed error.
import { expect } from 'vitest';
import type { APIError } from '../../src/index.js';
import { toOutcome, type OutcomeRules } from '../../src/core/outcomes.js';
import { unwrap, type ApiResult } from '../../src/core/unwrap.js';
import type { SpecOperation } from './spec-operations.js';
import type { TableOperation } from './operation-client.js';
import { errorClassFor } from './typed-errors.js';

/** How the suite names a check, for the test title: `NotFoundError`, `the served example`, `duplicate`. */
export function expectedAnswer(operation: TableOperation, status: number, rules: OutcomeRules | undefined, spec: SpecOperation): string {
  const rule = rules?.[String(status)];
  if (operation.kind === 'tracking' && rule) return rule.when ? `${rule.outcome} (when ${JSON.stringify(rule.when)})` : rule.outcome;
  if (status >= 200 && status < 300) {
    if (Object.keys(spec.answers[String(status)] ?? {}).length) return operation.kind === 'tracking' ? 'tracked, with the served example' : 'the served example';
    return operation.kind === 'tracking' ? 'APIError (no body to track)' : 'no data';
  }
  return errorClassFor(status).name;
}

/** Checks the client's handling of `result`, the answer Prism served with `status` for `operation`. */
export async function expectAnswer(where: string, operation: TableOperation, spec: SpecOperation, result: ApiResult, rules: OutcomeRules | undefined): Promise<void> {
  const { status } = result.response;
  const served = servedExample(where, spec, result.response);
  if (operation.kind === 'tracking') {
    const rule = rules?.[String(status)];
    // The tracking methods read an answer as openapi-fetch does (JSON; error text; nothing when empty).
    const answer = { status, method: operation.method, path: operation.path, headers: Object.fromEntries(result.response.headers), body: result.response.ok ? result.data : result.error, attempts: 1 };
    const outcome = () => toOutcome(answer, rules ?? {});
    if (rule) {
      // The spec documents this answer as the rule's outcome, so its served example must read as one.
      expect(outcome(), `${where} ${status}: the served example is not read as ${rule.outcome}`).toMatchObject({ outcome: rule.outcome, status });
    } else if (result.response.ok && served !== undefined) {
      const tracked = outcome();
      expect(tracked.outcome).toBe('tracked');
      expect(tracked.outcome === 'tracked' && tracked.data).toEqual(served);
    } else {
      expectTypedError(operation, status, catching(outcome), served);
    }
    return;
  }
  if (result.response.ok) {
    expect(asServed(await unwrap(result), result.response)).toEqual(served);
    return;
  }
  expectTypedError(operation, status, await unwrap(result).then(() => undefined, (error: unknown) => error), served);
}

/** The example the spec gives the answer Prism served (status and media type); undefined when bodiless. */
export function servedExample(where: string, spec: SpecOperation, response: Response): unknown {
  const media = spec.answers[String(response.status)] ?? {};
  if (Object.keys(media).length === 0) return undefined;
  const type = mediaType(response);
  expect(Object.keys(media), `${where} ${response.status}: Prism served an undocumented media type`).toContain(type);
  const example = media[type];
  if (example === undefined) throw new Error(`${where}: the ${response.status} ${type} answer has no example in the spec`);
  return example;
}

/** Data read as text (downloads) holds a JSON answer as text: parse it to compare it with the example. */
export function asServed(data: unknown, response: Response): unknown {
  return typeof data === 'string' && mediaType(response).endsWith('json') ? JSON.parse(data) : data;
}

function expectTypedError(operation: TableOperation, status: number, error: unknown, served: unknown): void {
  expect(error, `${operation.method} ${operation.path} ${status} did not throw`).toBeDefined();
  const apiError = error as APIError;
  expect(apiError.constructor).toBe(errorClassFor(status));
  expect({ status: apiError.status, method: apiError.method, path: apiError.path }).toEqual({ status, method: operation.method, path: operation.path });
  expect(apiError.body).toEqual(served);
  expect(apiError.message).toContain(`${status} to ${operation.method} ${operation.path}`);
  // The reason the message quotes: a bare string body (the v1 401), else the body's message or error.
  const parsed = served as { message?: unknown; error?: unknown } | undefined;
  const reason = typeof served === 'string' ? served : parsed?.message ?? parsed?.error;
  if (typeof reason === 'string') expect(apiError.message).toContain(reason);
}

function catching(call: () => unknown): unknown {
  try {
    call();
    return undefined;
  } catch (error) {
    return error;
  }
}

function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
}
