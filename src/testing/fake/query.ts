// Reads Rails bracket parameters back into nested values, the inverse of the client's encoder:
// `filters[state]=accepted` → { filters: { state: 'accepted' } }, `ids[]=1&ids[]=2` → { ids: ['1', '2'] },
// `filters[joined_at][from]=2025-01-01` at any depth. Values stay strings, as Rails gives them to the
// application; the handlers convert what they use.

export type Params = { [key: string]: ParamValue };
export type ParamValue = string | ParamValue[] | Params;

export function parseBrackets(pairs: Iterable<[string, string]>): Params {
  const root: Params = {};
  for (const [name, value] of pairs) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    if (!match) {
      root[name] = value;
      continue;
    }
    const keys = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    assign(root, keys, value);
  }
  return root;
}

function assign(target: Params, keys: string[], value: string): void {
  let node: Params | ParamValue[] = target;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const last = i === keys.length - 1;
    const nextIsList = keys[i + 1] === '';
    if (Array.isArray(node)) {
      // `name[]` appends; a deeper `name[][x]` has no stable meaning in Rails either: kept flat.
      node.push(last ? value : (nextIsList ? [] : {}));
      if (last) return;
      node = node[node.length - 1] as Params | ParamValue[];
      continue;
    }
    if (last) {
      node[key] = value;
      return;
    }
    const existing: ParamValue | undefined = node[key];
    const wanted = nextIsList ? Array.isArray(existing) : isParams(existing);
    if (!wanted) node[key] = nextIsList ? [] : {};
    node = node[key] as Params | ParamValue[];
  }
}

export function isParams(value: unknown): value is Params {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
