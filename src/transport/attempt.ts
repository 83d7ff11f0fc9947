// One attempt as the adapter receives it, with what stops it: the loop's timeout or the caller's
// abort, whichever comes first. Adapters learn of the stop through `onStop` (a plain listener list) or
// `signal`, an AbortSignal built only when an adapter reads it: the node:http adapter needs none, and
// an AbortController with its signal's listeners costs a few µs per attempt on Node. The fetch adapter
// reads `signal` and passes it on, as fetch requires one. A class, so every attempt has one shape.
import type { WireHeaders, WireRequest } from './adapter.js';

const NOTHING = () => undefined;

export class Attempt implements WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: WireHeaders;
  readonly body: WireRequest['body'];
  readonly maxResponseBytes: number;
  readonly init: WireRequest['init'];
  stopped = false;
  /** Why it stopped: the loop's own timeout marker, or the caller's abort reason. */
  reason: unknown = undefined;
  #listeners: Array<() => void> = [];
  #controller: AbortController | undefined;

  constructor(wire: Omit<WireRequest, 'signal' | 'onStop'>) {
    this.method = wire.method;
    this.url = wire.url;
    this.headers = wire.headers;
    this.body = wire.body;
    this.maxResponseBytes = wire.maxResponseBytes;
    this.init = wire.init;
  }

  /** An AbortSignal for this attempt, aborted already if the attempt has stopped. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.stopped) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  /** Calls `listener` once when the attempt stops (at once if it has); returns the unsubscribe. */
  readonly onStop = (listener: () => void): (() => void) => {
    if (this.stopped) {
      listener();
      return NOTHING;
    }
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index >= 0) this.#listeners.splice(index, 1);
    };
  };

  stop(reason: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reason = reason;
    this.#controller?.abort(reason);
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}
