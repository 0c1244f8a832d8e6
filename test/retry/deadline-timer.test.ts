// The shared deadline timer: order, cancellation, re-entrancy, keep-alive (ref only while a
// deadline is pending), a swapped global setTimeout, and the own-timer fallback for runtimes whose
// timers cannot be unref'd. Each test loads the module afresh (its state is per module instance).
import { afterEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('../../src/client/transport/deadline-timer.js');

async function freshModule(): Promise<Module> {
  vi.resetModules();
  return import('../../src/client/transport/deadline-timer.js');
}

interface Handle {
  hasRef(): boolean;
}

/** Records every handle setTimeout returns from now on (fake or real), so tests can ask whether it holds the process. */
function recordTimers(): Handle[] {
  const handles: Handle[] = [];
  const original = globalThis.setTimeout;
  const recording = ((...args: Parameters<typeof setTimeout>) => {
    const handle = original(...args);
    handles.push(handle as unknown as Handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.setTimeout = recording;
  afterCleanups.push(() => {
    if (globalThis.setTimeout === recording) globalThis.setTimeout = original;
  });
  return handles;
}

const afterCleanups: Array<() => void> = [];
afterEach(() => {
  afterCleanups.splice(0).reverse().forEach((undo) => undo());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Replaces the (fake) global timers with ones that return numbers, as Deno's and workerd's do. */
function numericTimers(): void {
  const fakeSet = globalThis.setTimeout;
  const fakeClear = globalThis.clearTimeout;
  const numbers = new Map<number, ReturnType<typeof setTimeout>>();
  let id = 0;
  globalThis.setTimeout = ((callback: () => void, ms?: number) => {
    numbers.set(++id, fakeSet(callback, ms));
    return id;
  }) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((handle: number) => fakeClear(numbers.get(handle))) as unknown as typeof clearTimeout;
  afterCleanups.push(() => {
    globalThis.setTimeout = fakeSet;
    globalThis.clearTimeout = fakeClear;
  });
}

function target(log: string[], name: string) {
  return { expire: () => log.push(name) };
}

describe('armDeadline (shared timer)', () => {
  it('expires targets in deadline order, whatever order they were armed in, each once', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const log: string[] = [];
    armDeadline(300, target(log, 'c'));
    armDeadline(100, target(log, 'a'));
    armDeadline(200, target(log, 'b'));
    armDeadline(100, target(log, 'a2'));
    vi.advanceTimersByTime(99);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['a', 'a2']);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['a', 'a2', 'b']);
    vi.advanceTimersByTime(1_000);
    expect(log).toEqual(['a', 'a2', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a cancelled deadline never expires; cancel is idempotent and harmless after expiry', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const log: string[] = [];
    const first = armDeadline(100, target(log, 'first'));
    const second = armDeadline(100, target(log, 'second'));
    first.cancel();
    first.cancel();
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['second']);
    second.cancel();
    expect(log).toEqual(['second']);
  });

  it('keeps one timer, ref’d exactly while a deadline is pending', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const handles = recordTimers();
    const a = armDeadline(10_000, target([], 'a'));
    const b = armDeadline(10_000, target([], 'b'));
    expect(handles).toHaveLength(1);
    expect(handles[0]!.hasRef()).toBe(true);
    a.cancel();
    expect(handles[0]!.hasRef()).toBe(true);
    b.cancel();
    // Idle: still armed for reuse, but no longer holding the process.
    expect(handles[0]!.hasRef()).toBe(false);
    const c = armDeadline(10_000, target([], 'c'));
    expect(handles).toHaveLength(1);
    expect(handles[0]!.hasRef()).toBe(true);
    c.cancel();
    expect(handles[0]!.hasRef()).toBe(false);
  });

  it('re-arms for a deadline earlier than the armed one, and after firing for the next one', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const log: string[] = [];
    armDeadline(10_000, target(log, 'late'));
    armDeadline(50, target(log, 'early'));
    vi.advanceTimersByTime(50);
    expect(log).toEqual(['early']);
    vi.advanceTimersByTime(9_949);
    expect(log).toEqual(['early']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['early', 'late']);
  });

  it('a target may arm a new deadline while expiring', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const log: string[] = [];
    armDeadline(100, {
      expire: () => {
        log.push('first');
        armDeadline(100, target(log, 'chained'));
      },
    });
    armDeadline(500, target(log, 'last'));
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['first']);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['first', 'chained']);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['first', 'chained', 'last']);
  });

  it('re-arms with the current setTimeout when the global one was replaced (a fake clock came or went)', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const log: string[] = [];
    armDeadline(20, target(log, 'under the fake clock')).cancel();
    vi.useRealTimers();
    // The idle timer belongs to the uninstalled fake clock and would never fire; this deadline is
    // later than it, so only re-arming with the real setTimeout makes it fire.
    await new Promise<void>((resolve) => armDeadline(60, { expire: () => (log.push('real'), resolve()) }));
    expect(log).toEqual(['real']);
  });

  it('falls back to one timer per deadline where timers cannot be unref’d (numeric handles, as in Deno and workerd)', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    numericTimers();
    const log: string[] = [];
    armDeadline(100, target(log, 'a'));
    const b = armDeadline(100, target(log, 'b'));
    armDeadline(200, target(log, 'c'));
    // The probe timer was cleared; each deadline now has a timer of its own.
    expect(vi.getTimerCount()).toBe(3);
    b.cancel();
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(200);
    expect(log).toEqual(['a', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('moves pending deadlines to their own timers when setTimeout stops giving unref-able handles mid-flight', async () => {
    vi.useFakeTimers();
    const { armDeadline } = await freshModule();
    const log: string[] = [];
    armDeadline(100, target(log, 'shared-first'));
    const cancelled = armDeadline(250, target(log, 'cancelled'));
    armDeadline(300, target(log, 'shared-last'));
    numericTimers();
    // Cannot join the shared timer any more: its own timer; the shared one stays armed for the others.
    armDeadline(200, target(log, 'own'));
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['shared-first']);
    // The shared timer could not re-arm: the rest moved to own timers, and cancel still reaches them.
    cancelled.cancel();
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['shared-first', 'own']);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['shared-first', 'own', 'shared-last']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
