// 订单关闭 /v1/netpay/close: an unpaid order becomes TRADE_CLOSED; a paid (or already closed)
// order cannot be closed ("TRADE_CLOSED 的订单不允许任何操作", V §2.3).
import { text } from './body-fields.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';
import { refusal, tradeFields } from './order-fields.js';

export const netpayClose: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = text(body, 'mid') ?? '';
  const tid = text(body, 'tid');
  const merOrderId = text(body, 'merOrderId') ?? '';
  const ids = { mid, ...(tid === undefined ? {} : { tid }), merOrderId, ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant.response;
  const order = ctx.store.order(merOrderId);
  if (!order || order.mid !== mid || order.merOrderId !== merOrderId || order.kind === 'preauth') {
    return businessAnswer(ctx, 'NO_ORDER', '找不到请求的原始订单', ids);
  }
  if (order.status === 'TRADE_CLOSED') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 订单已关闭', ids);
  if (order.payTime !== undefined) return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 订单已支付，不能关闭', ids);
  try {
    const closed = ctx.store.close(merOrderId);
    return successAnswer(ctx, { ...ids, ...tradeFields(closed, merchant.merchant), settleDate: '' });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};
