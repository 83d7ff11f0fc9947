// The walk's rules on a stand-in `api` (the HTTP side is covered in contract-tests/admin-helpers). The
// types it infers from the generated paths are type tests: pagination.test-d.ts.
import { describe, expect, it } from 'vitest';
import type { TypedApi } from './list-types.js';
import { API, LISTS } from '../../generated/v2.operations.js';
import type { paths } from '../../generated/v2.js';
import { InternalServerError, ValidationError } from './errors.js';
import { createFirstPromoter } from '../apis/v2/client.js';
import { attachFacts } from '../internal/api-facts.js';
import { paginate, pages, PaginationError, toArray } from './pagination.js';

/**
 * An `api` whose GET answers from `answer(page)` and records the params of every call. It carries the
 * v2 facts (paging, list table) as the client factory attaches them.
 */
function fakeApi(answer: (page: number) => unknown, facts: object | null = { ...API, lists: LISTS }) {
  const calls: Array<{ path: string; query: Record<string, unknown> }> = [];
  const api = {
    async GET(path: string, init: { params: { query: Record<string, unknown> } }) {
      calls.push({ path, query: init.params.query });
      return { data: answer(Number(init.params.query.page)), response: new Response('[]', { status: 200 }) };
    },
  } as unknown as TypedApi<paths>;
  if (facts) attachFacts(api, facts as Parameters<typeof attachFacts>[1]);
  return { api, calls };
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('pages', () => {
  it('asks for page 1, 2, 3 with per_page 100 and stops after the short page', async () => {
    const { api, calls } = fakeApi((page) => (page < 3 ? ids(page * 100, 100) : ids(300, 40)));
    const seen = [];
    for await (const page of pages(api, '/company/commissions')) seen.push([page.page, page.items.length, page.perPage]);
    expect(seen).toEqual([[1, 100, 100], [2, 100, 100], [3, 40, 100]]);
    expect(calls.map((call) => [call.query.page, call.query.per_page])).toEqual([[1, 100], [2, 100], [3, 100]]);
  });

  it('starts at the page given in the query', async () => {
    const { api, calls } = fakeApi(() => ids(1, 3));
    await toArray(paginate({ api }, '/company/referrals', { query: { page: 4, per_page: 10 } }), { limit: 100 });
    expect(calls.map((call) => call.query)).toEqual([{ page: 4, per_page: 10 }]);
  });

  it('refuses a page that repeats the previous one with a PaginationError naming the page', async () => {
    const { api, calls } = fakeApi(() => ({ data: ids(1, 100), meta: { pending_count: 0 } }));
    const error = await toArray(paginate(api, '/company/promoters'), { limit: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ path: '/company/promoters', page: 2 });
    expect(calls).toHaveLength(2);
  });

  it('reads the page shape from the table: a bare array where the list answers { data, meta } is not a page', async () => {
    const { api } = fakeApi(() => ids(1, 3));
    const error = await pages(api, '/company/promoters').next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
  });

  it('refuses, before sending, a path the table does not list and an api no factory made', async () => {
    const listed = fakeApi(() => ids(1, 3));
    const untypedPages = pages as (api: unknown, path: string) => AsyncGenerator<unknown>;
    const notAList = await untypedPages(listed.api, '/company/promoters/{id}').next().catch((e: unknown) => e);
    expect(notAList).toMatchObject({ name: 'ValidationError', field: 'path' });
    const bare = fakeApi(() => ids(1, 3), null);
    const noFacts = await pages(bare.api, '/company/commissions').next().catch((e: unknown) => e);
    expect(noFacts).toBeInstanceOf(ValidationError);
    expect([...listed.calls, ...bare.calls]).toEqual([]);
  });

  it('refuses an answer that is not a list', async () => {
    const { api } = fakeApi(() => ({ id: 1, status: 'completed' }));
    const error = await pages(api, '/company/batch_processes').next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/not a list/);
  });

  it.each([
    ['per_page 0', { per_page: 0 }, 'query.per_page'],
    ['per_page 2.5', { per_page: 2.5 }, 'query.per_page'],
    ['per_page 101 on v2 (a capped page would look short and end the walk early)', { per_page: 101 }, 'query.per_page'],
    ['page 0', { page: 0 }, 'query.page'],
  ])('refuses %s before sending anything', async (_, query, field) => {
    const { api, calls } = fakeApi(() => []);
    const error = await pages(api, '/company/promoters', { query }).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(calls).toHaveLength(0);
  });
});

describe('toArray', () => {
  async function* counting(log: number[]) {
    for (let n = 1; n <= 5; n++) {
      log.push(n);
      yield n;
    }
  }

  it('returns the first `limit` items and stops pulling after them', async () => {
    const pulled: number[] = [];
    expect(await toArray(counting(pulled), { limit: 2 })).toEqual([1, 2]);
    expect(pulled).toEqual([1, 2]);
  });

  it('returns everything when there are fewer items than the limit', async () => {
    expect(await toArray(counting([]), { limit: 50 })).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([0, -1, 1.5, Number.NaN, undefined])('refuses limit %s', async (limit) => {
    await expect(toArray(counting([]), { limit } as { limit: number })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('laziness', () => {
  it('sends nothing until the walk is iterated', () => {
    const { api, calls } = fakeApi(() => []);
    paginate(api, '/company/promoters', { query: { filters: { state: 'accepted' } } });
    pages(api, '/company/commissions');
    expect(calls).toEqual([]);
  });
});

describe('per-call settings of a walk', () => {
  // Through the real client and transport: the first request of every page fails with 503 once.
  function flakyClient() {
    let requests = 0;
    const fetch = async () => {
      requests++;
      return requests % 2 === 1
        ? new Response('{"message":"busy"}', { status: 503, headers: { 'content-type': 'application/json' } })
        : new Response('[{"id":1}]', { headers: { 'content-type': 'application/json' } });
    };
    const client = createFirstPromoter({ apiKey: 'k', accountId: 'a', fetch, maxRetries: 0, backoff: { baseDelayMs: 0, maxDelayMs: 0 } });
    return { client, requests: () => requests };
  }

  it('applies maxRetries to every page request, overriding the client', async () => {
    const flaky = flakyClient();
    expect(await toArray(paginate(flaky.client, '/company/commissions', { maxRetries: 1 }), { limit: 10 })).toEqual([{ id: 1 }]);
    expect(flaky.requests()).toBe(2);
    await expect(toArray(paginate(flakyClient().client, '/company/commissions'), { limit: 10 })).rejects.toBeInstanceOf(InternalServerError);
  });

  it('rejects a bad per-call setting before any request', async () => {
    const flaky = flakyClient();
    await expect(toArray(paginate(flaky.client, '/company/commissions', { timeoutMs: -1 }), { limit: 10 })).rejects.toBeInstanceOf(ValidationError);
    expect(flaky.requests()).toBe(0);
  });
});
