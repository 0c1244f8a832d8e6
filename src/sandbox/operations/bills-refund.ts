// 退款 /v1/netpay/bills/refund: a QR bill's refund, with the same rules as netpay refunds
// (never beyond what was paid; a repeated refundOrderId returns the first refund).
import { fen, text } from './body-fields.js';
import { billFields, findBill } from './bill-fields.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, successAnswer } from './envelope.js';
import { prefixProblem, refundFields, refusal } from './order-fields.js';

export const billsRefund: OperationBehaviour = (ctx) => {
  const found = findBill(ctx);
  if (!found.ok) return found.response;
  const { order, merchant, ids } = found;
  const refundOrderId = text(ctx.body, 'refundOrderId');
  const badPrefix = prefixProblem(ctx, merchant, 'refundOrderId', refundOrderId, ids);
  if (badPrefix) return badPrefix;
  const refundAmount = fen(ctx.body, 'refundAmount');
  if (refundAmount === undefined || refundAmount < 1) return businessAnswer(ctx, 'BAD_REQUEST', '请求报文有错: refundAmount必须为正整数(分)', ids);
  const refundDesc = text(ctx.body, 'refundDesc');
  try {
    const outcome = ctx.effects.refund(order.merOrderId, {
      refundAmount,
      ...(refundOrderId === undefined ? {} : { refundOrderId }),
      ...(refundDesc === undefined ? {} : { refundDesc }),
    });
    const { billPayment: _payment, ...bill } = billFields(ctx, outcome.order, merchant);
    return successAnswer(ctx, { ...ids, ...bill, merOrderId: order.merOrderId, cardAttr: 'DEBIT_CARD', ...refundFields(outcome.refund) });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};
