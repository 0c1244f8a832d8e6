// The pooled attempt controllers (src/client/transport/abort-pool.ts): the trick is safe only if
// an aborted controller never comes back and reuse stays bounded (each Request that followed a
// signal keeps a listener on it until collected).
import { describe, expect, it } from 'vitest';
import { releaseController, takeController, type PooledController } from '../../src/client/transport/abort-pool.js';

describe('attempt controller pool', () => {
  it('hands a released, unaborted controller back to the next attempt', () => {
    const first = takeController();
    releaseController(first);
    const second = takeController();
    expect(second).toBe(first);
    releaseController(second);
  });

  it('never reuses a controller that aborted', () => {
    const pooled = takeController();
    pooled.controller.abort(new Error('timed out'));
    releaseController(pooled);
    const next = takeController();
    expect(next).not.toBe(pooled);
    expect(next.controller.signal.aborted).toBe(false);
    releaseController(next);
  });

  it('retires a controller after 32 uses', () => {
    const seen = new Set<AbortController>();
    let pooled = takeController();
    for (let use = 1; use <= 40; use++) {
      seen.add(pooled.controller);
      releaseController(pooled);
      pooled = takeController();
    }
    releaseController(pooled);
    // 40 sequential takes: the first controller served 32 of them, a second one the rest.
    expect(seen.size).toBe(2);
  });

  it('keeps at most 16 spare controllers, whatever the concurrency was', () => {
    const taken: PooledController[] = Array.from({ length: 40 }, () => takeController());
    for (const pooled of taken) releaseController(pooled);
    const again = Array.from({ length: 40 }, () => takeController());
    expect(again.filter((pooled) => taken.includes(pooled))).toHaveLength(16);
    for (const pooled of again) releaseController(pooled);
  });
});
