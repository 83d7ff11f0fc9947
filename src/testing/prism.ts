// Starts Prism over one bundled spec inside this process (no child process, up in tens of milliseconds):
// a mock that checks every request against the contract and answers with the spec's examples, or, with
// `upstream`, a proxy that forwards to a real server and checks its answers too. Prism is an optional
// peer dependency of `firstpromoter/testing`, loaded only when a mock is started.

export interface RunningPrism {
  url: string;
  close(): Promise<void>;
}

/** The Prism packages, and the version line this package is tested with. */
const PRISM_PACKAGES = ['@stoplight/prism-http-server@5.12.2', '@stoplight/prism-http@5.12.0', '@stoplight/prism-core@5.8.0'] as const;

export class PrismMissingError extends Error {
  override name = 'PrismMissingError';
  constructor(cause: unknown) {
    super(`startContractMock needs Prism, an optional peer dependency of firstpromoter/testing: npm install --save-dev ${PRISM_PACKAGES.join(' ')}`, { cause });
  }
}

async function loadPrism() {
  try {
    const [core, http, server] = await Promise.all([
      import('@stoplight/prism-core'), import('@stoplight/prism-http'), import('@stoplight/prism-http-server'),
    ]);
    return { createLogger: core.createLogger, getHttpOperationsFromSpec: http.getHttpOperationsFromSpec, createServer: server.createServer };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new PrismMissingError(error);
    throw error;
  }
}

export async function startPrism(specPath: string, options: { upstream?: URL } = {}): Promise<RunningPrism> {
  const prism = await loadPrism();
  const operations = await prism.getHttpOperationsFromSpec(specPath);
  const common = {
    mock: { dynamic: false }, validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, upstreamProxy: undefined,
  } as const;
  const server = prism.createServer(operations, {
    cors: false,
    config: options.upstream ? { ...common, isProxy: true, upstream: options.upstream } : { ...common, isProxy: false },
    components: { logger: prism.createLogger('prism', { level: 'silent' }) },
  });
  const url = await server.listen(0, '127.0.0.1');
  return { url, close: () => server.close() };
}
