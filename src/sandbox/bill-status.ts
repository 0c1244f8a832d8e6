import type { SandboxTradeStatus } from './types.js';

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
