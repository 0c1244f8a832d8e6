// Netpay refunds: 退款 and 退款查询. QR bills are refunded with billsRefund (bills.ts); both go
// through the same refund rules (state/refunds.ts).
import type { WireRequestBody } from '../../../operation-types.js';
import { refundedAmount } from '../../state/refunds.js';
import { businessAnswer, successAnswer } from '../answers.js';
import { cashPaymentText, refundFields, tradeFields } from '../order-fields.js';
import { checkMerchant, echoed, fen, prefixProblem, refusal, stringField, type OperationBehaviour } from './context.js';

/**
 * 退款 /v1/netpay/refund: partial or full, never beyond what was paid; the same merOrderId +
 * refundOrderId again returns the existing refund and refunds nothing more (V-mini §1.3).
 */
export const netpayRefund: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = stringField(body, 'mid') ?? '';
  const tid = stringField(body, 'tid');
  const merOrderId = stringField(body, 'merOrderId') ?? '';
  const refundOrderId = stringField(body, 'refundOrderId');
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
  const refundDesc = stringField(body, 'refundDesc');
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

/**
 * 退款查询 /v1/netpay/refund-query: found by the refund's order number (退货订单号), or by the
 * original order's, answering the latest refund. An order without refunds has no refund to find.
 * Each query counts as a poll of a PROCESSING refund (the refund-processing fault).
 */
export const netpayRefundQuery: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'netpayRefundQuery'>;
  const merchant = checkMerchant(ctx, body.mid, body.tid);
  if (!merchant.ok) return merchant.response;
  const ids = { mid: body.mid, tid: body.tid, merOrderId: body.merOrderId, ...echoed(body) };
  const found = ctx.store.findByRefund(body.merOrderId);
  if (!found || found.order.mid !== body.mid || !found.refund) return businessAnswer(ctx, 'NO_ORDER', '退款订单不存在', ids);

  const { order, refund } = ctx.effects.pollRefund(found.refund.refundOrderId) ?? { order: found.order, refund: found.refund };
  const refundedTotal = refundedAmount(order);
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
