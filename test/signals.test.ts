/**
 * The one signal path: every registered cleanup runs innermost first (a live session is ended before
 * the reports that name it are written), each told at once that the signal came, then the process
 * exits with 128 + the signal's number; a second signal waits; nothing stays installed after.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanupOnSignals } from '../src/live/signals.js';

afterEach(() => vi.restoreAllMocks());

describe('cleanupOnSignals', () => {
  it('halts every registration at once, cleans up innermost first, logs each line, then exits with 130', async () => {
    const events: string[] = [];
    const exited = new Promise<number>((resolve) => {
      const removeOuter = cleanupOnSignals({
        log: (line) => events.push(`outer log: ${line}`),
        halt: (signal) => events.push(`outer halt ${signal}`),
        cleanup: async () => {
          events.push('outer cleanup');
          return 'reports written';
        },
        exit: (code) => {
          removeOuter();
          resolve(code);
        },
      });
      const removeInner = cleanupOnSignals({
        log: (line) => events.push(`inner log: ${line}`),
        halt: () => events.push('inner halt'),
        cleanup: async () => {
          events.push('inner cleanup');
          await new Promise((r) => setTimeout(r, 20));
          removeInner();
          return 'session ended';
        },
      });
    });
    process.emit('SIGINT');
    process.emit('SIGINT');
    expect(await exited).toBe(130);
    expect(events).toEqual([
      'inner halt',
      'outer halt SIGINT',
      'inner log: SIGINT: cleaning up before exit',
      'inner cleanup',
      'inner log: SIGINT again: still cleaning up, please wait',
      'inner log: session ended',
      'outer cleanup',
      'outer log: reports written',
    ]);
    expect(process.listenerCount('SIGINT')).toBe(0);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('a failing cleanup is logged and the next still runs; SIGTERM exits with 143', async () => {
    const lines: string[] = [];
    const exited = new Promise<number>((resolve) => {
      const removeOuter = cleanupOnSignals({
        log: (line) => lines.push(line),
        cleanup: async () => 'written all the same',
        exit: (code) => {
          removeOuter();
          resolve(code);
        },
      });
      const removeInner = cleanupOnSignals({
        log: (line) => lines.push(line),
        cleanup: async () => {
          removeInner();
          throw new Error('TerminateSession refused');
        },
      });
    });
    process.emit('SIGTERM');
    expect(await exited).toBe(143);
    expect(lines).toEqual(['SIGTERM: cleaning up before exit', 'cleanup failed: TerminateSession refused', 'written all the same']);
  });

  it('installs its handlers only while something is registered', () => {
    const before = process.listenerCount('SIGINT');
    const a = cleanupOnSignals({ log: () => undefined, cleanup: async () => undefined });
    const b = cleanupOnSignals({ log: () => undefined, cleanup: async () => undefined });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    a();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    b();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
