// The admin helpers' happy paths against Prism's mocks of our specs: what they send must pass Prism's
// request validation (no sl-violations), and what they make of the documented answers is checked.
// Prism serves one fixed example per list, shorter than a page, so every walk is one request.
import { describe, expect, it } from 'vitest';
import { bulk, paginate, pages, toArray, waitForBatch } from '../../src/index.js';
import { paginate as paginateV1 } from '../../src/v1.js';
import { recordingFetch, v1Client, v2Client } from '../support/clients.js';

/** A Prism client that also keeps every URL it requested. */
function recorded<T>(make: (fetch: typeof globalThis.fetch) => T): { client: T; urls: string[] } {
  const urls: string[] = [];
  const prism = recordingFetch();
  const client = make(async (input, init) => {
    urls.push(new URL(String(input)).search);
    return prism(input, init);
  });
  return { client, urls };
}

describe('paginate against Prism', () => {
  it('walks the v2 promoters envelope with bracket filters and sorting', async () => {
    const { client, urls } = recorded((fetch) => v2Client({ fetch }));
    const query = { filters: { state: 'accepted' as const, joined_at: { from: '2025-01-01' } }, sorting: { revenue_amount: 'desc' as const } };
    const first = await pages(client, '/company/promoters', { query }).next();
    expect(first.value?.items.length).toBeGreaterThan(0);
    expect(first.value?.data.meta.pending_count).toBeTypeOf('number');
    const promoters = await toArray(paginate(client, '/company/promoters', { query }), { limit: 500 });
    expect(promoters).toEqual(first.value?.items);
    expect(promoters[0]?.email).toMatch(/@/);
    expect(urls.at(-1)).toBe('?filters[state]=accepted&filters[joined_at][from]=2025-01-01&sorting[revenue_amount]=desc&page=1&per_page=100');
  });

  it('walks a v2 bare-array list (commissions)', async () => {
    const commissions = await toArray(paginate(v2Client(), '/company/commissions', { query: { filters: { status: 'approved' } } }), { limit: 500 });
    expect(commissions.length).toBeGreaterThan(0);
    expect(commissions.every((commission) => typeof commission.id === 'number' && typeof commission.amount === 'number')).toBe(true);
  });

  it('walks a v1 list (promoters) with its filter', async () => {
    const { client, urls } = recorded((fetch) => v1Client({ fetch }));
    const promoters = await toArray(paginateV1(client, '/promoters/list', { query: { campaign_id: 1286 } }), { limit: 500 });
    expect(promoters.length).toBeGreaterThan(0);
    expect(promoters[0]?.email).toMatch(/@/);
    expect(urls).toEqual(['?campaign_id=1286&page=1&per_page=20']);
  });
});

describe('bulk and waitForBatch against Prism', () => {
  it('reads a 200 as completed', async () => {
    const result = await bulk(v2Client().api.POST('/company/commissions/approve', { body: { ids: [13533003, 13533004] } }));
    expect(result.outcome).toBe('completed');
    expect(result.batch).toMatchObject({ status: 'completed' });
  });

  it('reads a 202 as queued, and waits for the batch to finish', async () => {
    const client = v2Client({ prefer: 'code=202' });
    const ids = Array.from({ length: 12 }, (_, i) => 13533003 + i);
    const result = await bulk(client.api.POST('/company/commissions/approve', { body: { ids } }));
    expect(result).toMatchObject({ outcome: 'queued', batch: { status: 'pending' } });
    // Prism's example of GET /company/batch_processes/{id} is a finished batch.
    const done = await waitForBatch(v2Client(), result, { initialDelayMs: 10 });
    expect(done.status).toBe('completed');
    expect(done.processing_errors?.length).toBeGreaterThan(0);
  });

  it('unwraps the payouts batch from {data, meta}', async () => {
    const result = await bulk(v2Client({ prefer: 'code=202' }).api.POST('/company/payouts/mark_as_paid', { body: { ids: [5012, 5013] } }));
    expect(result.outcome).toBe('queued');
    expect(result.batch.id).toBeTypeOf('number');
    expect(result.meta?.promoters_count).toBeTypeOf('number');
  });
});
