// On the Node entry attempt deadlines share one timer (src/client/transport/deadline-timer.ts),
// ref'd only while an attempt waits; the portable entry gives each its own. In a real Node process,
// with either entry: a waiting attempt keeps the process alive until its timeout, and a finished
// call leaves nothing that delays exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntry, runNode, type BuiltEntry } from '../cli/build-entry.js';

let probe: BuiltEntry;
beforeAll(async () => {
  probe = await buildEntry('test/retry/keep-alive-probe.ts', 'keep-alive-probe');
}, 60_000);
afterAll(() => probe?.remove());

function exitAfterMs(stdout: string): number {
  const match = /exit 0 after (\d+) ms/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return Number(match![1]);
}

describe.each(['node', 'portable'])('process lifetime (%s entry)', (entry) => {
  it('a pending attempt keeps the process alive until it times out', async () => {
    const result = await runNode(probe.file, ['pending', entry]);
    // Without a ref'd timer Node would exit at once with 13 (an unsettled top-level await).
    expect(result.stdout).toContain('timed out TIMEOUT');
    expect(result.code).toBe(0);
    expect(exitAfterMs(result.stdout)).toBeGreaterThanOrEqual(290);
  }, 30_000);

  it('a finished call does not hold the process until its 60 s timeout', async () => {
    const result = await runNode(probe.file, ['answered', entry]);
    expect(result.stdout).toContain('answered SUCCESS');
    expect(result.code).toBe(0);
    expect(exitAfterMs(result.stdout)).toBeLessThan(10_000);
  }, 30_000);
});
