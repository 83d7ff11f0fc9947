// Ctrl-C (or SIGTERM) during an import: the first one stops starting rows and lets those in flight
// get their answer (and their journal entry); a second one abandons them too. Either way the journal
// holds every answer received, so running the same command again resumes.
import { setMaxListeners } from 'node:events';

export interface Interruption {
  /** Fired by the first signal: start no more rows. */
  stop: AbortSignal;
  /** Fired by the second: cancel the rows in flight. */
  abort: AbortSignal;
  dispose(): void;
}

/** `onStop` runs at the first signal, to say what happens next. */
export function interruption(onStop: () => void): Interruption {
  const stop = new AbortController();
  const abort = new AbortController();
  // Every row in flight listens to `abort` (its attempt, its wait for a slot): more than Node's default 10.
  setMaxListeners(Infinity, abort.signal);
  const onSignal = () => {
    if (stop.signal.aborted) {
      abort.abort();
      return;
    }
    stop.abort();
    onStop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop: stop.signal,
    abort: abort.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
