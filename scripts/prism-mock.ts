// Starts a Prism mock of one spec inside this process (no child process, up in tens of
// milliseconds). Used by the contract tests and by `npm run demo`.
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';

export interface RunningMock {
  url: string;
  close(): Promise<void>;
}

export async function startMock(specPath: string): Promise<RunningMock> {
  const operations = await getHttpOperationsFromSpec(specPath);
  const server = createServer(operations, {
    cors: false,
    config: {
      mock: { dynamic: false },
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    components: { logger: createLogger('prism', { level: 'silent' }) },
  });
  const url = await server.listen(0, '127.0.0.1');
  return { url, close: () => server.close() };
}
