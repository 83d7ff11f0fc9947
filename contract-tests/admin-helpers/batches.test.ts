// waitForBatch through the real v2 client against the fake FirstPromoter, whose queued batches move on
// each time they are polled. Delays are a few milliseconds here; the real schedule (1 s doubling to
// 10 s) is unit-tested.
import { describe, expect, it } from 'vitest';
import { AbortError, BatchTimeoutError, bulk, NotFoundError, waitForBatch } from '../../src/index.js';
import type { FakeFirstPromoter } from '../../src/testing.js';
import { fakeV2Client, serveFake, targetsOf, until } from '../support/fake.js';

const fast = { initialDelayMs: 2, maxDelayMs: 8 };

/** `count` sales, hence `count` pending commissions with ids 1..count. */
async function sales(fake: FakeFirstPromoter, count: number): Promise<number[]> {
  const client = fakeV2Client(fake);
  for (let i = 1; i <= count; i++) await client.track.sale({ email: `buyer${i}@example.com`, event_id: `in_${i}`, amount: 1_000, ref_id: fake.promoter.ref_id });
  return fake.records.commissions.map((c) => c.id);
}

/** Queues a bulk approval of more than five commissions: a 202 and a pending batch. */
async function queuedApproval(fake: FakeFirstPromoter, ids: number[]) {
  const queued = await bulk(fakeV2Client(fake).api.POST('/company/commissions/approve', { body: { ids } }));
  expect(queued).toMatchObject({ outcome: 'queued', batch: { status: 'pending', progress: 0 } });
  return queued;
}

describe('waitForBatch', () => {
  it('polls a queued batch through in_progress until it is completed, and the records change with it', async () => {
    const fake = await serveFake({ batchPolls: 3, batchMs: 60_000 });
    const queued = await queuedApproval(fake, await sales(fake, 12));
    const batch = await waitForBatch(fakeV2Client(fake), queued, fast);
    expect(batch).toMatchObject({ id: queued.batch.id, status: 'completed', processed_count: 12, progress: 100 });
    expect(targetsOf(fake, 'getBatchProcess')).toEqual([1, 2, 3].map(() => `/company/batch_processes/${queued.batch.id}`));
    expect(fake.records.commissions.every((c) => c.status === 'approved')).toBe(true);
  });

  it('returns a failed batch with its processing errors', async () => {
    const fake = await serveFake();
    const queued = await bulk(fakeV2Client(fake).api.POST('/company/commissions/deny', { body: { ids: [11, 12, 13, 14, 15, 16] } }));
    const batch = await waitForBatch(fakeV2Client(fake), queued, fast);
    expect(batch).toMatchObject({ status: 'failed', failed_count: 6 });
    expect(batch.processing_errors).toEqual([11, 12, 13, 14, 15, 16].map((id) => `Commission ${id}: not found`));
  });

  it('returns a stopped batch as it is', async () => {
    const fake = await serveFake({ batchMs: 60_000 });
    const queued = await queuedApproval(fake, await sales(fake, 6));
    fake.stopBatch(queued.batch.id);
    const batch = await waitForBatch(fakeV2Client(fake).api, { id: queued.batch.id }, fast);
    expect(batch.status).toBe('stopped');
  });

  it('gives up with a BatchTimeoutError naming the batch and its last status', async () => {
    const fake = await serveFake({ batchPolls: 100_000, batchMs: 600_000 });
    const queued = await queuedApproval(fake, await sales(fake, 6));
    const error = await waitForBatch(fakeV2Client(fake), queued, { ...fast, maxWaitMs: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ batchId: queued.batch.id, lastStatus: 'in_progress', maxWaitMs: 60 });
    expect((error as Error).message).toMatch(new RegExp(`Batch process ${queued.batch.id} .* may still finish`));
    expect(targetsOf(fake, 'getBatchProcess').length).toBeGreaterThan(1);
  });

  it('times out while a poll is in flight', async () => {
    const fake = await serveFake();
    // The poll is answered long after the deadline: only the deadline ends the wait.
    fake.faults.next(1, 'slow_headers', { delayMs: 10_000 });
    const error = await waitForBatch(fakeV2Client(fake), 46, { ...fast, maxWaitMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ batchId: 46, lastStatus: undefined });
  });

  it('stops with an AbortError when the signal fires between polls', async () => {
    const fake = await serveFake({ batchMs: 60_000 });
    const queued = await queuedApproval(fake, await sales(fake, 6));
    const controller = new AbortController();
    // The abort comes once the client is asleep after the first look, 5 s from the next one.
    const wait = waitForBatch(fakeV2Client(fake), queued, { initialDelayMs: 5_000, signal: controller.signal }).catch((e: unknown) => e);
    await until(() => fake.requests.some((r) => r.operationId === 'getBatchProcess' && r.status === 200));
    setTimeout(() => controller.abort(), 20);
    const error = await wait;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(new RegExp(`batch process ${queued.batch.id}`));
    expect(targetsOf(fake, 'getBatchProcess')).toHaveLength(1);
  });

  it('stops with an AbortError when the signal fires during a poll, and never polls for an aborted signal', async () => {
    const fake = await serveFake();
    fake.faults.next(1, 'slow_headers', { delayMs: 10_000 });
    const controller = new AbortController();
    const client = fakeV2Client(fake);
    const wait = waitForBatch(client, 48, { ...fast, signal: controller.signal });
    await until(() => fake.requests.length === 1);
    controller.abort();
    await expect(wait).rejects.toBeInstanceOf(AbortError);
    await expect(waitForBatch(client, 48, { ...fast, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects with the typed error of a failed poll', async () => {
    const fake = await serveFake();
    const error = await waitForBatch(fakeV2Client(fake), 49, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, path: '/company/batch_processes/{id}' });
  });
});
