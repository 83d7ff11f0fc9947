// Secret redaction by field name at any depth, and inside text bodies.
import { describe, expect, it } from 'vitest';
import { containsSecret, MIN_SCRUBBED_LENGTH, REDACTED, redactSecretText, redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it('replaces secret fields at any depth and keeps everything else', () => {
    const body = {
      data: [{ id: 1, auth_token: 'tok_1', profile: { password_setup_url: 'https://x/set?t=2', name: 'Ann' } }],
      meta: { access_token: 'at', secret_key: 'sk', temp_password: 'pw', basic_auth_password: 'bp', page: 2 },
      user: { new_password: 'np', new_password_confirmation: 'np' },
      auth_token: null,
    };
    expect(redactSecrets(body)).toEqual({
      data: [{ id: 1, auth_token: REDACTED, profile: { password_setup_url: REDACTED, name: 'Ann' } }],
      meta: { access_token: REDACTED, secret_key: REDACTED, temp_password: REDACTED, basic_auth_password: REDACTED, page: 2 },
      user: { new_password: REDACTED, new_password_confirmation: REDACTED },
      auth_token: null,
    });
    expect(body.data[0]?.auth_token).toBe('tok_1');
  });

  it('does not follow a body deeper than any real one', () => {
    let deep: unknown = { auth_token: 'tok_deep' };
    for (let i = 0; i < 30; i++) deep = { next: deep };
    expect(JSON.stringify(redactSecrets(deep))).not.toContain('tok_deep');
  });

  it('leaves primitives alone', () => {
    expect([1, true, null, undefined].map((v) => redactSecrets(v))).toEqual([1, true, null, undefined]);
  });

  it('matches field names in any case', () => {
    expect(redactSecrets({ Auth_Token: 'tok_1', ACCESS_TOKEN: 'at_1' })).toEqual({ Auth_Token: REDACTED, ACCESS_TOKEN: REDACTED });
  });

  it('scrubs the given secrets literally from values and keys, in plain, URL-encoded and JSON-escaped form', () => {
    const key = 'sk_live/key+"quoted"';
    const body = { message: `Invalid key ${key}`, echo: { [key]: encodeURIComponent(key), raw: JSON.stringify({ key }) } };
    const printed = JSON.stringify(redactSecrets(body, [key]));
    expect(printed).not.toContain('sk_live');
    expect(redactSecrets(body, [key])).toMatchObject({ message: `Invalid key ${REDACTED}`, echo: { [REDACTED]: REDACTED } });
  });

  it('leaves credentials shorter than MIN_SCRUBBED_LENGTH alone rather than garble the body', () => {
    expect(redactSecrets({ message: 'a key is missing' }, ['a', 'key'])).toEqual({ message: 'a key is missing' });
    const [short, long] = ['k'.repeat(MIN_SCRUBBED_LENGTH - 1), 'q'.repeat(MIN_SCRUBBED_LENGTH)];
    expect(redactSecrets({ message: `${short} ${long}` }, [short, long])).toEqual({ message: `${short} ${REDACTED}` });
  });

  it('keeps a __proto__ key of a parsed body as a key, never as the copy\'s prototype', () => {
    const copy = redactSecrets(JSON.parse('{"__proto__":{"message":"injected"},"error":"real"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'error']);
    expect((copy as { message?: unknown }).message).toBeUndefined();
  });
});

describe('redactSecretText', () => {
  it.each([
    ['{"auth_token":"tok_1","id":1}', '{"auth_token":"[redacted]","id":1}'],
    ['{\\"auth_token\\":\\"tok_1\\"}', '{\\"auth_token\\":\\"[redacted]\\"}'],
    ['auth_token=tok_1&page=2', 'auth_token=[redacted]&page=2'],
    ['find_by%3Dauth_token%26auth_token%3Dtok_1', 'find_by%3Dauth_token%26auth_token%3D[redacted]'],
    ['<p>password_setup_url: https://a.test/s?t=1</p>', '<p>password_setup_url: [redacted]</p>'],
    ["auth_token = 'tok_1', next", "auth_token = '[redacted]', next"],
    ['user[new_password]=pw1&user[new_password_confirmation]=pw1', 'user[new_password]=[redacted]&user[new_password_confirmation]=[redacted]'],
    ['promoter%5Bauth_token%5D%3Dtok_1', 'promoter%5Bauth_token%5D%3D[redacted]'],
    ['{"new_password_confirmation":"pw1","new_password":"pw1"}', '{"new_password_confirmation":"[redacted]","new_password":"[redacted]"}'],
    ['nothing secret here: token=abc', 'nothing secret here: token=abc'],
    // A URL's query and fragment belong to the value: `&` ends a form value, not a link.
    ['password_setup_url: https://a.test/setup?email=a@b.test&token=S3CR3T done', 'password_setup_url: [redacted] done'],
    ['password_setup_url=https://a.test/setup#email=a&token=S3CR3T', 'password_setup_url=[redacted]'],
    ['<a>password_setup_url: https://a.test/s?e=1&amp;token=S3CR3T</a>', '<a>password_setup_url: [redacted]</a>'],
    ['AUTH_TOKEN=tok_1', 'AUTH_TOKEN=[redacted]'],
    ['auth_token%22%3A%22tok_1%22%2C%22id%22%3A1', 'auth_token%22%3A%22[redacted]'], // URL-encoded JSON: no quote ends the value, so all of it goes
    ['auth_token&quot;:&quot;tok_1&quot;', 'auth_token&quot;:&quot;[redacted]&quot;'],
  ])('%s', (text, expected) => {
    expect(redactSecretText(text)).toBe(expected);
  });

  it('scrubs literal secrets from text, and tells whether text holds one', () => {
    expect(redactSecretText('Bearer fp_key_123456 was refused', ['fp_key_123456'])).toBe(`Bearer ${REDACTED} was refused`);
    expect([containsSecret('x fp_key_123456', ['fp_key_123456']), containsSecret('ECONNRESET', ['fp_key_123456'])]).toEqual([true, false]);
  });
});
