// H5 pages (/trade/h5-pay, /wxpay/h5-pay, /uac/order, /wxpay/h5-to-minipay): the browser GETs the
// signed URL, the platform creates the order and answers 302 to its cashier. The sandbox's cashier
// page has a Pay button. Reloading the same URL (same merOrderId, amount, unpaid) opens it again.
import type { OperationBehaviour } from './context.js';
import { fen, text } from './body-fields.js';
import { businessAnswer } from './envelope.js';
import { createOrderFromBody } from './order-create.js';

export const H5_OPERATIONS = ['netpayTradeH5Pay', 'netpayWxpayH5Pay', 'netpayUacOrder', 'netpayWxpayH5ToMinipay'] as const;

function cashier(ctx: Parameters<OperationBehaviour>[0], merOrderId: string): Response {
  return new Response(null, { status: 302, headers: { location: `${ctx.pagesBase}/cashier/${encodeURIComponent(merOrderId)}` } });
}

export const h5Pay: OperationBehaviour = (ctx) => {
  const merOrderId = text(ctx.body, 'merOrderId');
  const existing = merOrderId === undefined ? undefined : ctx.store.order(merOrderId);
  if (existing && existing.merOrderId === merOrderId) {
    const reload = existing.createdBy === ctx.op.operationId && existing.payTime === undefined && existing.status !== 'TRADE_CLOSED';
    if (reload && existing.totalAmount === fen(ctx.body, 'totalAmount') && existing.mid === text(ctx.body, 'mid')) return cashier(ctx, merOrderId);
    return businessAnswer(ctx, 'DUP_ORDER', '重复的订单请求', { merOrderId });
  }
  const created = createOrderFromBody(ctx);
  return created.ok ? cashier(ctx, created.order.merOrderId) : created.response;
};
