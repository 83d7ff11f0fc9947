// A path someone wrote out in full (`/company/things/jane@example.com/notes`) can hold ids, emails or
// tokens. Logs and errors show it as a template instead: every segment that is not a plain word (letters
// and underscores, at most one trailing digit, like `v2`) becomes `{id}`.

/** `/company/things/42/notes` → `/company/things/{id}/notes`. */
export function templateOf(path: string): string {
  return path.replace(/[^/]+/g, (segment) => (/^[a-z_]+\d?$/i.test(segment) ? segment : '{id}'));
}
