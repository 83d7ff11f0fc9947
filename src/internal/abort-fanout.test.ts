// One listener per signal, however many calls share it, and none left once they are done.
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { onAbort } from './abort-fanout.js';

describe('onAbort', () => {
  it('puts one listener on a signal for any number of subscribers, and removes it with the last', () => {
    const controller = new AbortController();
    const unsubscribes = Array.from({ length: 50 }, () => onAbort(controller.signal, () => undefined));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const unsubscribe of unsubscribes.slice(1)) unsubscribe();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    unsubscribes[0]?.();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('tells every subscriber still there, once, even when one of them throws', () => {
    const controller = new AbortController();
    const heard = vi.fn();
    onAbort(controller.signal, () => { throw new Error('subscriber bug'); });
    onAbort(controller.signal, heard);
    const gone = vi.fn();
    onAbort(controller.signal, gone)();
    controller.abort();
    controller.abort();
    expect(heard).toHaveBeenCalledOnce();
    expect(gone).not.toHaveBeenCalled();
  });

  it('calls at once for a signal that already aborted, adding no listener', () => {
    const signal = AbortSignal.abort();
    const heard = vi.fn();
    onAbort(signal, heard);
    expect(heard).toHaveBeenCalledOnce();
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('starts over after an abort: a later subscriber to a fresh signal gets its own listener', () => {
    const first = new AbortController();
    onAbort(first.signal, () => undefined);
    first.abort();
    const second = new AbortController();
    const unsubscribe = onAbort(second.signal, () => undefined);
    expect(getEventListeners(second.signal, 'abort')).toHaveLength(1);
    unsubscribe();
  });
});
