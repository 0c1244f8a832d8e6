// 退款查询 /v1/netpay/refund-query: found by the refund's order number (退货订单号), or by the
// original order's, answering the latest refund. An order without refunds has no refund to find.
// Each query counts as a poll of a PROCESSING refund (the refund-processing fault).
import type { WireRequestBody } from '../../operation-types.js';
import { cashPaymentText } from '../bill-status.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';

export const netpayRefundQuery: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'netpayRefundQuery'>;
  const merchant = checkMerchant(ctx, body.mid, body.tid);
  if (!merchant.ok) return merchant.response;
  const ids = { mid: body.mid, tid: body.tid, merOrderId: body.merOrderId, ...echoed(body) };
  const found = ctx.store.findByRefund(body.merOrderId);
  if (!found || found.order.mid !== body.mid || !found.refund) return businessAnswer(ctx, 'NO_ORDER', '退款订单不存在', ids);

  const { order, refund } = ctx.effects.pollRefund(found.refund.refundOrderId) ?? { order: found.order, refund: found.refund };
  const refundedTotal = order.refunds.reduce((sum, r) => sum + r.refundAmount, 0);
  return successAnswer(ctx, {
    ...ids,
    merName: merchant.merchant.name,
    seqId: order.seqId,
    settleRefId: order.seqId,
    status: order.status,
    refundStatus: refund.refundStatus,
    connectSys: 'OPENCHANNEL',
    targetMid: '',
    bankInfo: '',
    // The page: "退货查询时不返回" (not returned by the refund query).
    targetOrderId: '',
    targetStatus: 'SUCCESS',
    targetSys: order.targetSys,
    totalAmount: order.totalAmount,
    refundAmount: refundedTotal,
    refundFunds: cashPaymentText(refundedTotal),
    refundFundsDesc: '退款',
    refundOrderId: refund.refundOrderId,
    refundTargetOrderId: refund.refundTargetOrderId,
    totalRefundPromotionAmt: 0,
    orderPromotionStatus: '',
    eventList: [],
    oriInfo: [],
  });
};
