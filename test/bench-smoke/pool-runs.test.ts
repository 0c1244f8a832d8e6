// bench/lib/stats.mjs poolRuns: the Node in-process suite runs in several processes and their
// rounds are summarized together; each process's own median stays visible.
import { describe, expect, it } from 'vitest';
import { poolRuns, summarize, type PooledRun } from '../../bench/lib/stats.mjs';

const run = (times: number[], ratios: number[], floorHash = 'node:crypto') => ({
  seconds: 10,
  floorHash: { MD5: floorHash, SHA256: 'node:crypto' },
  results: [
    { id: 'base', isBaseline: true, rounds: { times: times.map(() => 10) } },
    { id: 'case', isBaseline: false, ratio: summarize(ratios), rounds: { times, ratios } },
  ],
});

describe('poolRuns', () => {
  it('summarizes every round of every process, keeping each process’s median', () => {
    const pooled = poolRuns([run([11, 12, 13], [1.1, 1.2, 1.3]), run([14, 15, 16], [1.4, 1.5, 1.6], '@noble/hashes'), run([10, 10, 10], [1.0, 1.0, 1.0])]) as PooledRun;
    const row = pooled.results.find((r) => r.id === 'case')!;
    expect(row.ratio).toEqual(summarize([1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1, 1, 1]));
    expect(row.median).toBe(summarize([11, 12, 13, 14, 15, 16, 10, 10, 10]).median);
    expect(row.perProcess).toEqual([1.2, 1.5, 1]);
    expect(pooled.results.find((r) => r.id === 'base')!.ratio).toBeUndefined();
    expect(pooled.processes).toBe(3);
    expect(pooled.seconds).toBe(30);
    expect(pooled.floorHash.MD5).toBe('node:crypto / @noble/hashes');
  });

  it('returns a single run as it is', () => {
    const one = run([1], [1]);
    expect(poolRuns([one])).toBe(one);
  });
});
