// Secret redaction by field name at any depth, and inside text bodies.
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecretText, redactSecrets } from './redact.js';

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
  ])('%s', (text, expected) => {
    expect(redactSecretText(text)).toBe(expected);
  });
});
