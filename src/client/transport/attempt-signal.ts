// Per-attempt timeouts, the overall deadline and the caller's AbortSignal, composed into one
// signal per attempt. An attempt's deadline is cancelled by `dispose()` or when it fires, so a
// finished call leaves nothing that keeps a process alive (deadline-timer.ts).
import { anySignal } from '../../signals.js';
import { releaseController, takeController, type PooledController } from './abort-pool.js';
import { armOwnDeadline, type ArmDeadline, type ArmedDeadline, type Expiring } from './own-timer.js';

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

  constructor(caller: AbortSignal | undefined, timeoutMs: number, remainingMs: number, arm: ArmDeadline) {
    this.#pooled = takeController();
    const own = this.#pooled.controller;
    this.#byDeadline = remainingMs <= timeoutMs;
    this.#deadline = arm(Math.min(timeoutMs, remainingMs), this);
    this.#caller = caller;
    if (caller) {
      const composed = anySignal([caller, own.signal]);
      this.signal = composed.signal;
      this.#detach = composed.detach;
      this.#onCallerAbort = () => this.#reject?.(caller.reason);
      caller.addEventListener('abort', this.#onCallerAbort, { once: true });
    } else {
      // No caller signal: the attempt's own is the composed one, without AbortSignal.any's cost.
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
 * pool (abort-pool.ts) and goes back unless it fired; `arm` sets its deadline (own-timer.ts, or
 * the shared timer of deadline-timer.ts).
 */
export function createAttemptSignal(caller: AbortSignal | undefined, timeoutMs: number, remainingMs: number, arm: ArmDeadline = armOwnDeadline): AttemptSignal {
  return new Attempt(caller, timeoutMs, remainingMs, arm);
}
