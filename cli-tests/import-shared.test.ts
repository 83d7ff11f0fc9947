// Two imports of one account sharing its budget through a real redis-server (`--redis`): against a
// server that answers 429 past the budget, together they stay under it, where each on its own pace
// would have gone over twice. Without redis-server this fails, except outside CI with
// FIRSTPROMOTER_SKIP_REDIS_TESTS=1 (scripts/redis-server.mjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisSkipReason, startRedisServer } from '../scripts/redis-server.mjs';
import { startTrackingServer } from '../scripts/tracking-server.mjs';
import { runCli, sales, scratch, writeCsv } from './support/cli.js';

const skip = redisSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('import --redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    redis = await startRedisServer();
  }, 20_000);
  afterAll(() => redis?.stop());

  it('two processes of one account keep to one budget', async () => {
    // 40 requests in any second; each process is told 1,800 a minute (30 a second) for the account.
    const server = await startTrackingServer({ budget: { requests: 40, windowMs: 1_000 } });
    try {
      const dir = scratch();
      const files = [writeCsv(dir, 'a.csv', sales(60, 'a')), writeCsv(dir, 'b.csv', sales(60, 'b'))];
      const runs = await Promise.all(files.map((file) => runCli(['--base-url', server.url, 'import', file, '--rate', '1800', '--redis', redis.url])));
      for (const run of runs) expect([run.code, run.stderr.match(/error.*/)?.[0]]).toEqual([0, undefined]);
      expect(server.recorded.size).toBe(120);
      expect(server.rateLimited).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('says what is wrong when the Redis cannot be reached, without printing its URL', async () => {
    const file = writeCsv(scratch(), 'a.csv', sales(1));
    const run = await runCli(['--base-url', 'http://127.0.0.1:9/api/v2', 'import', file, '--redis', 'redis://:hunter2secret@127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot connect to the Redis of --redis: /);
    expect(run.stderr).not.toContain('hunter2secret');
  });
});
