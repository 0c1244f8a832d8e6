// 退款 /v1/netpay/refund: partial or full, never beyond what was paid; the same merOrderId +
// refundOrderId again returns the existing refund and refunds nothing more (V-mini §1.3).
import { fen, text } from './body-fields.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';
import { prefixProblem, refundFields, refusal, tradeFields } from './order-fields.js';

export const netpayRefund: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = text(body, 'mid') ?? '';
  const tid = text(body, 'tid');
  const merOrderId = text(body, 'merOrderId') ?? '';
  const refundOrderId = text(body, 'refundOrderId');
  const ids = { mid, ...(tid === undefined ? {} : { tid }), merOrderId, ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant.response;
  const order = ctx.store.order(merOrderId);
  if (!order || order.mid !== mid || order.merOrderId !== merOrderId) return businessAnswer(ctx, 'NO_ORDER', '找不到请求的原始订单', ids);
  if (order.kind === 'bill') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: a QR bill is refunded with billsRefund', ids);
  const badPrefix = prefixProblem(ctx, merchant.merchant, 'refundOrderId', refundOrderId, ids);
  if (badPrefix) return badPrefix;
  const refundAmount = fen(body, 'refundAmount');
  if (refundAmount === undefined || refundAmount < 1) return businessAnswer(ctx, 'BAD_REQUEST', '请求报文有错: refundAmount必须为正整数(分)', ids);
  const refundDesc = text(body, 'refundDesc');
  try {
    const outcome = ctx.effects.refund(merOrderId, {
      refundAmount,
      ...(refundOrderId === undefined ? {} : { refundOrderId }),
      ...(refundDesc === undefined ? {} : { refundDesc }),
    });
    return successAnswer(ctx, { ...ids, ...tradeFields(outcome.order, merchant.merchant), ...refundFields(outcome.refund) });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};
