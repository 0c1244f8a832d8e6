// An order as the platform's messages print it: the trade and refund fields of netpay answers, and
// a QR bill's status and payment (answers carry the payment as an object, notifications as a JSON
// string of it). Pure functions of the order, shared by the behaviours and the notifications.
import type { SandboxMerchant, SandboxOrder, SandboxRefund, SandboxTradeStatus } from '../types.js';

export type SandboxBillStatus = 'PAID' | 'UNPAID' | 'REFUND' | 'CLOSED';

/** A bill's status follows its order's trade status. */
export function billStatusOf(status: SandboxTradeStatus): SandboxBillStatus {
  switch (status) {
    case 'TRADE_SUCCESS':
      return 'PAID';
    case 'TRADE_REFUND':
      return 'REFUND';
    case 'TRADE_CLOSED':
      return 'CLOSED';
    default:
      return 'UNPAID';
  }
}

/** `现金支付21.00元`: how the platform describes a payment of `fen`. */
export function cashPaymentText(fen: number): string {
  return `现金支付${(fen / 100).toFixed(2)}元`;
}

/** The bill's payment as the platform describes it. */
export function billPaymentOf(order: SandboxOrder): Record<string, unknown> {
  return {
    merOrderId: order.merOrderId,
    billBizType: 'bills',
    paySeqId: order.seqId,
    totalAmount: order.totalAmount,
    buyerPayAmount: order.totalAmount,
    invoiceAmount: order.totalAmount,
    discountAmount: 0,
    buyerId: order.buyerId,
    buyerUsername: '',
    payDetail: cashPaymentText(order.totalAmount),
    payTime: order.payTime ?? '',
    settleDate: order.settleDate ?? '',
    status: order.status,
    targetOrderId: order.targetOrderId,
    targetSys: order.targetSys,
    activityIds: '',
  };
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
