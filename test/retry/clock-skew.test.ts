import { describe, expect, it } from 'vitest';
import { beijingCompactTimestamp, beijingDateTime, ClockError, createChinaUmsClient, type ClockSkewEvent } from '../../src/index.js';
import { parseOpenBodySigHeader } from '../../src/auth/authorization-header.js';
import { TEST_APP } from '../helpers/msw-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const LOCAL_NOW = Date.UTC(2024, 5, 1, 4, 0, 0);

/** A platform whose clock is `skewMs` ahead of ours, announced in its Date header. */
function skewedPlatform(skewMs: number, clockSkewCorrection?: boolean) {
  const sent: Array<{ timestamp: string; requestTimestamp: string }> = [];
  const events: ClockSkewEvent[] = [];
  const ums = createChinaUmsClient({
    ...TEST_APP,
    environment: 'test',
    now: () => LOCAL_NOW,
    ...(clockSkewCorrection === undefined ? {} : { clockSkewCorrection }),
    hooks: { onClockSkew: (e) => events.push(e) },
    fetch: async (request) => {
      const body = (await request.clone().json()) as { requestTimestamp: string };
      sent.push({ timestamp: parseOpenBodySigHeader(request.headers.get('authorization') ?? '')!.timestamp, requestTimestamp: body.requestTimestamp });
      return new Response(JSON.stringify({ errCode: 'SUCCESS' }), { headers: { date: new Date(LOCAL_NOW + skewMs).toUTCString() } });
    },
  });
  return { ums, sent, events };
}

describe('clock skew correction', () => {
  it('learns a large skew from the Date header and applies it to the header Timestamp and requestTimestamp', async () => {
    const { ums, sent, events } = skewedPlatform(3_600_000, true);
    await ums.netpayQuery(QUERY);
    await ums.netpayQuery(QUERY);
    expect(sent[0]).toEqual({ timestamp: beijingCompactTimestamp(LOCAL_NOW), requestTimestamp: beijingDateTime(LOCAL_NOW) });
    expect(sent[1]).toEqual({ timestamp: beijingCompactTimestamp(LOCAL_NOW + 3_600_000), requestTimestamp: beijingDateTime(LOCAL_NOW + 3_600_000) });
    expect(events).toHaveLength(1);
    expect(events[0]!.offsetMs).toBeGreaterThanOrEqual(3_600_000);
    expect(events[0]!.offsetMs).toBeLessThan(3_601_000);
  });

  it('ignores a skew of a few seconds', async () => {
    const { ums, sent, events } = skewedPlatform(3_000, true);
    await ums.netpayQuery(QUERY);
    await ums.netpayQuery(QUERY);
    expect(sent[1]!.timestamp).toBe(beijingCompactTimestamp(LOCAL_NOW));
    expect(events).toEqual([]);
  });

  it('is off by default', async () => {
    const { ums, sent } = skewedPlatform(-3_600_000);
    await ums.netpayQuery(QUERY);
    await ums.netpayQuery(QUERY);
    expect(sent[1]!.timestamp).toBe(beijingCompactTimestamp(LOCAL_NOW));
  });

  it('ABNORMAL_REQUEST_TIME stays a ClockError that says to check the clock', async () => {
    const ums = createChinaUmsClient({
      ...TEST_APP,
      environment: 'test',
      clockSkewCorrection: true,
      fetch: async () => new Response(JSON.stringify({ errCode: 'ABNORMAL_REQUEST_TIME', errMsg: '请求时间异常' })),
    });
    const error = await ums.netpayQuery(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClockError);
    expect((error as Error).message).toMatch(/clock/i);
  });
});
