// Reusable AbortControllers for attempt signals. On Node 20 creating an AbortSignal and having a
// Request follow it for the first time costs more than the rest of an in-process attempt's
// timeout handling together (README.md); an attempt that ends without aborting its
// controller hands it back, so a steady stream of calls keeps reusing a few signals.

/**
 * Uses per controller. A Request keeps a listener on the signal it follows until the Request is
 * garbage-collected, so capping reuse bounds those listeners (Node warns past 100).
 */
const MAX_USES = 32;
/** Spare controllers kept for concurrent attempts; more are simply dropped. */
const MAX_SPARE = 16;

export interface PooledController {
  readonly controller: AbortController;
  uses: number;
}

const spare: PooledController[] = [];

/** A controller that has never aborted. */
export function takeController(): PooledController {
  const pooled = spare.pop() ?? { controller: new AbortController(), uses: 0 };
  pooled.uses++;
  return pooled;
}

/**
 * Gives a controller back once its attempt has ended. An aborted one is never reused. Requests
 * that followed it have finished (their responses were read), so a later abort through a reused
 * controller reaches only settled requests, where it has no effect.
 */
export function releaseController(pooled: PooledController): void {
  if (!pooled.controller.signal.aborted && pooled.uses < MAX_USES && spare.length < MAX_SPARE) spare.push(pooled);
}
