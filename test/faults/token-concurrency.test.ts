// Many concurrent calls and one token: a cold cache, a clock-based expiry and a platform-side
// revocation each cost exactly one token request. The msw handlers are called directly through
// getResponse (injected as the client's fetch): the same fake platform, without the interception
// cost that would make 1 000-call bursts slow.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { accessTokenAuth, createChinaUmsClient } from '../../src/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { failOnPendingSdkTimers, failOnUnhandledRejection } from './helpers/guards.js';
import { createTokenPlatform } from './helpers/token-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const CALLS = 1_000;
/** Enough overlap to race the refresh, small enough to keep the suite quick. */
const BURST = 200;

failOnUnhandledRejection();
failOnPendingSdkTimers();

function setup(now: () => number = Date.now) {
  const platform = createTokenPlatform();
  const fetch = async (request: Request) => {
    const response = await getResponse(platform.handlers, request);
    if (!response) throw new Error(`unexpected request ${request.url}`);
    return response;
  };
  const ums = createChinaUmsClient({ ...TEST_APP, environment: 'test', auth: accessTokenAuth(), now, fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  return { platform, ums };
}

describe('single-flight token refresh', () => {
  it(`${CALLS} concurrent calls on a cold cache make one token request`, async () => {
    const { platform, ums } = setup();
    const results = await Promise.all(Array.from({ length: CALLS }, () => ums.netpayQuery(QUERY)));
    expect(results.every((r) => r.errCode === 'SUCCESS')).toBe(true);
    expect(platform.tokenRequests).toBe(1);
    expect(platform.businessRequests).toBe(CALLS);
  });

  it('a token expiring (by the clock) while calls are in flight is refreshed once', async () => {
    let now = Date.UTC(2024, 0, 1);
    const { platform, ums } = setup(() => now);
    await ums.netpayQuery(QUERY);
    const first = Array.from({ length: BURST / 2 }, () => ums.netpayQuery(QUERY));
    now += 3_600_000; // the token is past its refresh point for every call started from here
    const second = Array.from({ length: BURST / 2 }, () => ums.netpayQuery(QUERY));
    await Promise.all([...first, ...second]);
    expect(platform.tokenRequests).toBe(2);
  });

  it('a token revoked by the platform while calls are in flight is refreshed once, and every call succeeds', async () => {
    const { platform, ums } = setup();
    await ums.netpayQuery(QUERY);
    platform.businessOverride = (n) => {
      if (n === 2) platform.valid.clear(); // the token dies as the burst arrives
      return undefined;
    };
    const results = await Promise.all(Array.from({ length: BURST }, () => ums.netpayQuery(QUERY)));
    expect(results.every((r) => r.errCode === 'SUCCESS')).toBe(true);
    expect(platform.tokenRequests).toBe(2);
    expect(platform.businessRequests).toBeGreaterThan(BURST + 1);
  });
});
