// 预授权撤销 /v1/netpay/bills/preauth-cancel: voids an authorised pre-authorisation; the bill
// becomes CLOSED and its payment TRADE_CLOSED. Cancelling twice is not allowed.
import type { WireRequestBody } from '../../operation-types.js';
import { billPaymentOf, billStatusOf } from '../bill-status.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';

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
