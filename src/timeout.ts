// Per-attempt timeouts, the overall deadline and the caller's AbortSignal, composed into one
// signal per attempt. An attempt's deadline is cancelled by `dispose()` or when it fires, so a
// finished call leaves nothing that keeps a process alive (src/deadline-timer.ts).
import { releaseController, takeController, type PooledController } from './abort-pool.js';
import { armDeadline, type ArmedDeadline, type Expiring } from './deadline-timer.js';

export { monotonicNow } from './time.js';

/** Why an attempt's signal fired. */
export type AttemptEnd = 'caller' | 'timeout' | 'deadline';

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Why the signal fired, or undefined while it has not. */
  reason(): AttemptEnd | undefined;
  /**
   * Settles with `promise`, or rejects with the abort reason as soon as the attempt ends. For work
   * that may ignore the signal (an injected fetch, a shared token refresh); cheaper than
   * raceAbort, which adds and removes an EventTarget listener every time.
   */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Clears the timer and detaches from the caller's signal. Idempotent. */
  dispose(): void;
}

type AnyFn = (signals: AbortSignal[]) => AbortSignal;

/**
 * Aborts when any input aborts. Uses AbortSignal.any where the runtime has it (Node ≥20.3,
 * Deno, Bun, workerd); elsewhere links listeners by hand and returns a detach function.
 */
export function anySignal(signals: readonly AbortSignal[]): { signal: AbortSignal; detach: () => void } {
  // One input needs no composing; on Node 20 AbortSignal.any costs ~25 µs per call (bench/).
  if (signals.length === 1) return { signal: signals[0]!, detach: () => undefined };
  const native = (AbortSignal as unknown as { any?: AnyFn }).any;
  if (typeof native === 'function') return { signal: native.call(AbortSignal, [...signals]), detach: () => undefined };
  const controller = new AbortController();
  const detachers: Array<() => void> = [];
  const detach = () => detachers.splice(0).forEach((d) => d());
  for (const input of signals) {
    if (input.aborted) {
      controller.abort(input.reason);
      detach();
      break;
    }
    const onAbort = () => {
      controller.abort(input.reason);
      detach();
    };
    input.addEventListener('abort', onAbort, { once: true });
    detachers.push(() => input.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, detach };
}

const noop = () => undefined;

class Attempt implements AttemptSignal, Expiring {
  readonly signal: AbortSignal;
  readonly #pooled: PooledController;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  readonly #detach: () => void;
  readonly #byDeadline: boolean;
  readonly #deadline: ArmedDeadline;
  #ended: AttemptEnd | undefined;
  #disposed = false;
  /** Rejects the pending race, if any. */
  #reject: ((reason: unknown) => void) | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number, remainingMs: number) {
    this.#pooled = takeController();
    const own = this.#pooled.controller;
    this.#byDeadline = remainingMs <= timeoutMs;
    this.#deadline = armDeadline(Math.min(timeoutMs, remainingMs), this);
    this.#caller = caller;
    if (caller) {
      const composed = anySignal([caller, own.signal]);
      this.signal = composed.signal;
      this.#detach = composed.detach;
      this.#onCallerAbort = () => this.#reject?.(caller.reason);
      caller.addEventListener('abort', this.#onCallerAbort, { once: true });
    } else {
      this.signal = own.signal;
      this.#detach = noop;
    }
  }

  /** The attempt's time is up (called by its deadline timer). */
  expire(): void {
    if (this.#disposed) return;
    const byDeadline = this.#byDeadline;
    this.#ended ??= byDeadline ? 'deadline' : 'timeout';
    const reason = new DOMException(byDeadline ? 'The deadline passed' : 'The attempt timed out', 'TimeoutError');
    this.#pooled.controller.abort(reason);
    this.#reject?.(reason);
  }

  reason(): AttemptEnd | undefined {
    return this.#ended ?? (this.#caller?.aborted ? 'caller' : this.signal.aborted ? 'timeout' : undefined);
  }

  race<T>(promise: Promise<T>): Promise<T> {
    if (this.signal.aborted) {
      promise.catch(noop);
      return Promise.reject(this.signal.reason);
    }
    // The rejection handler given to then() also keeps the loser from becoming an unhandled rejection.
    return new Promise<T>((resolve, reject) => {
      this.#reject = reject;
      promise.then(resolve, reject);
    });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#reject = undefined;
    this.#deadline.cancel();
    if (this.#onCallerAbort) this.#caller?.removeEventListener('abort', this.#onCallerAbort);
    this.#detach();
    releaseController(this.#pooled);
  }
}

/**
 * One attempt's signal: fires after `timeoutMs`, or when the overall deadline (`remainingMs`
 * from now) passes if that is sooner, or when the caller aborts. Its controller comes from a
 * pool (src/abort-pool.ts) and goes back unless it fired.
 */
export function createAttemptSignal(caller: AbortSignal | undefined, timeoutMs: number, remainingMs: number): AttemptSignal {
  return new Attempt(caller, timeoutMs, remainingMs);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts; the timer is always cleared. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `promise`, or rejects with the signal's reason when it aborts first. Used around
 * work that may ignore the signal (an injected fetch, a shared token refresh); the loser's
 * rejection is marked handled so it never becomes an unhandled rejection.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  promise.catch(() => undefined);
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

