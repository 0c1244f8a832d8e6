import type { SandboxOrder, SandboxTradeStatus } from './types.js';

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

/**
 * The bill's payment as the platform describes it: the pre-auth cancel answer carries it as an
 * object, a bills notification as a JSON string of the same object.
 */
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
