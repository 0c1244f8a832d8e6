// Which deadline timing each entry uses (src/client/transport/README.md): the Node entry shares
// one timer between attempts, so a steady stream of calls arms it once; the portable entry (edge
// bundles) gives every attempt a timer of its own and leaves the shared timer out of the bundle.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as portable from '../../src/index.js';
import * as node from '../../src/index.node.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: 'entry-timers' };
const answer = () => new Response(JSON.stringify({ errCode: 'SUCCESS', errMsg: '', status: 'TRADE_SUCCESS' }), { headers: { 'content-type': 'application/json' } });
const options = { appId: '10037e6f66f2d0f901672aa27d690006', appKey: '47ace12ae3b348fe93ab46cee97c6fde', baseUrl: 'http://127.0.0.1:9', fetch: async () => answer() };

afterEach(() => vi.restoreAllMocks());

async function timersArmedBy(sdk: { createChinaUmsClient: typeof portable.createChinaUmsClient }, calls: number): Promise<number> {
  const ums = sdk.createChinaUmsClient({ ...options, timeoutMs: 45_678, deadlineMs: 90_000 });
  await ums.netpayQuery(QUERY);
  const setTimer = vi.spyOn(globalThis, 'setTimeout');
  for (let i = 0; i < calls; i++) await ums.netpayQuery(QUERY);
  // Only the attempts' deadlines count (the 45 678 ms timeout, or just under it for a shared timer re-armed later).
  return setTimer.mock.calls.filter(([, ms]) => typeof ms === 'number' && ms > 40_000 && ms <= 45_678).length;
}

describe('attempt deadline timers by entry', () => {
  it('the Node entry reuses one shared timer across sequential calls', async () => {
    // At most once: the shared timer re-arms when it sees a replaced setTimeout (here, the spy).
    expect(await timersArmedBy(node, 5)).toBeLessThanOrEqual(1);
  });

  it('the portable entry arms one timer per attempt', async () => {
    expect(await timersArmedBy(portable, 5)).toBe(5);
  });
});
