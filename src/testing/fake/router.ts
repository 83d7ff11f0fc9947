// Finds the API and the operation a request is for, from the operation tables: the URL's path under an
// API's base path, matched against every path template of that API (`/company/promoters/{id}`).
// Literal segments win over parameters, so `/company/batch_processes/progress` is not batch "progress".
import { FAKE_APIS, type FakeApi, type Operation } from './apis.js';

export interface Route {
  api: FakeApi;
  /** The path under the API's base path, e.g. `/company/promoters/12`. */
  path: string;
  /** Undefined when no operation of the API has this method and path. */
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

const matchers = new Map<FakeApi, Matcher[]>(FAKE_APIS.map((api) => [api, api.operations.map(compile).sort((a, b) => b.literals - a.literals)]));

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

/** APIs by base path, longest first: an API under another's path (`/api/v2/affiliate`) wins over it. */
const byBasePath = [...FAKE_APIS].sort((a, b) => b.basePath.length - a.basePath.length);

/** The route of `method pathname`, or undefined when the path is under no API's base path. */
export function findRoute(method: string, pathname: string): Route | undefined {
  const api = byBasePath.find((candidate) => pathname.startsWith(`${candidate.basePath}/`));
  if (!api) return undefined;
  const path = pathname.slice(api.basePath.length);
  for (const matcher of matchers.get(api)!) {
    if (matcher.operation.method !== method) continue;
    const found = matcher.pattern.exec(path);
    if (!found) continue;
    const params = Object.fromEntries(matcher.names.map((name, i) => [name, safeDecode(found[i + 1]!)]));
    return { api, path, operation: matcher.operation, params };
  }
  return { api, path, operation: undefined, params: {} };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
