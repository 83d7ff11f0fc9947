// One attempt's stop: listeners and a lazily built AbortSignal that agree, whenever each is asked for.
import { describe, expect, it, vi } from 'vitest';
import { Attempt } from './attempt.js';

const WIRE = { method: 'GET', url: 'https://api.example.test/', headers: {}, body: undefined, maxResponseBytes: 1 };

describe('Attempt', () => {
  it('calls each listener once on stop, not the unsubscribed ones, and aborts a signal read before with the reason', () => {
    const stop = new Attempt(WIRE);
    const calls: string[] = [];
    const signal = stop.signal;
    stop.onStop(() => calls.push('a'));
    const off = stop.onStop(() => calls.push('b'));
    off();
    stop.stop('timeout');
    stop.stop('again');
    expect(calls).toEqual(['a']);
    expect([stop.stopped, stop.reason, signal.aborted, signal.reason]).toEqual([true, 'timeout', true, 'timeout']);
  });

  it('answers late subscribers and late readers of the signal as stopped', () => {
    const stop = new Attempt(WIRE);
    stop.stop('caller');
    let heard = 0;
    stop.onStop(() => heard++);
    expect(heard).toBe(1);
    expect([stop.signal.aborted, stop.signal.reason]).toEqual([true, 'caller']);
  });

  it('builds no AbortController unless its signal is read', () => {
    let built = 0;
    vi.stubGlobal('AbortController', class extends AbortController {
      constructor() {
        super();
        built++;
      }
    });
    try {
      const quiet = new Attempt(WIRE);
      quiet.onStop(() => undefined);
      quiet.stop('timeout');
      expect(built).toBe(0);
      void new Attempt(WIRE).signal;
      expect(built).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
