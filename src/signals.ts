// Waiting that an AbortSignal can end, shared by the client (retry backoff, attempts), the token
// cache (waiting for another instance's refresh) and the sandbox (scripted delays).

type AnyFn = (signals: AbortSignal[]) => AbortSignal;

/**
 * Aborts when any input aborts. Uses AbortSignal.any where the runtime has it (Node ≥ 20.3,
 * Deno, Bun, workerd); elsewhere (the Vercel Edge runtime, edge-runtime 4) links listeners by
 * hand and returns a detach function.
 */
export function anySignal(signals: readonly AbortSignal[]): { signal: AbortSignal; detach: () => void } {
  // One input needs no composing, and AbortSignal.any is costly (src/client/transport/README.md).
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
