import type { components } from '../../generated/schema.js';
import type { PaymentNotification } from './types.js';

/** A QR-code bill's notification (`billNo`, `billStatus`, `billPayment`). */
export type BillNotification = components['schemas']['BillNotification'];
/** A refund of an order (`refundOrderId`, `refundAmount`, …). */
export type RefundNotification = components['schemas']['RefundNotification'];
/** An order's payment result (`status`, `merOrderId`, …). */
export type OrderPaymentNotification = components['schemas']['OrderPaymentNotification'];

// The kinds are told apart exactly as the spec's PaymentNotification union does: `billNo` makes it
// a bill notification, else `refundOrderId` a refund, else an order payment.

export function isBillNotification(notification: PaymentNotification): notification is BillNotification {
  return 'billNo' in notification && notification.billNo !== undefined;
}

export function isRefundNotification(notification: PaymentNotification): notification is RefundNotification {
  return !isBillNotification(notification) && 'refundOrderId' in notification && notification.refundOrderId !== undefined;
}

export function isOrderPaymentNotification(notification: PaymentNotification): notification is OrderPaymentNotification {
  return !isBillNotification(notification) && !isRefundNotification(notification);
}

/** Which of the three kinds a verified notification is. */
export function notificationKind(notification: PaymentNotification): 'bill' | 'refund' | 'order' {
  if (isBillNotification(notification)) return 'bill';
  return isRefundNotification(notification) ? 'refund' : 'order';
}
