// Per-attempt timeouts, the overall deadline and the caller's AbortSignal, composed into one
// signal per attempt. Every timer created here is cleared by `dispose()` or when it fires, so a
// finished call leaves nothing running (a pending timer would keep a Node process alive).

/** Why an attempt's signal fired. */
export type AttemptEnd = 'caller' | 'timeout' | 'deadline';

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Why the signal fired, or undefined while it has not. */
  readonly reason: () => AttemptEnd | undefined;
  /** Clears the timer and detaches from the caller's signal. Idempotent. */
  readonly dispose: () => void;
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

/**
 * One attempt's signal: fires after `timeoutMs`, or when the overall deadline (`remainingMs`
 * from now) passes if that is sooner, or when the caller aborts.
 */
export function createAttemptSignal(caller: AbortSignal | undefined, timeoutMs: number, remainingMs: number): AttemptSignal {
  const timer = new AbortController();
  let ended: AttemptEnd | undefined;
  const byDeadline = remainingMs <= timeoutMs;
  const ms = Math.max(0, Math.min(timeoutMs, remainingMs));
  const handle = setTimeout(() => {
    ended ??= byDeadline ? 'deadline' : 'timeout';
    timer.abort(new DOMException(byDeadline ? 'The deadline passed' : 'The attempt timed out', 'TimeoutError'));
  }, ms);
  const inputs = caller ? [caller, timer.signal] : [timer.signal];
  const composed = anySignal(inputs);
  return {
    signal: composed.signal,
    reason: () => ended ?? (caller?.aborted ? 'caller' : composed.signal.aborted ? 'timeout' : undefined),
    dispose: () => {
      clearTimeout(handle);
      composed.detach();
    },
  };
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

/** A monotonic clock for durations and deadlines (wall-clock `now` may be frozen or corrected). */
export function monotonicNow(): number {
  return performance.now();
}
