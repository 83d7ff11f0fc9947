// What every client of an API is made of, however it sends: the checked settings, the credentials
// (from the options or the environment) in the headers the spec names, the secrets to scrub from
// whatever is kept of a response, and the adapter of the runtime (node:http on Node, fetch elsewhere
// or when the caller passes one). The typed client (client.ts) hands them to openapi-fetch; the
// tracking methods (tracking.ts) send through the attempt loop directly.
import { PACKAGE } from '../../generated/package.js';
import { requireCredential, resolveSettings, type ClientOptions, type ResolvedSettings } from '../core/options.js';
import type { ApiFacts } from '../internal/api-facts.js';
import type { TransportAdapter } from '../transport/adapter.js';
import { defaultAdapter } from '../transport/adapters/runtime.js';
import type { TransportSettings } from '../transport/attempts.js';

export interface Connection {
  settings: ResolvedSettings;
  /** Accept, User-Agent and the credential headers, named as the spec names them. */
  headers: Record<string, string>;
  /**
   * The client's credentials, scrubbed from whatever is kept of a response. A client that obtains more
   * at run time (the affiliate session token) adds them here. Never exposed by an entry point.
   */
  secrets: Set<string>;
  adapter: TransportAdapter;
  /** What the attempt loop needs: the settings and the secrets. */
  transport: TransportSettings;
}

/** Checks the options and reads the credentials now, so a missing key is a ValidationError at construction. */
export function connect(facts: ApiFacts, options: ClientOptions): Connection {
  const given = options as Record<string, unknown>;
  const secrets = new Set<string>();
  const credentials: Record<string, string> = {};
  for (const credential of facts.credentials) {
    const value = requireCredential(credential.option, given[credential.option], credential.env, credential.label);
    secrets.add(value);
    credentials[credential.header] = credential.prefix + value;
  }
  const settings = resolveSettings(options, facts.baseUrl);
  const adapter = defaultAdapter(settings.fetch);
  // Browsers drop a User-Agent set by a script (keeping theirs); Node, Deno, Bun and workerd send it.
  // No custom header instead: it would add a CORS preflight to every browser request. It names the
  // adapter, so a support question can tell how a request was sent.
  const headers = { Accept: 'application/json', 'User-Agent': `${PACKAGE.name}/${PACKAGE.version} (${adapter.name})`, ...credentials };
  return { settings, headers, secrets, adapter, transport: { ...settings, secrets } };
}
