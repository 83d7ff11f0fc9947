// The fake's clock, through the real client: `latencyMs` holds each answer back after the fake acted
// (so a call in flight is already recorded, as over a real network), and every request carries the
// time it arrived, for rates over what the fake received.
import { afterEach, describe, expect, it } from 'vitest';
import { createFirstPromoter } from '../index.js';
import { startFakeFirstPromoter, type FakeFirstPromoter } from '../testing.js';

let fake: FakeFirstPromoter | undefined;
afterEach(() => fake?.close());

const sale = (eventId: string) => ({ email: 'jane@example.com', event_id: eventId, amount: 4999, ref_id: 'pat' });
const clientOf = (f: FakeFirstPromoter) => createFirstPromoter({ apiKey: f.apiKey, accountId: f.accountId, baseUrl: f.v2BaseUrl, maxRetries: 0, timeoutMs: 10_000 });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('latencyMs', () => {
  it('records the call at once and answers it latencyMs later, faulted answers too', async () => {
    fake = await startFakeFirstPromoter({ latencyMs: 600 });
    const fp = clientOf(fake);
    const call = fp.track.sale(sale('in_1'));
    await until(() => fake!.records.sales.length === 1);
    // Acted on, not yet answered: the answer is on its way back.
    expect(fake.requests[0]).toMatchObject({ operationId: 'trackSale', status: undefined });
    expect((await call).outcome).toBe('tracked');
    expect(fake.requests[0]!.status).toBe(200);

    fake.faults.next(1, 'status_500');
    const failing = fp.track.sale(sale('in_2')).catch((error: unknown) => error);
    await until(() => fake!.requests.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.requests[1]).toMatchObject({ fault: 'status_500', status: undefined });
    expect(await failing).toMatchObject({ status: 500 });
  });

  it('is off by default and refuses a negative or non-numeric value', async () => {
    fake = await startFakeFirstPromoter({ latencyMs: 0 });
    expect((await clientOf(fake).track.sale(sale('in_1'))).outcome).toBe('tracked');
    await expect(startFakeFirstPromoter({ latencyMs: -1 })).rejects.toThrow(/`latencyMs` must be a positive number/);
    await expect(startFakeFirstPromoter({ latencyMs: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe('receivedAt', () => {
  it('is when each request arrived, in ms since the epoch, in the order they came', async () => {
    fake = await startFakeFirstPromoter();
    const fp = clientOf(fake);
    const before = Date.now();
    for (const id of ['in_1', 'in_2', 'in_3']) await fp.track.sale(sale(id));
    const after = Date.now();
    const times = fake.requests.map((request) => request.receivedAt);
    expect(times).toHaveLength(3);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect(times[2]).toBeLessThanOrEqual(after);
  });
});
