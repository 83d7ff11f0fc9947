// Attempt timeouts on one shared timer: each fires once, at its time, in order, unless cancelled; a
// cancelled one never fires; durations mix; nothing holds the process open.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deadline } from './deadlines.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deadlines', () => {
  it('fires each deadline once, not before its time, and never a cancelled one', async () => {
    const fired: string[] = [];
    const started = performance.now();
    const at: Record<string, number> = {};
    const note = (name: string) => () => {
      fired.push(name);
      at[name] = performance.now() - started;
    };
    deadline(40, note('a'));
    const cancelB = deadline(40, note('b'));
    deadline(20, note('c'));
    deadline(60, note('d'));
    cancelB();
    cancelB();
    await pause(120);
    expect(fired).toEqual(['c', 'a', 'd']);
    expect(at.c).toBeGreaterThanOrEqual(19);
    expect(at.a).toBeGreaterThanOrEqual(39);
    expect(at.d).toBeGreaterThanOrEqual(59);
  });

  it('keeps firing after many deadlines of one duration were cancelled in and out of order', async () => {
    const cancels = Array.from({ length: 5_000 }, () => deadline(30, () => {
      throw new Error('a cancelled deadline fired');
    }));
    for (let i = 0; i < cancels.length; i += 2) cancels[i]!();
    for (let i = 1; i < cancels.length; i += 2) cancels[i]!();
    let fired = 0;
    deadline(30, () => fired++);
    await pause(80);
    expect(fired).toBe(1);
  });

  it('lets a finished program exit at once, whatever deadlines are still set', () => {
    const started = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { deadline } from './src/internal/deadlines.ts';
      deadline(30_000, () => console.log('fired'));`], { encoding: 'utf8' });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
