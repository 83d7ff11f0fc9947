// waitForBatch through the real v2 client against a local server whose batch process moves on between
// polls. Delays are a few milliseconds here; the real schedule (1 s doubling to 10 s) is unit-tested.
import { describe, expect, it } from 'vitest';
import { AbortError, BatchTimeoutError, NotFoundError, bulk, waitForBatch } from '../../src/index.js';
import { batchRoute, localV2Client, serveRoutes } from '../support/list-server.js';

const fast = { initialDelayMs: 2, maxDelayMs: 8 };

describe('waitForBatch', () => {
  it('polls a queued batch through pending and in_progress until it is completed', async () => {
    const route = batchRoute(42, ['pending', 'pending', 'in_progress', 'completed'], { processed_count: 12 });
    const server = await serveRoutes({ '/company/batch_processes/42': route });
    const batch = await waitForBatch(localV2Client(server), 42, fast);
    expect(batch).toMatchObject({ id: 42, status: 'completed', processed_count: 12, progress: 100 });
    expect(route.polls()).toBe(4);
    expect(new Set(server.targets)).toEqual(new Set(['/company/batch_processes/42']));
  });

  it('starts from the result of a queued bulk action and returns its processing errors when it failed', async () => {
    const errors = ['Commission 13533003: already paid', 'Commission 13533007: not found'];
    const server = await serveRoutes({
      '/company/commissions/approve': () => ({ status: 202, body: { id: 43, status: 'pending', processing_errors: [] } }),
      '/company/batch_processes/43': batchRoute(43, ['in_progress', 'failed'], { failed_count: 2, processing_errors: errors }),
    });
    const client = localV2Client(server);
    const queued = await bulk(client.api.POST('/company/commissions/approve', { body: { ids: [13533003, 13533007] } }));
    expect(queued.outcome).toBe('queued');
    const batch = await waitForBatch(client, queued, fast);
    expect(batch).toMatchObject({ id: 43, status: 'failed', failed_count: 2, processing_errors: errors });
  });

  it('returns a stopped batch as it is', async () => {
    const server = await serveRoutes({ '/company/batch_processes/44': batchRoute(44, ['in_progress', 'stopped']) });
    const batch = await waitForBatch(localV2Client(server).api, { id: 44 }, fast);
    expect(batch.status).toBe('stopped');
  });

  it('gives up with a BatchTimeoutError naming the batch and its last status', async () => {
    const route = batchRoute(45, ['in_progress']);
    const server = await serveRoutes({ '/company/batch_processes/45': route });
    const error = await waitForBatch(localV2Client(server), 45, { ...fast, maxWaitMs: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ batchId: 45, lastStatus: 'in_progress', maxWaitMs: 60 });
    expect((error as Error).message).toMatch(/Batch process 45 .* may still finish/);
    expect(route.polls()).toBeGreaterThan(1);
  });

  it('times out while a poll is in flight', async () => {
    // The server never answers: only the deadline ends the wait.
    const server = await serveRoutes({ '/company/batch_processes/46': async ({ closed }) => closed.then(() => ({})) });
    const error = await waitForBatch(localV2Client(server), 46, { ...fast, maxWaitMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ batchId: 46, lastStatus: undefined });
  });

  it('stops with an AbortError when the signal fires between polls', async () => {
    const controller = new AbortController();
    const route = batchRoute(47, ['pending']);
    const server = await serveRoutes({
      // The abort comes once the client is asleep after the first look, 5 s from the next one.
      '/company/batch_processes/47': (call) => {
        setTimeout(() => controller.abort(), 20);
        return route(call);
      },
    });
    const error = await waitForBatch(localV2Client(server), 47, { initialDelayMs: 5_000, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/batch process 47/);
    expect(route.polls()).toBe(1);
  });

  it('stops with an AbortError when the signal fires during a poll, and never polls for an aborted signal', async () => {
    const controller = new AbortController();
    const server = await serveRoutes({
      '/company/batch_processes/48': async ({ closed }) => {
        controller.abort();
        return closed.then(() => ({}));
      },
    });
    const client = localV2Client(server);
    await expect(waitForBatch(client, 48, { ...fast, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    await expect(waitForBatch(client, 48, { ...fast, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(server.targets).toHaveLength(1);
  });

  it('rejects with the typed error of a failed poll', async () => {
    const server = await serveRoutes({});
    const error = await waitForBatch(localV2Client(server), 49, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, path: '/company/batch_processes/{id}' });
  });
});
