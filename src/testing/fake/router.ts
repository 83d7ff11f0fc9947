// Finds the API and the operation a request is for, from the operation tables: the URL's path under a
// base path, matched against every path template served there (`/company/promoters/{id}`). An API is
// served under its own base path and under those of its operations with a base URL of their own
// (`/api/admin/v1`). Literal segments win over parameters, so `/company/batch_processes/progress` is
// not batch "progress".
import { basePathOf, SERVED, type FakeApi, type Operation } from './apis.js';

export interface Route {
  api: FakeApi;
  /** The base path the URL is under, e.g. `/api/v2`. */
  basePath: string;
  /** The path under the base path, e.g. `/company/promoters/12`. */
  path: string;
  /** Undefined when no operation served under this base path has this method and path. */
  operation: Operation | undefined;
  /** Path parameters by name, decoded. */
  params: Record<string, string>;
}

interface Matcher {
  operation: Operation;
  pattern: RegExp;
  names: string[];
  literals: number;
}

function compile(operation: Operation): Matcher {
  const names: string[] = [];
  const segments = operation.path.split('/').slice(1);
  const source = segments.map((segment) => {
    const param = /^\{(.+)\}$/.exec(segment);
    if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(param[1]!);
    return '([^/]+)';
  }).join('/');
  return { operation, pattern: new RegExp(`^/${source}$`), names, literals: segments.length - names.length };
}

interface Base {
  basePath: string;
  api: FakeApi;
  matchers: Matcher[];
}

/** Base paths in SERVED's order (longest first), each with the operations served under it. */
const bases: readonly Base[] = SERVED.map(({ basePath, api }) => ({
  basePath,
  api,
  matchers: api.operations.filter((op) => basePathOf(api, op) === basePath).map(compile).sort((a, b) => b.literals - a.literals),
}));

/** The route of `method pathname`, or undefined when the path is under no API's base path. */
export function findRoute(method: string, pathname: string): Route | undefined {
  const base = bases.find((candidate) => pathname.startsWith(`${candidate.basePath}/`));
  if (!base) return undefined;
  const { api, basePath } = base;
  const path = pathname.slice(basePath.length);
  for (const matcher of base.matchers) {
    if (matcher.operation.method !== method) continue;
    const found = matcher.pattern.exec(path);
    if (!found) continue;
    const params = Object.fromEntries(matcher.names.map((name, i) => [name, safeDecode(found[i + 1]!)]));
    return { api, basePath, path, operation: matcher.operation, params };
  }
  return { api, basePath, path, operation: undefined, params: {} };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
