// Settling what was authorised earlier: 预授权撤销 (a QR-bill pre-authorisation is voided) and
// 支付分订单信息同步 (a WeChat pay-point order is marked paid by other means).
import { parseBeijingTime } from '../../../time.js';
import type { WireRequestBody } from '../../../operation-types.js';
import { businessAnswer, successAnswer } from '../answers.js';
import { billPaymentOf, billStatusOf } from '../order-fields.js';
import { checkMerchant, echoed, type OperationBehaviour } from './context.js';

/**
 * 预授权撤销 /v1/netpay/bills/preauth-cancel: voids an authorised pre-authorisation; the bill
 * becomes CLOSED and its payment TRADE_CLOSED. Cancelling twice is not allowed.
 */
export const billsPreauthCancel: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'billsPreauthCancel'>;
  const merchant = checkMerchant(ctx, body.mid, body.tid);
  if (!merchant.ok) return merchant.response;
  const ids = { mid: body.mid, tid: body.tid, billNo: body.billNo, billDate: body.billDate, instMid: body.instMid, ...echoed(body) };
  const order = ctx.store.order(body.merOrderId);
  const matches = order && order.kind === 'preauth' && order.mid === body.mid && order.billNo === body.billNo && order.billDate === body.billDate;
  if (!order || !matches) return businessAnswer(ctx, 'NO_ORDER', '预授权订单不存在', ids);
  if (body.authIdRespCd !== undefined && body.authIdRespCd !== '' && body.authIdRespCd !== order.authIdRespCd) {
    return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '授权标识应答码不符', ids);
  }
  if (order.status === 'TRADE_CLOSED') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '预授权已撤销', ids);
  if (order.status !== 'TRADE_SUCCESS') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '预授权未完成，不能撤销', ids);

  const closed = ctx.store.close(order.merOrderId);
  return successAnswer(ctx, {
    ...ids,
    billPayment: billPaymentOf(closed),
    billQRCode: '',
    billStatus: billStatusOf(closed.status),
    cardAttr: 'CREDIT_CARD',
  });
};

const PAID_TIME_GRACE_MS = 60_000;

/** `yyyyMMddHHmmss`, or `yyyyMMdd` read as that day's 00:00:00 (the page says both; see the spec). */
function paidInstant(paidTime: string): Date | undefined {
  return parseBeijingTime(paidTime.length === 8 ? `${paidTime}000000` : paidTime);
}

/**
 * 支付分订单信息同步: `Order_Paid` marks a completed pay-point order as paid by other means. The
 * page's rule "paidTime ≤ time of this call + 60 s" is enforced; a second sync is refused.
 */
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
