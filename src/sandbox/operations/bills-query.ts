// 账单状态查询 /v1/netpay/bills/query: UNPAID → PAID → REFUND (or CLOSED); with refundOrderId it
// answers that refund (refundBillPayment), and counts as a poll of a PROCESSING refund.
import { billPaymentOf } from '../bill-status.js';
import { text } from './body-fields.js';
import { billFields, findBill } from './bill-fields.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, successAnswer } from './envelope.js';

export const billsQuery: OperationBehaviour = (ctx) => {
  const found = findBill(ctx);
  if (!found.ok) return found.response;
  const { order, merchant, ids } = found;
  const refundOrderId = text(ctx.body, 'refundOrderId');
  if (refundOrderId === undefined) return successAnswer(ctx, { ...ids, ...billFields(ctx, order, merchant) });

  const owned = order.refunds.some((r) => r.refundOrderId === refundOrderId);
  const poll = owned ? ctx.effects.pollRefund(refundOrderId) : undefined;
  if (!poll) return businessAnswer(ctx, 'NO_ORDER', '退款订单不存在', { ...ids, refundOrderId });
  const { refund } = poll;
  return successAnswer(ctx, {
    ...ids,
    ...billFields(ctx, poll.order, merchant),
    refundStatus: refund.refundStatus,
    refundOrderId: refund.refundOrderId,
    refundTargetOrderId: refund.refundTargetOrderId,
    refundPayTime: refund.refundTime,
    refundAmount: refund.refundAmount,
    refundBillPayment: { ...billPaymentOf(poll.order), refundOrderId: refund.refundOrderId, refundAmount: refund.refundAmount, refundPayTime: refund.refundTime },
  });
};
