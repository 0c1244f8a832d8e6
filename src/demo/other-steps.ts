// The seed endpoints beyond the payment: a QR pre-authorisation voided with billsPreauthCancel,
// and a WeChat pay-point order synced as paid.
import { beijingCompactTimestamp } from '../index.js';
import type { DemoContext } from './demo-context.js';
import { NOTIFICATION_WAIT_MS } from './demo-context.js';
import { expectField, keyFields } from './report.js';

export async function runOtherSteps(demo: DemoContext): Promise<void> {
  const { report, ums, endpoint, control, sent, mid, tid } = demo;

  report.step('Create and authorise a pre-authorisation (QR bill; control routes)');
  const preauth = await control('/orders', { totalAmount: 2100, kind: 'preauth', orderDesc: '预授权演示', notifyUrl: endpoint.url });
  const preauthId = String(preauth['merOrderId']);
  report.line('answer', keyFields(preauth, ['merOrderId', 'billNo', 'billDate', 'totalAmount']));
  const authorised = await control(`/orders/${preauthId}/pay`, {});
  report.line('authorised', keyFields(authorised['order'], ['status', 'authIdRespCd']));
  const billArrival = await endpoint.next(preauthId, NOTIFICATION_WAIT_MS);
  report.line('received', keyFields(billArrival.notification, ['notifyId', 'billStatus', 'status']));

  report.step('billsPreauthCancel: void the pre-authorisation');
  const cancelled = await ums.billsPreauthCancel({
    mid,
    tid,
    instMid: 'QRPAYDEFAULT',
    billNo: String(preauth['billNo']),
    billDate: String(preauth['billDate']),
    merOrderId: preauthId,
  });
  sent();
  report.line('answer', `${keyFields(cancelled, ['errCode', 'billStatus'])}, billPayment.status ${cancelled.billPayment?.status ?? '?'}`);
  expectField(cancelled, ['billStatus'], 'CLOSED');
  expectField(cancelled, ['billPayment', 'status'], 'TRADE_CLOSED');

  report.step('payPointOrderSync: a WeChat pay-point order paid by other means');
  const payPoint = await control('/pay-point-orders', {});
  report.line('created', keyFields(payPoint, ['fenOrderId', 'serviceId', 'status']));
  const synced = await ums.payPointOrderSync({
    fenOrderId: String(payPoint['fenOrderId']),
    mid,
    serviceId: String(payPoint['serviceId']),
    type: 'Order_Paid',
    detail: { paidTime: beijingCompactTimestamp(Date.now()) },
  });
  sent();
  report.line('answer', keyFields(synced, ['respCode', 'respDesc']));
  expectField(synced, ['respCode'], '0000');
}
