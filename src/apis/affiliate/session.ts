// The affiliate access token ends with the promoter's dashboard session, so it is not a fixed header:
// this middleware sets it on every request, and a portal backend can give a function instead of a
// string, which the client asks for a new token when FirstPromoter refuses the one it has.
// - The function is called before the first request and again only after a 401, not per request.
// - A 401 gets one refresh and one retry of that request, never more: if the new token is refused too,
//   the call ends with that 401 (an AuthenticationError from `unwrap`). No loop.
// - Concurrent 401s for the same token share one refresh: the first starts it, the others wait for it;
//   a request that carried a token already replaced is retried with the new one, without a new refresh.
//   Requests started while a refresh is in flight wait for it rather than send the refused token.
// A 401 means FirstPromoter processed nothing, so sending the same request again is safe; its body is
// kept as a string (LiteRequest), so it can be sent twice. The retry goes through the same transport,
// with the call's own retry, timeout and abort settings. Tokens never leave this closure.
import type { Middleware } from 'openapi-fetch';
import { ValidationError } from '../../core/errors.js';
import { setAuthHint } from '../../internal/auth-hint.js';

/** What the client tells the access-token function: `refresh` is true when FirstPromoter refused the last token. */
export interface AccessTokenRequest {
  refresh: boolean;
}

/** Returns the promoter's current access token (a string, or a promise of one). */
export type AccessTokenProvider = (request: AccessTokenRequest) => string | Promise<string>;

interface TokenEntry {
  readonly generation: number;
  readonly token: Promise<string>;
}

const EXPIRED = "The promoter's session token expired or was revoked.";
const HINT = {
  fixed: `${EXPIRED} Create the client with a new access token, or pass \`accessToken\` as a function so the client can ask for a new one on 401.`,
  refusedAgain: `${EXPIRED} The client asked the \`accessToken\` function for a new token and retried once; that token was refused too.`,
  unchanged: `${EXPIRED} The \`accessToken\` function returned the same token when asked for a new one, so the request was not sent again.`,
};

/**
 * The middleware that authenticates every request with `source` (`Authorization: Bearer …`); every
 * token it sends goes to `onToken` first (the client scrubs them from errors).
 */
export function sessionAuth(
  source: string | AccessTokenProvider,
  header: { readonly header: string; readonly prefix: string },
  onToken: (token: string) => void,
): Middleware {
  const provider = typeof source === 'function' ? source : undefined;
  let generation = 0;
  let current: TokenEntry | undefined = provider ? undefined : { generation, token: Promise.resolve(source as string) };
  let refreshNext = false;
  const sentWith = new WeakMap<object, { generation: number; token: string }>();

  function ask(refresh: boolean): TokenEntry {
    const entry: TokenEntry = { generation: ++generation, token: Promise.resolve().then(() => provider!({ refresh })).then(checked) };
    current = entry;
    // A failed call is not kept: the next request asks again (as a refresh if this one was).
    entry.token.then(
      () => { if (current === entry) refreshNext = false; },
      () => { if (current === entry) [current, refreshNext] = [undefined, refresh]; },
    );
    return entry;
  }

  async function authenticate(request: Request, entry: TokenEntry): Promise<string> {
    const token = await entry.token;
    onToken(token);
    request.headers.set(header.header, header.prefix + token);
    sentWith.set(request, { generation: entry.generation, token });
    return token;
  }

  return {
    async onRequest({ request }) {
      await authenticate(request, current ?? ask(refreshNext));
    },
    async onResponse({ request, response, options }) {
      if (response.status !== 401) return undefined;
      const sent = sentWith.get(request);
      if (!provider || !sent) {
        setAuthHint(response, HINT.fixed);
        return undefined;
      }
      // The first request to see its token refused replaces it; the others use the replacement.
      const entry = current && current.generation !== sent.generation ? current : ask(true);
      const token = await authenticate(request, entry);
      if (token === sent.token) {
        setAuthHint(response, HINT.unchanged);
        return undefined;
      }
      const retried = await options.fetch(request);
      if (retried.status === 401) setAuthHint(retried, HINT.refusedAgain);
      return retried;
    },
  };
}

function checked(token: unknown): string {
  // Visible ASCII only: a header cannot carry more, and Headers' own TypeError would quote the token.
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    const what = typeof token === 'string' ? 'a string that is empty or holds whitespace, control or non-ASCII characters' : typeof token;
    throw new ValidationError('accessToken', `The \`accessToken\` function must return a non-empty access token without whitespace, control or non-ASCII characters; it returned ${what}.`);
  }
  return token;
}
