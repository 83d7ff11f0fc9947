// Starts a real redis-server (Debian's `redis-server` package) for the tests and the benchmark: on a
// free loopback port, with no persistence, stopped by `stop()`. There is no mock: the store is tested
// against the server it runs on in production. Where redis-server is missing the caller fails loudly;
// only outside CI may FIRSTPROMOTER_SKIP_REDIS_TESTS=1 turn that into a skip (see redisSkipReason).
// @ts-check
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

const INSTALL_HINT = 'Install it with `apt-get install -y redis-server` (Debian) or put redis-server on PATH.';

/** Why Redis tests may be skipped here, or undefined when they must run (always in CI). */
export function redisSkipReason() {
  if (hasRedisServer()) return undefined;
  if (process.env.FIRSTPROMOTER_SKIP_REDIS_TESTS === '1' && !process.env.CI) {
    return `redis-server is not installed and FIRSTPROMOTER_SKIP_REDIS_TESTS=1: skipping the Redis tests. ${INSTALL_HINT}`;
  }
  return undefined;
}

function hasRedisServer() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A port nobody listens on right now (the kernel's pick). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startRedisServer() {
  if (!hasRedisServer()) throw new Error(`redis-server was not found, so the Redis tests cannot run. ${INSTALL_HINT}`);
  let lastOutput = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(),
      '--loglevel', 'notice',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = await new Promise((resolve) => {
      let output = '';
      const timer = setTimeout(() => resolve(false), 10_000);
      const onData = (/** @type {Buffer} */ chunk) => {
        output += String(chunk);
        lastOutput = output;
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) {
      child.stdout.resume();
      child.stderr.resume();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    child.kill('SIGKILL');
  }
  throw new Error(`redis-server did not start:\n${lastOutput}`);
}
