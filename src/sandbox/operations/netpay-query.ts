// 支付结果查询 /v1/netpay/query: the order's trade status as the store holds it.
import type { WireRequestBody } from '../../operation-types.js';
import { cashPaymentText } from '../bill-status.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';

export const netpayQuery: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'netpayQuery'>;
  const merchant = checkMerchant(ctx, body.mid, body.tid);
  if (!merchant.ok) return merchant.response;
  const ids = { mid: body.mid, tid: body.tid, merOrderId: body.merOrderId, ...echoed(body) };
  const order = ctx.store.order(body.merOrderId);
  if (!order || order.mid !== body.mid) return businessAnswer(ctx, 'NO_ORDER', '订单不存在', ids);

  const paid = order.payTime !== undefined;
  return successAnswer(ctx, {
    ...ids,
    instMid: order.instMid,
    merName: merchant.merchant.name,
    seqId: order.seqId,
    settleRefId: order.seqId,
    status: order.status,
    totalAmount: order.totalAmount,
    targetOrderId: order.targetOrderId,
    targetSys: order.targetSys,
    targetStatus: paid ? 'SUCCESS' : '',
    buyerId: order.buyerId,
    ...(paid ? { buyerPayAmount: order.totalAmount, invoiceAmount: order.totalAmount, receiptAmount: order.totalAmount } : {}),
    payTime: order.payTime ?? '',
    settleDate: order.settleDate ?? '',
    billFunds: paid ? cashPaymentText(order.totalAmount) : '',
    billFundsDesc: paid ? '支付' : '',
    connectSys: 'OPENCHANNEL',
    ...(order.authIdRespCd === undefined ? {} : { authIdRespCd: order.authIdRespCd }),
  });
};
