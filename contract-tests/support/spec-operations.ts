// The operations of an API's bundle (generated/<api>.openapi.yaml) as the generated contract suite reads
// them: parameters, request body and answers, each with the example the spec gives it. Local `$ref`s
// are followed on demand, so the suite sees the same schemas Prism validates against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolver } from '../../scripts/operation-table.mjs';
import { generatedFiles, root } from '../../scripts/registry.mjs';

/** A JSON Schema node of the spec, read loosely: the suite only looks at what it can break. */
export interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

export interface SpecParameter {
  /** The name the client is called with: the spec's (`ids`). */
  name: string;
  /** The name in the bundle and on the wire, which Prism's messages use (`ids[]`). */
  wireName: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
  /** The parameter's `example` (or first of `examples`); undefined when it has none. */
  example?: unknown;
}

export interface SpecBody {
  media: string;
  schema: Schema;
  /** The media type's `example`, or every value of its named `examples` (one per shape of a oneOf). */
  examples: unknown[];
}

export interface SpecOperation {
  parameters: SpecParameter[];
  body: SpecBody | undefined;
  /** Status → media type → that answer's example (undefined when the answer has a schema but no example). */
  answers: Record<string, Record<string, unknown>>;
}

/** The spec reader of one API: `operation(method, path)`, and `deref` for the schemas it returns. */
export interface SpecReader {
  operation(method: string, path: string): SpecOperation;
  /** Follows a node's local `$ref` chain to the node itself. */
  deref<T>(node: T): T;
}

/** The paths of a bundle, as far as the suites walk them: path → method (or `parameters`) → raw node. */
export type BundlePaths = Record<string, Record<string, unknown>>;

/**
 * An API's bundle (generated/<api>.openapi.yaml) as parsed YAML, with `deref`: the generator's own
 * `$ref` resolver (scripts/operation-table.mjs), so the suites follow references as the tables do.
 */
export function readBundle(apiName: string): { paths: BundlePaths; deref: SpecReader['deref'] } {
  const spec = parse(readFileSync(join(root, generatedFiles(apiName).bundle), 'utf8')) as { paths: BundlePaths };
  const resolve = resolver(spec) as (node: unknown) => unknown;
  return { paths: spec.paths, deref: <T>(node: T) => resolve(node) as T };
}

export function readSpec(apiName: string): SpecReader {
  const { paths, deref } = readBundle(apiName);

  return {
    deref,
    operation(method, path) {
      const item = deref(paths[path]);
      const op = deref(item?.[method.toLowerCase()]) as RawOperation | undefined;
      if (!item || !op) throw new Error(`${apiName}: ${method} ${path} is in the operation table but not in the bundle`);
      const parameters = [...((item.parameters as unknown[]) ?? []), ...(op.parameters ?? [])].map((raw) => {
        const p = deref(raw) as RawParameter;
        const example = p.example !== undefined ? p.example : Object.values(p.examples ?? {}).map((e) => deref(e).value)[0];
        // The bundle names Rails arrays as they travel (`ids[]`); the suite calls the client by the spec's name.
        const name = p.in === 'query' ? p.name.replace(/\[\]$/, '') : p.name;
        return { name, wireName: p.name, in: p.in, required: p.required === true, schema: deref(p.schema ?? {}), example };
      });
      const content = Object.entries(deref(op.requestBody)?.content ?? {});
      const body = content.length ? { media: content[0]![0], schema: deref(content[0]![1].schema ?? {}), examples: mediaExamples(content[0]![1], deref) } : undefined;
      const answers = Object.fromEntries(Object.entries(op.responses ?? {}).map(([status, raw]) => {
        const media = deref(raw).content ?? {};
        return [status, Object.fromEntries(Object.entries(media).map(([type, m]) => [type, mediaExamples(m, deref)[0]]))];
      }));
      return { parameters, body, answers };
    },
  };
}

interface RawMedia { schema?: Schema; example?: unknown; examples?: Record<string, { value?: unknown }> }
interface RawParameter extends RawMedia { name: string; in: SpecParameter['in']; required?: boolean }
interface RawOperation {
  parameters?: unknown[];
  requestBody?: { content?: Record<string, RawMedia> };
  responses?: Record<string, { content?: Record<string, RawMedia> }>;
}

/** `example`, or the values of `examples` in order (Prism serves the first of an answer's). */
function mediaExamples(media: RawMedia, deref: SpecReader['deref']): unknown[] {
  if (media.example !== undefined) return [media.example];
  return Object.values(media.examples ?? {}).map((e) => deref(e).value).filter((value) => value !== undefined);
}
