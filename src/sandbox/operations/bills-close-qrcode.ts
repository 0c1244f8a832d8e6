// 二维码关闭 /v1/netpay/bills/close-qrcode: an unpaid bill is CLOSED; a paid one only with
// attachRefund (the rest of it is refunded, V-c2b §1.3), otherwise the code cannot be closed.
import { billStatusOf } from '../bill-status.js';
import { flag, text } from './body-fields.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';
import { refusal } from './order-fields.js';
import { refundedAmount } from '../state/refunds.js';

export const billsCloseQrcode: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = text(body, 'mid') ?? '';
  const tid = text(body, 'tid');
  const qrCodeId = text(body, 'qrCodeId') ?? '';
  const systemId = text(body, 'systemId');
  const ids = {
    mid,
    ...(tid === undefined ? {} : { tid }),
    instMid: text(body, 'instMid') ?? 'QRPAYDEFAULT',
    qrCodeId,
    ...(systemId === undefined ? {} : { systemId }),
    ...echoed(body),
  };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant.response;
  const order = ctx.store.orderByQrCode(qrCodeId);
  if (!order || order.mid !== mid) return businessAnswer(ctx, 'NO_ORDER', '二维码不存在', ids);
  if (order.status === 'TRADE_CLOSED') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 二维码已关闭', ids);
  try {
    if (order.payTime === undefined) {
      const closed = ctx.store.close(order.merOrderId);
      return successAnswer(ctx, { ...ids, billDate: closed.billDate, billStatus: billStatusOf(closed.status) });
    }
    if (!flag(body, 'attachRefund')) return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 账单已支付 (send attachRefund to refund it)', ids);
    const remaining = order.totalAmount - refundedAmount(order);
    const after = remaining > 0 ? ctx.effects.refund(order.merOrderId, { refundAmount: remaining }).order : order;
    return successAnswer(ctx, { ...ids, billDate: after.billDate, billStatus: billStatusOf(after.status) });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};
