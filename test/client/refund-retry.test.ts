import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChinaUmsClient, InvalidRequestError, NetworkError } from '../../src/index.js';
import { checkAuthorization } from '../helpers/independent-signature.js';
import { TEST_APP, TEST_BASE } from '../helpers/msw-platform.js';

// A fake platform that keeps refunds the way the vendor documents: the same merOrderId +
// refundOrderId again returns the existing refund (V-mini §1.3).
const refunds = new Map<string, { refundAmount: number }>();
const attempts: Array<{ path: string; body: Record<string, unknown> }> = [];
let dropNextAnswer = false;
let closeStatus = 200;

const server = setupServer(
  http.post(`${TEST_BASE}/v1/netpay/refund`, async ({ request }) => {
    const text = await request.text();
    if (checkAuthorization(request.headers.get('authorization'), TEST_APP.appId, TEST_APP.appKey, text)) {
      return HttpResponse.json({ errCode: '1000', errInfo: '认证失败' }, { status: 412 });
    }
    const body = JSON.parse(text) as Record<string, unknown>;
    attempts.push({ path: '/v1/netpay/refund', body });
    const key = `${String(body['merOrderId'])}/${String(body['refundOrderId'])}`;
    if (!refunds.has(key)) refunds.set(key, { refundAmount: Number(body['refundAmount']) });
    const answer = { errCode: 'SUCCESS', merOrderId: body['merOrderId'], refundOrderId: body['refundOrderId'], refundStatus: 'SUCCESS', refundAmount: refunds.get(key)!.refundAmount };
    if (dropNextAnswer) {
      // The platform processed the refund, then the connection broke before the answer arrived.
      dropNextAnswer = false;
      return HttpResponse.error();
    }
    return HttpResponse.json(answer);
  }),
  http.post(`${TEST_BASE}/v1/netpay/close`, async ({ request }) => {
    attempts.push({ path: '/v1/netpay/close', body: (await request.json()) as Record<string, unknown> });
    return closeStatus === 200
      ? HttpResponse.json({ errCode: 'SUCCESS', status: 'TRADE_CLOSED' })
      : HttpResponse.json({ errCode: '9999', errInfo: '系统错误' }, { status: closeStatus });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  refunds.clear();
  attempts.length = 0;
  dropNextAnswer = false;
  closeStatus = 200;
});
afterAll(() => server.close());

const ums = () => createChinaUmsClient({ ...TEST_APP, environment: 'test', retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
const refund = { mid: '898201612345678', tid: '88880001', instMid: 'MINIDEFAULT', merOrderId: '3194202404011200000001234567', refundAmount: 50 };

describe('netpayRefund', () => {
  it('fills in a refundOrderId from the msgSrcId of merOrderId and returns it', async () => {
    const answer = await ums().netpayRefund(refund);
    expect(attempts).toHaveLength(1);
    const sent = attempts[0]!.body['refundOrderId'];
    expect(sent).toMatch(/^3194\d{24}$/);
    expect(answer.refundOrderId).toBe(sent);
  });

  it('is retried after a network error with the same refundOrderId, so the platform refunds once', async () => {
    dropNextAnswer = true;
    const answer = await ums().netpayRefund(refund);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.body['refundOrderId']).toBe(attempts[0]!.body['refundOrderId']);
    expect(refunds.size).toBe(1);
    expect(answer).toMatchObject({ refundStatus: 'SUCCESS', refundAmount: 50 });
  });

  it('keeps a refundOrderId the caller gives', async () => {
    await ums().netpayRefund({ ...refund, refundOrderId: '3194000000000000000000000001' });
    expect(attempts[0]!.body['refundOrderId']).toBe('3194000000000000000000000001');
  });

  it('draws a new refundOrderId per call (two refunds are two refunds)', async () => {
    const client = ums();
    await client.netpayRefund(refund);
    await client.netpayRefund(refund);
    expect(refunds.size).toBe(2);
  });

  it('refuses to invent a refundOrderId without a msgSrcId to start it with', async () => {
    await expect(ums().netpayRefund({ ...refund, merOrderId: '3-94' })).rejects.toThrow(InvalidRequestError);
    expect(attempts).toHaveLength(0);
  });
});

describe('netpayClose', () => {
  it('is not retried unless the caller opts in', async () => {
    closeStatus = 503;
    await expect(ums().netpayClose({ mid: '898201612345678', tid: '88880001', instMid: 'MINIDEFAULT', merOrderId: refund.merOrderId })).rejects.toMatchObject({ attempts: 1 });
    expect(attempts).toHaveLength(1);
  });

  it('is retried with retry: true', async () => {
    closeStatus = 503;
    const call = ums().netpayClose({ mid: '898201612345678', tid: '88880001', instMid: 'MINIDEFAULT', merOrderId: refund.merOrderId }, { retry: true });
    await expect(call).rejects.toMatchObject({ attempts: 3 });
    expect(attempts).toHaveLength(3);
  });
});

describe('a network error without a retry', () => {
  it('is a NetworkError', async () => {
    dropNextAnswer = true;
    await expect(ums().netpayRefund(refund, { retry: false })).rejects.toBeInstanceOf(NetworkError);
    // The refund happened on the platform: retrying with the echoed id would be the safe repeat.
    expect(refunds.size).toBe(1);
  });
});
