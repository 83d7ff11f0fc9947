// What the command line's exit status means, one place for every command.

export const EXIT = {
  /** Everything asked was done (tracking: tracked, duplicate or not_referral). */
  ok: 0,
  /** FirstPromoter or the network failed a call, or an import row failed. */
  failed: 1,
  /** The command line or the input was wrong; nothing was sent. */
  usage: 2,
  /** Stopped by Ctrl-C or SIGTERM; an import's journal holds every answer received. */
  interrupted: 130,
} as const;

/** A mistake in the command line or its input, reported as is, with exit status 2. Nothing was sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}
