// What a 401 means depends on the credential: a company API key stays valid until it is revoked, an
// affiliate access token ends with the promoter's dashboard session. A client whose credential
// expires says so here for the 401s it returns, and the AuthenticationError built from one of them
// gives that advice instead of the generic one. Kept beside the Response, never on it.

const HINTS = new WeakMap<Response, string>();

/** Advice for the AuthenticationError of this 401; it must never contain the credential itself. */
export function setAuthHint(response: Response, hint: string): void {
  HINTS.set(response, hint);
}

export function authHintOf(response: Response): string | undefined {
  return HINTS.get(response);
}
