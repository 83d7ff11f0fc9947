// Finds the operation of the spec a command line names: `GET /company/promoters/42` is the
// operation `GET /company/promoters/{id}` with `id` = 42, read from the generated operation table. A
// path that matches nothing is answered with the closest operations, so a typo is one step from right.
import { distance } from 'fastest-levenshtein';
import type { Operation } from './clients.js';
import { UsageError } from './exit-codes.js';

export interface Match {
  operation: Operation;
  /** Path parameter name → the segment of the given path. */
  pathParams: Record<string, string>;
}

const segments = (path: string) => path.split('/').filter((s) => s !== '');
const isParam = (segment: string) => /^\{.+\}$/.test(segment);

/** The path's parameters when `template` matches it, else undefined. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const wanted = segments(template);
  const given = segments(path);
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of wanted.entries()) {
    const actual = given[i] as string;
    if (isParam(segment)) params[segment.slice(1, -1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

/** The operation for `method path` (a literal segment beats a parameter), or a UsageError with suggestions. */
export function findOperation(operations: readonly Operation[], method: string, path: string, what = 'operation'): Match {
  const matches = operations
    .map((operation) => ({ operation, pathParams: matchTemplate(operation.path, path) }))
    .filter((m): m is Match => m.pathParams !== undefined);
  const best = matches.filter((m) => m.operation.method === method)
    .sort((a, b) => Object.keys(a.pathParams).length - Object.keys(b.pathParams).length)[0];
  if (best) return best;
  const suggestions = closestOperations(operations, method, path).map((op) => `  ${op.method} ${op.path}`).join('\n');
  if (matches.length > 0) {
    const methods = [...new Set(matches.map((m) => m.operation.method))].join(', ');
    throw new UsageError(`${method} ${path} is not an ${what}: ${matches[0]!.operation.path} takes ${methods}. The closest:\n${suggestions}`);
  }
  throw new UsageError(`${method} ${path} matches no ${what} of the spec. The closest:\n${suggestions}`);
}

/** The three operations nearest to `method path`: edit distance on the path, its own method first. */
export function closestOperations(operations: readonly Operation[], method: string, path: string): Operation[] {
  const given = segments(path);
  const score = (op: Operation) => {
    // Compare against the template with the given segments put in for its parameters, so an id does not
    // count as a typo; but a parameter filled by a word that is a typo of a literal must not win either.
    let filledParams = 0;
    const filled = segments(op.path).map((segment, i) => {
      if (!isParam(segment) || given[i] === undefined) return segment;
      filledParams++;
      return given[i];
    }).join('/');
    return distance(given.join('/'), filled) + filledParams * 0.75 + (op.method === method ? 0 : 0.5);
  };
  return [...operations].sort((a, b) => score(a) - score(b)).slice(0, 3);
}
