// Test guards: no unhandled rejection, and no timer created by the SDK left holding the process.
import { afterEach, beforeEach, expect } from 'vitest';

/** Fails the test when a promise rejection goes unhandled while it runs. */
export function failOnUnhandledRejection(): void {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  beforeEach(() => {
    seen.length = 0;
    process.on('unhandledRejection', listener);
  });
  afterEach(async () => {
    // Rejections are reported after a macrotask; give them one before checking.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', listener);
    expect(seen, 'unhandled rejections').toEqual([]);
  });
}

const SDK_SOURCE = `${process.cwd()}/src/`;

export interface TimerTracker {
  /**
   * Timers created by SDK source files that have neither fired nor been cleared and still hold
   * the process open. The shared deadline timer (src/client/transport/deadline-timer.ts) may stay armed between
   * calls, unref'd; that one does not count.
   */
  pending(): number;
  restore(): void;
}

/**
 * Wraps setTimeout/clearTimeout and counts live timers whose creation stack passes through the
 * SDK's own files, so timers of msw, undici or vitest do not disturb the count.
 */
export function trackSdkTimers(): TimerTracker {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const live = new Set<unknown>();
  const wrappedSet = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const fromSdk = (new Error().stack ?? '').includes(SDK_SOURCE);
    const handle: unknown = realSet(() => {
      live.delete(handle);
      callback(...args);
    }, ms);
    if (fromSdk) live.add(handle);
    return handle;
  };
  globalThis.setTimeout = wrappedSet as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    live.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  return {
    pending: () => [...live].filter((handle) => (handle as { hasRef?: () => boolean }).hasRef?.() ?? true).length,
    restore() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

/** Installs a tracker around every test and asserts the SDK left no timer behind. */
export function failOnPendingSdkTimers(): void {
  let tracker: TimerTracker | undefined;
  beforeEach(() => {
    tracker = trackSdkTimers();
  });
  afterEach(() => {
    const pending = tracker?.pending() ?? 0;
    tracker?.restore();
    expect(pending, 'SDK timers still holding the process after the test').toBe(0);
  });
}
