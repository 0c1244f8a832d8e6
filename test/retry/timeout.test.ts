import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAttemptSignal } from '../../src/client/transport/attempt-signal.js';
import { anySignal, raceAbort, sleep } from '../../src/signals.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('anySignal', () => {
  it.each([
    ['native AbortSignal.any', false],
    // The Vercel Edge runtime (edge-runtime 4) has no AbortSignal.any.
    ['the fallback', true],
  ])('aborts with the first input’s reason (%s)', (_, withoutNative) => {
    const original = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    if (withoutNative) Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true, writable: true });
    try {
      const a = new AbortController();
      const b = new AbortController();
      const { signal, detach } = anySignal([a.signal, b.signal]);
      expect(signal.aborted).toBe(false);
      b.abort('second');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('second');
      detach();
      expect(anySignal([a.signal]).signal).toBe(a.signal);
      expect(anySignal([AbortSignal.abort('already'), b.signal]).signal.reason).toBe('already');
    } finally {
      if (original) Object.defineProperty(AbortSignal, 'any', original);
    }
  });
});

describe('createAttemptSignal', () => {
  it('says why it fired: timeout, deadline or caller', () => {
    vi.useFakeTimers();
    const timeout = createAttemptSignal(undefined, 100, 1_000);
    const deadline = createAttemptSignal(undefined, 1_000, 100);
    const caller = new AbortController();
    const byCaller = createAttemptSignal(caller.signal, 1_000, 1_000);
    caller.abort();
    vi.advanceTimersByTime(99);
    expect([timeout.reason(), deadline.reason(), byCaller.reason()]).toEqual([undefined, undefined, 'caller']);
    vi.advanceTimersByTime(1);
    expect([timeout.reason(), deadline.reason(), byCaller.reason()]).toEqual(['timeout', 'deadline', 'caller']);
    expect(timeout.signal.reason).toMatchObject({ name: 'TimeoutError' });
    for (const attempt of [byCaller, timeout, deadline]) attempt.dispose();
    vi.runOnlyPendingTimers();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a disposed attempt never times out, and leaves no timer once the shared one has passed', () => {
    vi.useFakeTimers();
    const attempt = createAttemptSignal(undefined, 10_000, 10_000);
    attempt.dispose();
    vi.advanceTimersByTime(20_000);
    expect(attempt.reason()).toBeUndefined();
    expect(attempt.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('sleep and raceAbort', () => {
  it('sleep clears its timer when aborted', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('raceAbort rejects on abort and keeps the abandoned promise from being unhandled', async () => {
    const controller = new AbortController();
    let rejectLater: (e: unknown) => void = () => undefined;
    const slow = new Promise((_, reject) => {
      rejectLater = reject;
    });
    const raced = raceAbort(slow, controller.signal);
    controller.abort(new Error('gone'));
    await expect(raced).rejects.toThrow('gone');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    rejectLater(new Error('late'));
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
