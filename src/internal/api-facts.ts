// The facts of the API a typed client was made for (generated/<api>.operations.ts), attached to the
// client so the helpers that take a client (paginate, pages) read its paging rules and list shapes
// instead of guessing them from a path.

export type PageShape = 'array' | 'envelope';

/** The structure of `API` in generated/<api>.operations.ts, plus `LISTS` and `DOWNLOADS` for clients that use them. */
export interface ApiFacts {
  readonly name: string;
  readonly baseUrl: string;
  readonly encoding: 'json' | 'form';
  readonly credentials: ReadonlyArray<{ readonly option: string; readonly env: string; readonly label: string; readonly header: string; readonly prefix: string }>;
  readonly paging: { readonly defaultPerPage: number; readonly maxPerPage?: number };
  /** GET path template → page shape; only on clients that bundle the list table. */
  readonly lists?: Readonly<Record<string, PageShape>>;
  /** `METHOD /path` → media types of the 2xx answers of each download operation (CSV, PDF...). */
  readonly downloads?: Readonly<Record<string, readonly string[]>>;
  /** `METHOD /path` → the base URL of an operation that lives under another one (generated `SERVERS`). */
  readonly servers?: Readonly<Record<string, string>>;
}

const FACTS = new WeakMap<object, ApiFacts>();

export function attachFacts(api: object, facts: ApiFacts): void {
  FACTS.set(api, facts);
}

export function factsOf(api: object): ApiFacts | undefined {
  return FACTS.get(api);
}
