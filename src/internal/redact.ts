// Values FirstPromoter returns that must never reach a log or an error message: promoter dashboard
// tokens and password links, passwords, and access tokens. Matching is by field name, at any depth.
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'auth_token',
  'password_setup_url',
  'temp_password',
  'basic_auth_password',
  'access_token',
  'secret_key',
]);

export const REDACTED = '[redacted]';

/** A copy of `value` with every secret field replaced by `[redacted]`; other values are kept. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELDS.has(key) && item !== null && item !== undefined ? REDACTED : redactSecrets(item, depth + 1);
  }
  return out;
}
