// One 'abort' listener per AbortSignal, however many calls share it. A listener per call (let alone per
// attempt and per backoff wait) makes Node print MaxListenersExceededWarning, a memory-leak warning,
// as soon as eleven calls share one signal. Calls subscribe here; the one listener fans out to them
// and is removed again when the last of them unsubscribes.

interface Subscription {
  readonly listeners: Set<() => void>;
  readonly dispatch: () => void;
}

const BY_SIGNAL = new WeakMap<AbortSignal, Subscription>();

/** Calls `listener` once when `signal` aborts (at once if it already has); returns the unsubscribe. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return () => undefined;
  }
  let found = BY_SIGNAL.get(signal);
  if (!found) {
    const listeners = new Set<() => void>();
    const dispatch = () => {
      BY_SIGNAL.delete(signal);
      for (const each of listeners) {
        try {
          each();
        } catch {
          // One subscriber's failure must not keep the others from hearing of the abort.
        }
      }
      listeners.clear();
    };
    found = { listeners, dispatch };
    BY_SIGNAL.set(signal, found);
    signal.addEventListener('abort', dispatch, { once: true });
  }
  const subscription = found;
  const { listeners, dispatch } = subscription;
  const own = () => listener();
  listeners.add(own);
  return () => {
    if (!listeners.delete(own) || listeners.size > 0) return;
    signal.removeEventListener('abort', dispatch);
    if (BY_SIGNAL.get(signal) === subscription) BY_SIGNAL.delete(signal);
  };
}
