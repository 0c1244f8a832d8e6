// The main job, with the SDK alone: a mini-program order is created, paid by the sandbox wallet,
// notified, queried, refunded (twice with one refundOrderId: refunded once) and the refund queried;
// another order is created and closed.
import { createMerOrderId } from '../index.js';
import type { DemoContext } from './demo-context.js';
import { NOTIFICATION_WAIT_MS } from './demo-context.js';
import { expectField, keyFields } from './report.js';

const QUERY_FIELDS = ['errCode', 'merOrderId', 'status', 'totalAmount', 'payTime', 'targetSys'] as const;

export async function runPaymentSteps(demo: DemoContext): Promise<void> {
  const { report, ums, endpoint, control, sent, mid, tid, msgSrcId } = demo;

  report.step('netpayWxUnifiedOrder: create a WeChat mini-program order (tradeType MINI)');
  const merOrderId = createMerOrderId({ msgSrcId });
  const created = await ums.netpayWxUnifiedOrder({
    mid,
    tid,
    instMid: 'MINIDEFAULT',
    tradeType: 'MINI',
    merOrderId,
    totalAmount: 300,
    subAppId: 'wxsandbox00000000',
    subOpenId: 'o8wNsandboxopenid000000000',
    orderDesc: '沙箱演示订单',
    notifyUrl: endpoint.url,
  });
  sent();
  report.line('answer', keyFields(created, ['errCode', 'merOrderId', 'status', 'totalAmount']));
  report.line('front end', `wx.requestPayment(miniPayRequest) with it unchanged: keys ${Object.keys(created.miniPayRequest ?? {}).join(', ')}`);
  expectField(created, ['status'], 'WAIT_BUYER_PAY');

  report.step('The buyer pays (the sandbox wallet); the platform POSTs a signed notification');
  const paid = await control(`/orders/${merOrderId}/pay`, {});
  report.line('answer', keyFields(paid['order'], ['status', 'payTime', 'targetSys']));
  const arrival = await endpoint.next(merOrderId, NOTIFICATION_WAIT_MS);
  report.line('received', keyFields(arrival.notification, ['notifyId', 'status', 'totalAmount', 'payTime']));
  report.line('verified', `sign checked (${arrival.context.signType}) over ${Object.keys(arrival.context.raw).length} fields, incl. the random extra one; answered SUCCESS`);
  expectField(arrival.notification, ['status'], 'TRADE_SUCCESS');

  report.step('netpayQuery: is the order paid?');
  const queried = await ums.netpayQuery({ mid, tid, instMid: 'MINIDEFAULT', merOrderId });
  sent();
  report.line('answer', keyFields(queried, QUERY_FIELDS));
  expectField(queried, ['status'], 'TRADE_SUCCESS');

  report.step('netpayRefund: refund 1.00 of 3.00, then again with the same refundOrderId (refunded once)');
  const refundOrderId = createMerOrderId({ msgSrcId });
  const refundInput = { mid, tid, instMid: 'MINIDEFAULT', merOrderId, refundAmount: 100, refundOrderId };
  const first = await ums.netpayRefund(refundInput);
  sent();
  report.line('answer', keyFields(first, ['errCode', 'status', 'refundStatus', 'refundAmount', 'refundOrderId']));
  const again = await ums.netpayRefund(refundInput);
  report.line('again', keyFields(again, ['errCode', 'refundStatus', 'refundAmount', 'refundOrderId']));
  const order = await control(`/orders/${merOrderId}`);
  const refunds = order['refunds'] as unknown[];
  report.line('sandbox', `${refunds.length} refund recorded, ${300 - 100} fen left refundable`);
  expectField(again, ['refundOrderId'], refundOrderId);
  expectField({ refunds: refunds.length }, ['refunds'], 1);
  const refundArrival = await endpoint.next(merOrderId, NOTIFICATION_WAIT_MS, 'refund');
  report.line('received', `refund notification ${keyFields(refundArrival.context.raw, ['refundOrderId', 'refundAmount', 'status'])}`);

  report.step('netpayRefundQuery: did the refund go through?');
  const refundQuery = await ums.netpayRefundQuery({ mid, tid, instMid: 'MINIDEFAULT', merOrderId: refundOrderId });
  sent();
  report.line('answer', keyFields(refundQuery, ['errCode', 'status', 'refundStatus', 'refundAmount', 'refundOrderId']));
  expectField(refundQuery, ['refundStatus'], 'SUCCESS');
  expectField(refundQuery, ['status'], 'TRADE_REFUND');

  report.step('netpayClose: create another order and close it unpaid');
  const unpaidId = createMerOrderId({ msgSrcId });
  await ums.netpayWxUnifiedOrder({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId: unpaidId, totalAmount: 500, subAppId: 'wxsandbox00000000', subOpenId: 'o8wNsandboxopenid000000000' });
  const closed = await ums.netpayClose({ mid, tid, instMid: 'MINIDEFAULT', merOrderId: unpaidId });
  sent();
  report.line('answer', keyFields(closed, ['errCode', 'merOrderId', 'status']));
  expectField(closed, ['status'], 'TRADE_CLOSED');
}
