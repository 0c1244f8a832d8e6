import { afterEach, describe, expect, it } from 'vitest';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { ApiError, createOpenBodySignature, PlatformError } from '../../src/index.js';
import { routeBusinessCall } from '../../src/sandbox/platform/router.js';
import { DEMO_APP, TEST_MERCHANT, type Sandbox } from '../../src/sandbox/index.js';
import { beijingCompactTimestamp } from '../../src/time.js';
import { createRouterContextForTests } from './router-context.js';
import { sandboxWithClient, SANDBOX_BASE, type CheckedAnswer } from './sandbox-fixture.js';

const FIXTURE_PATH = '/v1/_fixture/not-simulated';

const { mid, tids } = TEST_MERCHANT;
const tid = tids[0]!;
let opened: { sandbox: Sandbox; answers: CheckedAnswer[] }[] = [];

function setup(...args: Parameters<typeof sandboxWithClient>) {
  const fixture = sandboxWithClient(...args);
  opened.push(fixture);
  return fixture;
}

afterEach(async () => {
  for (const { sandbox, answers } of opened) {
    await sandbox.close();
    // Every business answer the sandbox gave must match the spec's response schema.
    for (const answer of answers) expect(answer.problems, `${answer.operationId} answer ${JSON.stringify(answer.body)}`).toBeUndefined();
  }
  opened = [];
});

async function signedPost(sandbox: Sandbox, path: string, body: string, appKey = DEMO_APP.appKey): Promise<Response> {
  const authorization = await createOpenBodySignature({
    appId: DEMO_APP.appId,
    appKey,
    timestamp: beijingCompactTimestamp(Date.now()),
    nonce: crypto.randomUUID().replaceAll('-', ''),
    body,
  });
  return sandbox.fetch(new Request(`${SANDBOX_BASE}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body }));
}

describe('order lifecycle through the client', () => {
  it('a paid order queries as TRADE_SUCCESS, a refunded one as TRADE_REFUND with refund SUCCESS', async () => {
    const { sandbox, client, answers } = setup();
    const order = sandbox.state.createOrder({ totalAmount: 1234 });
    expect((await client.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId: order.merOrderId })).status).toBe('NEW_ORDER');

    await sandbox.state.pay(order.merOrderId);
    const paid = await client.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId: order.merOrderId, msgId: 'm1' });
    expect(paid).toMatchObject({ errCode: 'SUCCESS', status: 'TRADE_SUCCESS', totalAmount: 1234, merOrderId: order.merOrderId, msgId: 'm1' });
    expect(paid.payTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const { refund } = sandbox.state.refund(order.merOrderId, { refundAmount: 1000 });
    expect((await client.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId: order.merOrderId })).status).toBe('TRADE_REFUND');
    const byRefundId = await client.netpayRefundQuery({ mid, tid, merOrderId: refund.refundOrderId });
    expect(byRefundId).toMatchObject({ status: 'TRADE_REFUND', refundStatus: 'SUCCESS', refundAmount: 1000, totalAmount: 1234, refundOrderId: refund.refundOrderId });
    const byOrderId = await client.netpayRefundQuery({ mid, tid, merOrderId: order.merOrderId });
    expect(byOrderId.refundOrderId).toBe(refund.refundOrderId);
    expect(answers).toHaveLength(5);
  });

  it('cancelling an authorised pre-authorisation closes it; a second cancel is not allowed', async () => {
    const { sandbox, client } = setup();
    const preauth = sandbox.state.createOrder({ totalAmount: 2100, kind: 'preauth' });
    await sandbox.state.pay(preauth.merOrderId);
    const body = { mid, tid, instMid: 'QRPAYDEFAULT', billNo: preauth.billNo!, billDate: preauth.billDate!, merOrderId: preauth.merOrderId };
    const cancelled = await client.billsPreauthCancel(body);
    expect(cancelled).toMatchObject({ errCode: 'SUCCESS', billStatus: 'CLOSED', billPayment: { status: 'TRADE_CLOSED', totalAmount: 2100 } });
    expect((await client.netpayQuery({ mid, tid, instMid: 'QRPAYDEFAULT', merOrderId: preauth.merOrderId })).status).toBe('TRADE_CLOSED');
    await expect(client.billsPreauthCancel(body)).rejects.toMatchObject({ name: 'ApiError', code: 'OPERATION_NOT_ALLOWED' });
  });

  it('pay-point sync answers 0000 once, then refuses a second sync', async () => {
    const { sandbox, client } = setup();
    const order = sandbox.state.createPayPointOrder({});
    const body = { fenOrderId: order.fenOrderId, mid, serviceId: order.serviceId, type: 'Order_Paid' as const, detail: { paidTime: beijingCompactTimestamp(Date.now()) } };
    expect(await client.payPointOrderSync(body)).toMatchObject({ respCode: '0000' });
    expect(sandbox.state.payPointOrder(order.fenOrderId)?.status).toBe('PAID');
    await expect(client.payPointOrderSync(body)).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    const future = { ...body, fenOrderId: sandbox.state.createPayPointOrder({}).fenOrderId, detail: { paidTime: beijingCompactTimestamp(Date.now() + 3_600_000) } };
    await expect(client.payPointOrderSync({ ...future, serviceId: sandbox.state.payPointOrders().at(-1)!.serviceId })).rejects.toMatchObject({
      code: 'OPERATION_NOT_ALLOWED',
    });
  });
});

describe('business errors on HTTP 200', () => {
  it('unknown orders give NO_ORDER, unknown merchants NO_MERCHANT', async () => {
    const { client } = setup();
    const error = await client.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId: 'NOPE000001' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NO_ORDER', status: 200 });
    await expect(client.netpayRefundQuery({ mid, tid, merOrderId: 'NOPE000001' })).rejects.toMatchObject({ code: 'NO_ORDER', status: 200 });
    await expect(client.netpayQuery({ mid: '898000000000000', tid, instMid: 'YUEDANDEFAULT', merOrderId: 'NOPE000001' })).rejects.toMatchObject({
      code: 'NO_MERCHANT',
    });
  });

  it('a paid order that was never refunded has no refund to query', async () => {
    const { sandbox, client } = setup();
    const order = sandbox.state.createOrder({ totalAmount: 1 });
    await sandbox.state.pay(order.merOrderId);
    await expect(client.netpayRefundQuery({ mid, tid, merOrderId: order.merOrderId })).rejects.toMatchObject({ code: 'NO_ORDER' });
  });

  it('a requestTimestamp far from Beijing time (a UTC clock) answers ABNORMAL_REQUEST_TIME', async () => {
    const { client } = setup();
    const utcWallClock = new Date().toISOString().slice(0, 19).replace('T', ' ');
    await expect(client.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId: 'NOPE000001', requestTimestamp: utcWallClock })).rejects.toMatchObject({
      name: 'ClockError',
      code: 'ABNORMAL_REQUEST_TIME',
    });
  });
});

describe('request validation against the spec', () => {
  it('a missing field is 9001 参数校验失败 naming the field, HTTP 412', async () => {
    const { sandbox } = setup();
    const response = await signedPost(sandbox, '/v1/netpay/query', JSON.stringify({ requestTimestamp: '2024-01-01 00:00:00', mid, tid, instMid: 'YUEDANDEFAULT' }));
    expect(response.status).toBe(412);
    const body = (await response.json()) as { errCode: string; errInfo: string };
    expect(body.errCode).toBe('9001');
    expect(body.errInfo).toMatch(/^参数校验失败: merOrderId is required/);
  });

  it('a malformed field is refused; an unknown field is answered, as the platform does, and named in a header', async () => {
    const { sandbox } = setup();
    const base = { requestTimestamp: '2024-01-01 00:00:00', mid, tid, instMid: 'YUEDANDEFAULT', merOrderId: 'ABC123456' };
    const long = await (await signedPost(sandbox, '/v1/netpay/query', JSON.stringify({ ...base, mid: '8'.repeat(16) }))).json();
    expect(long).toMatchObject({ errCode: '9001', errInfo: expect.stringMatching(/^参数校验失败: mid /) });
    const extra = await signedPost(sandbox, '/v1/netpay/query', JSON.stringify({ ...base, msgSrcId: '3194', amount: 1 }));
    expect(extra.headers.get('x-sandbox-unknown-fields')).toBe('msgSrcId,amount');
    expect(await extra.json()).not.toMatchObject({ errCode: '9001' });
    const both = await (await signedPost(sandbox, '/v1/netpay/query', JSON.stringify({ ...base, mid: '8'.repeat(16), amount: 1 }))).json();
    expect(both).toMatchObject({ errCode: '9001', errInfo: expect.stringMatching(/^参数校验失败: mid /) });
    expect(both.errInfo).not.toMatch(/amount/);
    const notJson = await signedPost(sandbox, '/v1/netpay/query', '{"mid":');
    expect(await notJson.json()).toMatchObject({ errCode: '9001' });
  });

  it('the client surfaces 9001 as a PlatformError', async () => {
    const { client } = setup();
    const error = await client.netpayQuery({ mid, tid, instMid: 'SHORT', merOrderId: 'ABC123456' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: '9001', status: 412 });
  });

  it('an operation the spec has but the sandbox does not simulate is authenticated, then answered NOT_SUPPORTED', async () => {
    // A path no real endpoint will take, so a new endpoint in the spec never collides with it.
    const future: OperationDescriptor = { ...operations.netpayQuery, operationId: 'fixtureNotSimulated', path: FIXTURE_PATH };
    const body = JSON.stringify({ merOrderId: 'ABC123456' });
    const request = async () => {
      const authorization = await createOpenBodySignature({
        ...DEMO_APP,
        timestamp: beijingCompactTimestamp(Date.now()),
        nonce: crypto.randomUUID().replaceAll('-', ''),
        body,
      });
      return new Request(`${SANDBOX_BASE}${FIXTURE_PATH}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });
    };
    const answer = await routeBusinessCall(await request(), future, createRouterContextForTests());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ errCode: 'NOT_SUPPORTED' });
    const unsigned = await routeBusinessCall(new Request(`${SANDBOX_BASE}${FIXTURE_PATH}`, { method: 'POST', body }), future, createRouterContextForTests());
    expect(unsigned.status).toBe(412);
  });

  it('paths the spec does not have are 404', async () => {
    const { sandbox } = setup();
    const response = await sandbox.fetch(new Request(`${SANDBOX_BASE}/v1/netpay/nothing`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(404);
  });
});
