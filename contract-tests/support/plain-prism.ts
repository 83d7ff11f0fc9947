// Requests sent straight to a mock of the shipped bundle (generated/<api>.openapi.yaml), the way a
// user's stock Prism or another client would receive them: no harness rewriting of Rails arrays, no
// client encoding. For tests of the wire forms the bundle itself must accept or refuse.
import { inject } from 'vitest';
import { violationsOf } from '../../src/testing/violations.js';
import { CANARY } from './canary.js';

export interface PlainAnswer {
  status: number;
  /** Prism's messages: the `sl-violations` header, or the problem body of its own 422. */
  messages: string[];
}

const credentials: Record<string, Record<string, string>> = {
  v1: { 'X-API-KEY': CANARY.v1ApiKey },
  v2: { Authorization: `Bearer ${CANARY.apiKey}`, 'Account-ID': CANARY.accountId },
};

/** Sends `method pathAndQuery` to the mock of `api` with valid credentials, and reads Prism's verdict. */
export async function plainPrism(api: 'v1' | 'v2', method: string, pathAndQuery: string, init: { body?: string; contentType?: string } = {}): Promise<PlainAnswer> {
  const headers: Record<string, string> = { ...credentials[api], ...(init.contentType ? { 'Content-Type': init.contentType } : {}) };
  const url = `${inject('prism')[api]}${pathAndQuery}`;
  const response = await fetch(url, { method, headers, body: init.body ?? null });
  const found = await violationsOf(response, method, url);
  await response.body?.cancel();
  return { status: response.status, messages: (found?.violations ?? []).map((v) => v.message) };
}
