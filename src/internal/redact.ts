// Values FirstPromoter returns that must never reach a log or an error message: promoter dashboard
// tokens and password links, passwords (new ones too), and access tokens. Matching is by field name (any
// case), at any depth, and inside text too (an error page or a half-JSON body can still carry `auth_token=...`).
// On top of that, the secrets the client itself holds (its API keys, its Account-ID) are replaced
// wherever they appear, keys included: a server may echo them back in a 401 body or a header.
import { setOwn } from './set-own.js';

const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'auth_token',
  'password_setup_url',
  'temp_password',
  'basic_auth_password',
  'access_token',
  'secret_key',
  // The affiliate API's set-password body; an error that echoes the request must not show them.
  'new_password',
  'new_password_confirmation',
]);

export const REDACTED = '[redacted]';

// The name (and, for a nested field in bracket form such as `user[new_password]=abc`, its closing
// bracket); a separator (`":"`, `=`, `: `, `%3D`, `&quot;:&quot;`...); then the value: up to a quote,
// `&`, whitespace, comma, brace or tag, except that a URL's query or fragment (`?email=a&token=b`)
// belongs to the value, up to whitespace, a quote or a tag.
// Built on first use: only a response that is kept (an error, an outcome's message) needs it.
let secretInText: RegExp | undefined;
const secretPattern = (): RegExp => {
  const quote = `(?:\\\\?["']|%22|%27|&quot;)`;
  return (secretInText ??= new RegExp(
    `(${[...SECRET_FIELDS].join('|')})((?:\\]|%5[Dd])?${quote}?\\s*(?:[:=]|%3[AaDd])\\s*${quote}?)([^"'&\\s,;}<>\\\\?#]+(?:[?#][^"'\\s<>]*)?|[?#][^"'\\s<>]*)`,
    'gi',
  ));
};

/**
 * Credentials shorter than this are not scrubbed literally: replacing every `k` or `acc1` would garble
 * whole bodies, and no real key is that short (a test double's key may be).
 */
export const MIN_SCRUBBED_LENGTH = 6;

/** The forms a secret takes in text: as is, URL-encoded, JSON-escaped. */
function literalForms(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUBBED_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret inside another is not left half-replaced.
  return [...forms].sort((a, b) => b.length - a.length);
}

function scrubLiterals(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

/** True when `text` holds any of `secrets`, in any of the forms scrubbed. */
export function containsSecret(text: string, secrets: Iterable<string>): boolean {
  return literalForms(secrets).some((form) => text.includes(form));
}

/** `text` with the literal secrets (in `forms`) and the value after every secret field name replaced. */
function scrubText(text: string, forms: readonly string[]): string {
  return scrubLiterals(text, forms).replace(secretPattern(), `$1$2${REDACTED}`);
}

/** `text` with the value after every secret field name, and every literal secret, replaced by `[redacted]`. */
export function redactSecretText(text: string, secrets: Iterable<string> = []): string {
  return scrubText(text, literalForms(secrets));
}

/** A copy of `value` with every secret field, secret in text and literal secret replaced by `[redacted]`. */
export function redactSecrets(value: unknown, secrets: Iterable<string> = []): unknown {
  const forms = literalForms(secrets);
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return scrubText(item, forms);
    if (item === null || typeof item !== 'object') return item;
    if (depth > 20) return REDACTED; // deeper than any FirstPromoter body: not worth the risk
    if (Array.isArray(item)) return item.map((each) => walk(each, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(item)) {
      const secret = SECRET_FIELDS.has(key.toLowerCase()) && member !== null && member !== undefined;
      // setOwn: a `__proto__` key from JSON.parse stays a key instead of becoming the copy's prototype.
      setOwn(out, scrubLiterals(key, forms), secret ? REDACTED : walk(member, depth + 1));
    }
    return out;
  };
  return walk(value, 0);
}
