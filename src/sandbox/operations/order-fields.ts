// Pieces every order operation shares: the platform's id rules (msgSrcId prefix), mapping the
// store's refusals to business codes, and the trade fields answers echo.
import { cashPaymentText } from '../bill-status.js';
import { SandboxInputError } from '../input-error.js';
import type { SandboxMerchant, SandboxOrder, SandboxRefund } from '../types.js';
import type { BehaviourContext } from './context.js';
import { businessAnswer } from './envelope.js';

/** BAD_REQUEST unless the id starts with the merchant's 来源编号 (when the merchant has one). */
export function prefixProblem(ctx: BehaviourContext, merchant: SandboxMerchant, name: string, id: string | undefined, fields: Record<string, unknown>): Response | undefined {
  if (id === undefined || merchant.msgSrcId === undefined || id.startsWith(merchant.msgSrcId)) return undefined;
  return businessAnswer(ctx, 'BAD_REQUEST', `${name}须以来源编号${merchant.msgSrcId}开头 (must start with the merchant's msgSrcId)`, fields);
}

/** The store's refusal as the platform words it: a conflict is OPERATION_NOT_ALLOWED, bad input BAD_REQUEST. */
export function refusal(ctx: BehaviourContext, error: unknown, fields: Record<string, unknown>): Response {
  if (!(error instanceof SandboxInputError)) throw error;
  if (error.code === 'NOT_FOUND') return businessAnswer(ctx, 'NO_ORDER', '找不到请求的原始订单', fields);
  const code = error.code === 'CONFLICT' ? 'OPERATION_NOT_ALLOWED' : 'BAD_REQUEST';
  return businessAnswer(ctx, code, `${code === 'BAD_REQUEST' ? '请求报文有错' : '当前不允许此操作'}: ${error.message}`, fields);
}

/** The trade fields of an order, as the create, close and refund answers carry them. */
export function tradeFields(order: SandboxOrder, merchant: SandboxMerchant): Record<string, unknown> {
  return {
    merName: merchant.name,
    seqId: order.seqId,
    settleRefId: order.seqId,
    status: order.status,
    totalAmount: order.totalAmount,
    targetSys: order.targetSys,
    targetStatus: order.payTime === undefined ? '' : 'SUCCESS',
    targetMid: '',
    connectSys: 'OPENCHANNEL',
    ...(order.attachedData === undefined ? {} : { attachedData: order.attachedData }),
  };
}

/** A refund's fields in the netpay and bills refund answers. */
export function refundFields(refund: SandboxRefund): Record<string, unknown> {
  return {
    refundStatus: refund.refundStatus,
    refundOrderId: refund.refundOrderId,
    refundTargetOrderId: refund.refundTargetOrderId,
    refundAmount: refund.refundAmount,
    refundInvoiceAmount: refund.refundAmount,
    refundPayTime: refund.refundTime,
    refundFunds: cashPaymentText(refund.refundAmount),
    refundFundsDesc: '退款',
  };
}
