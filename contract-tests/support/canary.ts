// Canary secrets: every client in the test run is built with these, so a scan of everything the tests
// produce (error messages, inspected objects, logs) can prove none of them ever leaks. One canary per
// credential of every API of the registry.
import { apis } from '../../scripts/registry.mjs';

/** `{ apiName: { option: canary } }`, e.g. `CREDENTIALS.v2.accountId`. */
export const CREDENTIALS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  apis.map((api) => [api.name, Object.fromEntries(api.credentials.map((c, i) => [c.option, `fp_canary_${api.name}_${c.option}_${(0x7f3a9c1e + i * 0x1b2d).toString(16)}`]))]),
);

/** The canaries of the v2 and v1 clients, by the option names the suites use. */
export const CANARY = {
  apiKey: CREDENTIALS.v2!.apiKey!,
  accountId: CREDENTIALS.v2!.accountId!,
  v1ApiKey: CREDENTIALS.v1!.apiKey!,
} as const;

export const CANARY_VALUES: readonly string[] = Object.values(CREDENTIALS).flatMap((byOption) => Object.values(byOption));
