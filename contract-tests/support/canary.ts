// Canary secrets: every client in the test run is built with these, so a scan of everything the tests
// produce (error messages, inspected objects, logs) can prove none of them ever leaks.
export const CANARY = {
  apiKey: 'fpk_canary_7f3a9c1e5b2d4806',
  accountId: 'acct_canary_4e8b2f6a',
  v1ApiKey: 'fpv1_canary_2c9d7e1f3a5b',
} as const;

export const CANARY_VALUES: readonly string[] = Object.values(CANARY);
