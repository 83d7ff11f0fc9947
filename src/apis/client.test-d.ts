// Type tests: every credential the registry gives an API is an option of that API's factory, typed
// as a string, so adding a credential to openapi/registry.yaml without a documented option fails here.
import { describe, expectTypeOf, it } from 'vitest';
import type { API as V1_API } from '../../generated/v1.operations.js';
import type { API as V2_API } from '../../generated/v2.operations.js';
import type { FirstPromoterV1Options } from './v1/client.js';
import type { FirstPromoterOptions } from './v2/client.js';

type CredentialOptions<Facts extends { credentials: ReadonlyArray<{ option: string }> }> = Facts['credentials'][number]['option'];

describe('credential options follow the registry', () => {
  it('v2: apiKey and accountId', () => {
    expectTypeOf<Pick<FirstPromoterOptions, CredentialOptions<typeof V2_API>>>().toEqualTypeOf<{ apiKey?: string; accountId?: string }>();
  });

  it('v1: apiKey', () => {
    expectTypeOf<Pick<FirstPromoterV1Options, CredentialOptions<typeof V1_API>>>().toEqualTypeOf<{ apiKey?: string }>();
  });
});
