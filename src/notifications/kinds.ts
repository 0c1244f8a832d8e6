import type { PaymentNotification } from './types.js';

// One notifyUrl receives three kinds. The spec validates them with one open schema (received data
// is never refused, so the kinds cannot be schema alternatives); these types and guards narrow.

/** A QR-code bill's notification (`billNo`, `billStatus`, `billPayment`). */
export type BillNotification = PaymentNotification & { readonly billNo: string };
/** A refund of an order (`refundOrderId`, `refundAmount`, …). */
export type RefundNotification = PaymentNotification & { readonly refundOrderId: string; readonly billNo?: undefined };
/** An order's payment result (`status`, `merOrderId`, …): neither `billNo` nor `refundOrderId`. */
export type OrderPaymentNotification = PaymentNotification & { readonly billNo?: undefined; readonly refundOrderId?: undefined };

// Told apart as the spec describes: `billNo` makes it a bill notification, else `refundOrderId` a
// refund, else an order payment.

export function isBillNotification(notification: PaymentNotification): notification is BillNotification {
  return typeof notification.billNo === 'string' && notification.billNo !== '';
}

export function isRefundNotification(notification: PaymentNotification): notification is RefundNotification {
  return !isBillNotification(notification) && typeof notification.refundOrderId === 'string' && notification.refundOrderId !== '';
}

export function isOrderPaymentNotification(notification: PaymentNotification): notification is OrderPaymentNotification {
  return !isBillNotification(notification) && !isRefundNotification(notification);
}

/** Which of the three kinds a verified notification is. */
export function notificationKind(notification: PaymentNotification): 'bill' | 'refund' | 'order' {
  if (isBillNotification(notification)) return 'bill';
  return isRefundNotification(notification) ? 'refund' : 'order';
}
