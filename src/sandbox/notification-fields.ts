// The fields of a payment notification for a paid order, as the platform sends them: every value a
// string, the random two-letter extra field, a fresh notifyId; `sign` is added by the dispatcher.
import { beijingDateTime } from '../time.js';
import type { NotificationSignType } from '../notifications/types.js';
import { billPaymentOf, billStatusOf, cashPaymentText } from './bill-status.js';
import { newMchntUuid } from './ids.js';
import { randomLetters, randomUuid } from './random.js';
import type { SandboxMerchant, SandboxOrder } from './types.js';

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
  const [extraName, extraValue] = randomExtraField(new Set(Object.keys(fields)));
  fields[extraName] = extraValue;
  return fields;
}
