// The fields of a payment notification for a paid order, as the platform sends them: every value a
// string, the random two-letter extra field, a fresh notifyId; `sign` is added by the dispatcher.
import type { NotificationSignType } from '../../notifications/types.js';
import { beijingDateTime } from '../../time.js';
import { newMchntUuid, randomLetters, randomUuid } from '../state/ids.js';
import type { SandboxMerchant, SandboxOrder, SandboxRefund } from '../types.js';
import { billPaymentOf, billStatusOf, cashPaymentText } from './order-fields.js';

/** Names the extra field must not take (two-letter names the schema or a reader might know). */
const RESERVED = new Set(['id', 'ip']);

export function randomExtraField(existing: ReadonlySet<string>): [string, string] {
  for (let i = 0; i < 100; i++) {
    const name = randomLetters(2);
    if (!existing.has(name) && !RESERVED.has(name.toLowerCase())) return [name, randomLetters(4)];
  }
  return ['zz', randomLetters(4)];
}

export function paymentNotificationFields(
  order: SandboxOrder,
  merchant: SandboxMerchant | undefined,
  signType: NotificationSignType,
  now: number,
): Record<string, string> {
  if (order.kind === 'bill') return withExtraField(billNotificationFields(order, merchant, signType, undefined));
  const amount = String(order.totalAmount);
  const fields: Record<string, string> = {
    notifyId: randomUuid(),
    msgType: 'trade.notify',
    mid: order.mid,
    tid: order.tid,
    instMid: order.instMid,
    subInst: '000100',
    merOrderId: order.merOrderId,
    merName: merchant?.name ?? '',
    orderDesc: order.orderDesc,
    seqId: order.seqId,
    settleRefId: order.seqId,
    status: order.status,
    totalAmount: amount,
    buyerPayAmount: amount,
    invoiceAmount: amount,
    receiptAmount: amount,
    targetOrderId: order.targetOrderId,
    targetSys: order.targetSys,
    targetStatus: 'SUCCESS',
    buyerId: order.buyerId,
    billFunds: `${cashPaymentText(order.totalAmount)}。`,
    billFundsDesc: cashPaymentText(order.totalAmount),
    connectSys: 'OPENCHANNEL',
    mchntUuid: newMchntUuid(),
    createTime: order.createTime,
    payTime: order.payTime ?? '',
    settleDate: order.settleDate ?? '',
    responseTimestamp: beijingDateTime(now),
    signType,
  };
  if (order.kind === 'preauth' && order.billNo !== undefined) {
    // Bills (QR) notifications add the bill and its payment as a JSON string, signed as sent.
    fields['billNo'] = order.billNo;
    fields['billDate'] = order.billDate ?? '';
    fields['billStatus'] = billStatusOf(order.status);
    fields['billPayment'] = JSON.stringify(billPaymentOf(order));
  }
  return withExtraField(fields);
}

function withExtraField(fields: Record<string, string>): Record<string, string> {
  const [extraName, extraValue] = randomExtraField(new Set(Object.keys(fields)));
  fields[extraName] = extraValue;
  return fields;
}

/**
 * The bills (QR) form (V-c2b §1.13): the bill's fields, with no top-level merOrderId; the payment
 * is `billPayment`, a JSON string, and a refund adds `refundBillPayment` (also a JSON string).
 */
function billNotificationFields(
  order: SandboxOrder,
  merchant: SandboxMerchant | undefined,
  signType: NotificationSignType,
  refund: SandboxRefund | undefined,
): Record<string, string> {
  const fields: Record<string, string> = {
    notifyId: randomUuid(),
    mid: order.mid,
    tid: order.tid,
    instMid: order.instMid,
    billNo: order.billNo ?? '',
    billDate: order.billDate ?? '',
    createTime: order.createTime,
    billStatus: billStatusOf(order.status),
    billDesc: order.orderDesc,
    totalAmount: String(order.totalAmount),
    merName: merchant?.name ?? '',
    seqId: order.seqId,
    receiptAmount: String(order.totalAmount),
    billPayment: JSON.stringify({ ...billPaymentOf(order), receiptAmount: order.totalAmount }),
    signType,
  };
  if (refund) {
    fields['refundBillPayment'] = JSON.stringify({
      ...billPaymentOf(order),
      refundOrderId: refund.refundOrderId,
      refundAmount: refund.refundAmount,
      refundPayTime: refund.refundTime,
      refundTargetOrderId: refund.refundTargetOrderId,
    });
  }
  return fields;
}

/**
 * A refund notification: the netpay form with the refund's fields (V-h5 §1.9 "退款通知"), or the
 * bills form with `refundBillPayment` for a QR bill. Sent once a refund is SUCCESS.
 */
export function refundNotificationFields(
  order: SandboxOrder,
  refund: SandboxRefund,
  merchant: SandboxMerchant | undefined,
  signType: NotificationSignType,
  now: number,
): Record<string, string> {
  if (order.kind === 'bill') return withExtraField(billNotificationFields(order, merchant, signType, refund));
  const fields = paymentNotificationFields(order, merchant, signType, now);
  fields['notifyId'] = randomUuid();
  fields['refundOrderId'] = refund.refundOrderId;
  fields['refundAmount'] = String(refund.refundAmount);
  fields['refundTargetOrderId'] = refund.refundTargetOrderId;
  fields['refundPayTime'] = refund.refundTime;
  fields['refundSettleDate'] = refund.refundTime.slice(0, 10);
  fields['refundStatus'] = refund.refundStatus;
  if (refund.refundDesc !== undefined) fields['refundDesc'] = refund.refundDesc;
  return fields;
}
