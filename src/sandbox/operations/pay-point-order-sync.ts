// 支付分订单信息同步: `Order_Paid` marks a completed pay-point order as paid by other means. The
// page's rule "paidTime ≤ time of this call + 60 s" is enforced; a second sync is refused.
import { parseBeijingTime } from '../../time.js';
import type { WireRequestBody } from '../../operation-types.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, successAnswer } from './envelope.js';

const PAID_TIME_GRACE_MS = 60_000;

/** `yyyyMMddHHmmss`, or `yyyyMMdd` read as that day's 00:00:00 (the page says both; see the spec). */
function paidInstant(paidTime: string): Date | undefined {
  return parseBeijingTime(paidTime.length === 8 ? `${paidTime}000000` : paidTime);
}

export const payPointOrderSync: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'payPointOrderSync'>;
  const merchant = checkMerchant(ctx, body.mid, undefined);
  if (!merchant.ok) return merchant.response;
  const order = ctx.store.payPointOrder(body.fenOrderId);
  if (!order || order.mid !== body.mid || order.serviceId !== body.serviceId) return businessAnswer(ctx, 'NO_ORDER', '支付分订单不存在');
  if (order.status === 'PAID') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '订单已同步为收款成功');
  const paid = paidInstant(body.detail.paidTime);
  if (!paid) return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', 'paidTime不是有效的时间');
  if (paid.getTime() > ctx.now() + PAID_TIME_GRACE_MS) return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', 'paidTime晚于同步时间+60秒');
  ctx.store.markPayPointPaid(order.fenOrderId, body.detail.paidTime);
  return successAnswer(ctx, {});
};
