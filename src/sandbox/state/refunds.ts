// Refund rules shared by every flow (netpay and QR bills): never beyond what was paid, and the
// platform's idempotency key: the same order + refundOrderId again returns the first refund
// ("不会走退货逻辑，而是返回已有退货订单的退货信息", V-mini §1.3) and refunds nothing more.
import { beijingDateTime } from '../../time.js';
import { newRefundOrderId, newTargetOrderId } from './ids.js';
import { SandboxInputError } from './input.js';
import type { SandboxOrder, SandboxRefund, SandboxRefundInput, Mutable } from '../types.js';


const REFUND_ID = /^[0-9A-Za-z_-]{6,64}$/;

export function refundedAmount(order: Pick<SandboxOrder, 'refunds'>): number {
  return order.refunds.reduce((sum, r) => sum + r.refundAmount, 0);
}

export interface RefundPlan {
  /** The existing refund when the id was already used on this order. */
  readonly existing: SandboxRefund | undefined;
  readonly refund: SandboxRefund;
}

/**
 * Decides a refund of `order`; `usedElsewhere` says whether another order already took the id.
 * `processing` starts it PROCESSING (the fault switch). Throws SandboxInputError (a business error
 * for the API layer) when the order is not refundable or the amount is out of range.
 */
export function planRefund(
  order: Mutable<SandboxOrder>,
  input: SandboxRefundInput,
  usedElsewhere: (refundOrderId: string) => boolean,
  now: number,
  processing: boolean,
): RefundPlan {
  if (input.refundOrderId !== undefined) {
    const existing = order.refunds.find((r) => r.refundOrderId === input.refundOrderId);
    if (existing) return { existing, refund: existing };
  }
  if (order.kind === 'preauth') throw new SandboxInputError('CONFLICT', `Order ${order.merOrderId} is a pre-authorisation: cancel it instead.`);
  if (order.status !== 'TRADE_SUCCESS' && order.status !== 'TRADE_REFUND') {
    throw new SandboxInputError('CONFLICT', `Order ${order.merOrderId} is ${order.status}; only a paid order can be refunded.`);
  }
  const remaining = order.totalAmount - refundedAmount(order);
  const refundAmount = input.refundAmount ?? remaining;
  if (!Number.isSafeInteger(refundAmount) || refundAmount <= 0 || refundAmount > remaining) {
    throw new SandboxInputError('CONFLICT', `refundAmount must be 1..${remaining} fen (the amount not yet refunded).`);
  }
  const refundOrderId = input.refundOrderId ?? newRefundOrderId();
  if (!REFUND_ID.test(refundOrderId)) throw new SandboxInputError('INVALID_INPUT', 'refundOrderId must be 6..64 letters, digits, `_` or `-`.');
  if (usedElsewhere(refundOrderId)) throw new SandboxInputError('CONFLICT', `refundOrderId ${refundOrderId} is already used by another order.`);
  const refund: SandboxRefund = Object.freeze({
    refundOrderId,
    refundAmount,
    refundTime: beijingDateTime(now),
    refundTargetOrderId: `50300${newTargetOrderId().slice(5)}`,
    refundStatus: processing ? 'PROCESSING' : 'SUCCESS',
    refundDesc: input.refundDesc,
  });
  return { existing: undefined, refund };
}

/** Records a planned (new) refund on the order: its status becomes TRADE_REFUND. */
export function applyRefund(order: Mutable<SandboxOrder>, refund: SandboxRefund): void {
  order.refunds = [...order.refunds, refund];
  order.status = 'TRADE_REFUND';
}

/** The refund with its status replaced (refunds are frozen snapshots). */
export function settleRefund(order: Mutable<SandboxOrder>, refundOrderId: string): SandboxRefund | undefined {
  let settled: SandboxRefund | undefined;
  order.refunds = order.refunds.map((r) => {
    if (r.refundOrderId !== refundOrderId) return r;
    settled = Object.freeze({ ...r, refundStatus: 'SUCCESS' });
    return settled;
  });
  return settled;
}
