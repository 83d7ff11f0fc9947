// Which adapter sends a client's requests: the caller's `fetch` when they pass one; on Node, node:http
// (./node-http.ts); everywhere else (Bun, Deno, workers, browsers) the global fetch, read at call time.
// - Node is told apart by what the others have and it has not: Bun and Deno answer to
//   process.versions.node and have process.getBuiltinModule too; workerd's nodejs_compat and
//   browser-like runtimes name themselves in navigator.userAgent.
// - The built-ins come from process.getBuiltinModule (Node 20.16+, 22.3+), each on its first use: a
//   static `import 'node:http'` breaks bundles for workers and browsers, and on Node 22 and 24 builds
//   the module's ESM namespace, whose lazy WebSocket getters load undici (35-50 ms at import). Older
//   Node 20 releases keep fetch.
// - Proxies: when the process opts in to proxies from the environment (NODE_USE_ENV_PROXY=1 or
//   --use-env-proxy), Node's own fetch and agents read HTTP_PROXY, HTTPS_PROXY and NO_PROXY; the
//   node:http agents then get `proxyEnv` too. A Node whose http.Agent has no `proxyEnv` keeps fetch,
//   so no proxy the process asked for is bypassed.
// One node:http adapter per copy of the package, so every client shares its keep-alive sockets.
import type { TransportAdapter } from '../adapter.js';
import { createFetchAdapter } from './fetch.js';
import { createNodeHttpAdapter, type NodeBuiltins } from './node-http.js';

interface NodeProcess {
  versions: Record<string, string | undefined>;
  env: Record<string, string | undefined>;
  execArgv?: readonly string[];
  allowedNodeEnvironmentFlags?: ReadonlySet<string>;
  getBuiltinModule?: (name: string) => unknown;
}

let shared: TransportAdapter | undefined;

/** The adapter for a client: `fetch` when given, else the runtime's own (see above). */
export function defaultAdapter(fetch?: typeof globalThis.fetch): TransportAdapter {
  if (fetch) return createFetchAdapter(fetch);
  return (shared ??= nodeAdapter() ?? createFetchAdapter());
}

/** The node:http adapter when this is Node with process.getBuiltinModule and nothing asks for fetch instead. */
function nodeAdapter(): TransportAdapter | undefined {
  const node = nodeProcess();
  if (!node?.getBuiltinModule) return undefined;
  const proxy = envProxy(node);
  if (proxy === undefined) return undefined;
  const load = node.getBuiltinModule.bind(node);
  const builtins = { http: () => load('node:http'), https: () => load('node:https'), zlib: () => load('node:zlib') } as NodeBuiltins;
  return createNodeHttpAdapter(builtins, proxy);
}

export function nodeProcess(): NodeProcess | undefined {
  try {
    const scope = globalThis as { process?: NodeProcess; navigator?: { userAgent?: unknown }; Deno?: unknown; Bun?: unknown };
    const proc = scope.process;
    if (typeof proc?.versions?.node !== 'string' || proc.versions.bun || proc.versions.deno || scope.Deno || scope.Bun) return undefined;
    const agent = scope.navigator?.userAgent;
    return typeof agent === 'string' && !agent.startsWith('Node.js') ? undefined : proc;
  } catch {
    // A runtime whose process or navigator getters throw is not Node.
    return undefined;
  }
}

/**
 * The agents' proxy settings: none when the process has not opted in, `proxyEnv` when it has and the
 * agents can take it, undefined (use fetch) when it has and they cannot.
 */
export function envProxy(node: NodeProcess): { proxyEnv?: Record<string, string | undefined> } | undefined {
  const flags = [...(node.execArgv ?? []), ...(node.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (node.env.NODE_USE_ENV_PROXY !== '1' && !flags.includes('--use-env-proxy')) return {};
  return node.allowedNodeEnvironmentFlags?.has('--use-env-proxy') ? { proxyEnv: node.env } : undefined;
}
