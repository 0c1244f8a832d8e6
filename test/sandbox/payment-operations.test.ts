// Every payment operation end to end through the client and the sandbox; the fixture checks each
// answer against the operation's response schema in the spec.
import { afterEach, describe, expect, it } from 'vitest';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { behaviours } from '../../src/sandbox/platform/operations/index.js';
import { createChinaUmsClient } from '../../src/index.js';
import { DEMO_APP, TEST_MERCHANT, type Sandbox } from '../../src/sandbox/index.js';
import { SANDBOX_BASE, sandboxWithClient, type CheckedAnswer } from './sandbox-fixture.js';

const { mid, msgSrcId } = TEST_MERCHANT;
const tid = TEST_MERCHANT.tids[0]!;
let opened: { sandbox: Sandbox; answers: CheckedAnswer[] }[] = [];
let counter = 0;
const newId = (length = 28) => `${msgSrcId}${Date.now()}${String(++counter).padStart(6, '0')}`.slice(0, length);

function setup(...args: Parameters<typeof sandboxWithClient>) {
  const fixture = sandboxWithClient(...args);
  opened.push(fixture);
  return fixture;
}

afterEach(async () => {
  for (const { sandbox, answers } of opened) {
    await sandbox.close();
    for (const answer of answers) expect(answer.problems, `${answer.operationId} answer ${JSON.stringify(answer.body)}`).toBeUndefined();
  }
  opened = [];
});

const wechat = { subAppId: 'wxsandbox00000000', subOpenId: 'o8wNsandboxopenid000000000' };

describe('the sandbox simulates every operation of the spec', () => {
  it('each operation in the generated table has a behaviour', () => {
    const missing = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter((op) => behaviours[op.operationId] === undefined);
    expect(missing.map((op) => op.operationId)).toEqual([]);
  });
});

describe('order creation', () => {
  it('netpayWxUnifiedOrder: MINI answers miniPayRequest, JSAPI jsPayRequest; WAIT_BUYER_PAY until paid; a repeat is DUP_ORDER', async () => {
    const { client, sandbox } = setup();
    const merOrderId = newId();
    const mini = await client.netpayWxUnifiedOrder({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId, totalAmount: 3, ...wechat });
    expect(mini).toMatchObject({ errCode: 'SUCCESS', status: 'WAIT_BUYER_PAY', merOrderId, totalAmount: 3 });
    expect(mini.miniPayRequest).toMatchObject({ appId: wechat.subAppId, signType: 'RSA' });
    expect(String(mini.miniPayRequest?.['package'])).toMatch(/^prepay_id=wx\d+$/);
    const jsapi = await client.netpayWxUnifiedOrder({ mid, tid, instMid: 'YUEDANDEFAULT', tradeType: 'JSAPI', merOrderId: newId(), totalAmount: 3, ...wechat });
    expect(jsapi.jsPayRequest).toHaveProperty('paySign');
    await expect(client.netpayWxUnifiedOrder({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId, totalAmount: 3, ...wechat })).rejects.toMatchObject({ code: 'DUP_ORDER' });
    await sandbox.state.pay(merOrderId);
    expect((await client.netpayQuery({ mid, tid, instMid: 'MINIDEFAULT', merOrderId })).status).toBe('TRADE_SUCCESS');
  });

  it('an order number without the merchant’s msgSrcId prefix is BAD_REQUEST', async () => {
    const { client } = setup();
    const call = client.netpayWxUnifiedOrder({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId: 'ABCD2026120100000001', totalAmount: 3, ...wechat });
    await expect(call).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('netpayTradeCreate: targetOrderId is the tradeNO before payment, kept when the buyer pays with Alipay', async () => {
    const { client, sandbox } = setup();
    const merOrderId = newId();
    const created = await client.netpayTradeCreate({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId, totalAmount: 10, userId: '2088102175953034' });
    expect(created.targetOrderId).toMatch(/^\d{28}$/);
    await sandbox.state.pay(merOrderId);
    const queried = await client.netpayQuery({ mid, tid, instMid: 'MINIDEFAULT', merOrderId });
    expect(queried).toMatchObject({ targetOrderId: created.targetOrderId, targetSys: 'Alipay 2.0' });
  });

  it.each([
    ['netpayWxAppPreOrder', 'prepayid'],
    ['netpayTradePrecreate', 'qrCode'],
    ['netpayUacAppOrder', 'tn'],
  ] as const)('%s answers appPayRequest for the APP SDK (%s)', async (operationId, key) => {
    const { client } = setup();
    const create = client[operationId] as unknown as (body: Record<string, unknown>) => Promise<{ appPayRequest?: Record<string, unknown> }>;
    const answer = await create.call(client, { mid, tid, instMid: 'APPDEFAULT', merOrderId: newId(), totalAmount: 10, ...(operationId === 'netpayWxAppPreOrder' ? { subAppId: wechat.subAppId } : {}) });
    expect(answer.appPayRequest).toHaveProperty(key);
  });
});

describe('netpayRefund and netpayClose', () => {
  async function paidOrder(fixture: ReturnType<typeof setup>, totalAmount = 300) {
    const merOrderId = newId();
    await fixture.client.netpayWxUnifiedOrder({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId, totalAmount, ...wechat });
    await fixture.sandbox.state.pay(merOrderId);
    return merOrderId;
  }

  it('refunds part twice with one refundOrderId (refunded once), never beyond what was paid', async () => {
    const fixture = setup();
    const { client, sandbox } = fixture;
    const merOrderId = await paidOrder(fixture);
    const refundOrderId = newId();
    const input = { mid, tid, instMid: 'MINIDEFAULT', merOrderId, refundAmount: 100, refundOrderId };
    const first = await client.netpayRefund(input);
    const second = await client.netpayRefund(input);
    expect(first).toMatchObject({ refundStatus: 'SUCCESS', refundAmount: 100, refundOrderId, status: 'TRADE_REFUND' });
    expect(second).toMatchObject({ refundOrderId, refundTargetOrderId: first.refundTargetOrderId });
    expect(sandbox.state.order(merOrderId)?.refunds).toHaveLength(1);
    await expect(client.netpayRefund({ ...input, refundOrderId: newId(), refundAmount: 201 })).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    const refundQuery = await client.netpayRefundQuery({ mid, tid, instMid: 'MINIDEFAULT', merOrderId: refundOrderId });
    expect(refundQuery).toMatchObject({ refundStatus: 'SUCCESS', refundOrderId });
  });

  it('a refund retried after a network error that hid the platform’s answer refunds once (the filled-in refundOrderId is kept)', async () => {
    let dropped = false;
    const fixture = setup();
    const merOrderId = await paidOrder(fixture);
    const { sandbox } = fixture;
    // A client whose first refund reaches the platform but whose answer is lost on the way back.
    const lossy = async (request: Request): Promise<Response> => {
      const response = await sandbox.fetch(request);
      if (!dropped && new URL(request.url).pathname === '/v1/netpay/refund') {
        dropped = true;
        throw new TypeError('fetch failed (connection reset after the request was sent)');
      }
      return response;
    };
    const client = createChinaUmsClient({ ...DEMO_APP, baseUrl: SANDBOX_BASE, fetch: lossy, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const answer = await client.netpayRefund({ mid, tid, instMid: 'MINIDEFAULT', merOrderId, refundAmount: 50 });
    expect(dropped).toBe(true);
    expect(answer.refundOrderId?.startsWith(msgSrcId)).toBe(true);
    expect(sandbox.state.order(merOrderId)?.refunds).toEqual([expect.objectContaining({ refundOrderId: answer.refundOrderId, refundAmount: 50 })]);
  });

  it('an unpaid order is closed (TRADE_CLOSED); a paid one is OPERATION_NOT_ALLOWED; an unknown one NO_ORDER', async () => {
    const fixture = setup();
    const { client } = fixture;
    const unpaid = newId();
    await client.netpayWxUnifiedOrder({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId: unpaid, totalAmount: 5, ...wechat });
    expect(await client.netpayClose({ mid, tid, instMid: 'MINIDEFAULT', merOrderId: unpaid })).toMatchObject({ status: 'TRADE_CLOSED', merOrderId: unpaid });
    const paid = await paidOrder(fixture);
    await expect(client.netpayClose({ mid, tid, instMid: 'MINIDEFAULT', merOrderId: paid })).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    await expect(client.netpayClose({ mid, tid, instMid: 'MINIDEFAULT', merOrderId: newId() })).rejects.toMatchObject({ code: 'NO_ORDER' });
  });
});

describe('QR bills', () => {
  it('UNPAID → PAID → REFUND: get-qrcode, pay by billNo, query, refund twice with one refundOrderId, query the refund', async () => {
    const { client, sandbox } = setup();
    const billNo = newId(27);
    const bill = await client.billsGetQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, totalAmount: 2100, billDesc: 'QR' });
    expect(bill.billQRCode).toMatch(new RegExp(`/_sandbox/bills/qrCode\\.do\\?id=${bill.qrCodeId ?? 'missing'}$`));
    const billDate = bill.billDate!;
    expect((await client.billsQuery({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate })).billStatus).toBe('UNPAID');
    await sandbox.state.pay(billNo);
    const paid = await client.billsQuery({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate });
    expect(paid).toMatchObject({ billStatus: 'PAID', billPayment: { status: 'TRADE_SUCCESS', totalAmount: 2100 } });
    const refundOrderId = newId();
    const refund = { mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate, refundAmount: 1000, refundOrderId };
    expect(await client.billsRefund(refund)).toMatchObject({ billStatus: 'REFUND', refundStatus: 'SUCCESS', refundAmount: 1000 });
    await client.billsRefund(refund);
    expect(sandbox.state.order(billNo)?.refunds).toHaveLength(1);
    const refundState = await client.billsQuery({ mid, tid, instMid: 'QRPAYDEFAULT', billNo, billDate, refundOrderId });
    expect(refundState).toMatchObject({ refundStatus: 'SUCCESS', refundOrderId, refundBillPayment: { refundAmount: 1000 } });
    await expect(client.billsQuery({ mid, tid, instMid: 'QRPAYDEFAULT', billNo: newId(27), billDate })).rejects.toMatchObject({ code: 'NO_ORDER' });
  });

  it('billsCloseQrcode: an unpaid code closes; a paid one needs attachRefund, which refunds it', async () => {
    const { client, sandbox } = setup();
    const unpaid = await client.billsGetQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', billNo: newId(27), totalAmount: 5 });
    expect(await client.billsCloseQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', qrCodeId: unpaid.qrCodeId! })).toMatchObject({ errCode: 'SUCCESS' });
    expect(sandbox.state.order(unpaid.billNo!)?.status).toBe('TRADE_CLOSED');
    const paid = await client.billsGetQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', billNo: newId(27), totalAmount: 5 });
    await sandbox.state.pay(paid.billNo!);
    await expect(client.billsCloseQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', qrCodeId: paid.qrCodeId! })).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    await client.billsCloseQrcode({ mid, tid, instMid: 'QRPAYDEFAULT', qrCodeId: paid.qrCodeId!, attachRefund: true });
    expect(sandbox.state.order(paid.billNo!)?.status).toBe('TRADE_REFUND');
  });
});
