// Waiting that an AbortSignal can end, shared by the client (retry backoff, attempts), the token
// cache (waiting for another instance's refresh) and the sandbox (scripted delays).

/**
 * Aborts when any input aborts (AbortSignal.any: Node ≥ 20.3, Deno, Bun, workerd, Vercel Edge,
 * current browsers). One input is returned as is: AbortSignal.any is costly
 * (src/client/transport/README.md).
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  return signals.length === 1 ? signals[0]! : AbortSignal.any([...signals]);
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
 * work that may ignore the signal (a shared token refresh); the loser's rejection is marked
 * handled so it never becomes an unhandled rejection.
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
