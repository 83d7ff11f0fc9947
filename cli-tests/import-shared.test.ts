// Two imports of one account sharing its budget through a real redis-server (`--redis`): against the
// fake's account rate limit (429 past the budget, over a sliding window), together they stay under it,
// where each on its own pace goes over. Without redis-server this fails, except outside CI with
// FIRSTPROMOTER_SKIP_REDIS_TESTS=1 (scripts/redis-server.mjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisSkipReason, startRedisServer } from '../scripts/redis-server.mjs';
import { runCli, sales, scratch, writeCsv } from './support/cli.js';
import { recordedKeys, referredCustomers, startFake } from './support/fake.js';

const skip = redisSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('import --redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    redis = await startRedisServer();
  }, 20_000);
  afterAll(() => redis?.stop());

  /** Two imports of 60 sales each, told 1,800 a minute (30 a second) each, at an account allowing 40 in any second. */
  async function importTwice(shared: boolean) {
    const fake = await startFake({ referrals: referredCustomers(60) });
    fake.rateLimit({ requests: 40, perMs: 1_000 });
    try {
      const dir = scratch();
      const files = [writeCsv(dir, 'a.csv', sales(60, 'a')), writeCsv(dir, 'b.csv', sales(60, 'b'))];
      const redisFlags = shared ? ['--redis', redis.url] : [];
      const runs = await Promise.all(files.map((file) => runCli(['--base-url', fake.v2BaseUrl, 'import', file, '--rate', '1800', ...redisFlags])));
      for (const run of runs) expect([run.code, run.stderr.match(/error.*/)?.[0]]).toEqual([0, undefined]);
      expect(recordedKeys(fake)).toEqual([...sales(60, 'a'), ...sales(60, 'b')].map((row) => `sale:${row.event_id}`).sort());
      return fake.requests.filter((request) => request.status === 429).length;
    } finally {
      await fake.close();
    }
  }

  it('two processes of one account keep to one budget', async () => {
    expect(await importTwice(true)).toBe(0);
  });

  it('without --redis the same two imports go over it (the limit bites), and still record every row once', async () => {
    expect(await importTwice(false)).toBeGreaterThan(0);
  });

  it('says what is wrong when the Redis cannot be reached, without printing its URL', async () => {
    const file = writeCsv(scratch(), 'a.csv', sales(1));
    const run = await runCli(['--base-url', 'http://127.0.0.1:9/api/v2', 'import', file, '--redis', 'redis://:hunter2secret@127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot connect to the Redis of --redis: /);
    expect(run.stderr).not.toContain('hunter2secret');
  });
});
