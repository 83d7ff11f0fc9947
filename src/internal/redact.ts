// Values FirstPromoter returns that must never reach a log or an error message: promoter dashboard
// tokens and password links, passwords (new ones too), and access tokens. Matching is by field name, at any depth,
// and inside text too (an error page or a half-JSON body can still carry `auth_token=...`).
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
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

// `auth_token":"abc"`, `auth_token=abc`, `auth_token: abc`, `password_setup_url%3Dhttps...`, and the
// bracket form of a nested field, `user[new_password]=abc`: the name (and its closing bracket), a
// separator, then the value up to a quote, `&`, whitespace, comma, brace or tag.
const SECRET_IN_TEXT = new RegExp(
  `(${[...SECRET_FIELDS].join('|')})((?:\\]|%5[Dd])?\\\\?["']?\\s*(?:[:=]|%3[Dd])\\s*\\\\?["']?)([^"'&\\s,;}<>\\\\]+)`,
  'g',
);

/** `text` with the value after every secret field name replaced by `[redacted]`. */
export function redactSecretText(text: string): string {
  return text.replace(SECRET_IN_TEXT, `$1$2${REDACTED}`);
}

/** A copy of `value` with every secret field (and secret in text) replaced by `[redacted]`. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecretText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 20) return REDACTED; // deeper than any FirstPromoter body: not worth the risk
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELDS.has(key) && item !== null && item !== undefined ? REDACTED : redactSecrets(item, depth + 1);
  }
  return out;
}
