// The merchant's side: a notification endpoint on 127.0.0.1 built with the SDK's Node handler. It
// verifies each delivery and answers SUCCESS; the demo waits for the notification of an order
// (netpay form: its merOrderId; bills form: its billNo), a payment's or a refund's.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeNotificationHandler, type NotificationContext, type PaymentNotification } from '../notifications/index.js';
import { DemoStepError } from './report.js';

export interface ArrivedNotification {
  readonly notification: PaymentNotification;
  readonly context: NotificationContext;
}

/** A payment's notification, or a refund's (it names the refundOrderId). */
export type NotificationKind = 'payment' | 'refund';

export interface NotificationEndpoint {
  readonly url: string;
  /** Resolves with the first verified notification of this kind for the order or bill, or fails after `timeoutMs`. */
  next(id: string, timeoutMs: number, kind?: NotificationKind): Promise<ArrivedNotification>;
  close(): Promise<void>;
}

export async function startNotificationEndpoint(key: string): Promise<NotificationEndpoint> {
  const arrived = new Map<string, ArrivedNotification>();
  const waiters = new Map<string, (arrival: ArrivedNotification) => void>();
  const rejections: string[] = [];

  const handler = createNodeNotificationHandler({
    key,
    onNotification(notification, context) {
      // Keyed on the raw fields: a QR bill's notification has only its billNo; a pre-authorisation's has both.
      const fields = context.raw;
      const kind: NotificationKind = fields['refundOrderId'] || fields['refundBillPayment'] ? 'refund' : 'payment';
      const id = `${kind}:${fields['merOrderId'] ?? fields['billNo'] ?? ''}`;
      const arrival = { notification, context };
      arrived.set(id, arrival);
      waiters.get(id)?.(arrival);
    },
    onRejected: (rejection) => void rejections.push(`${rejection.reason}: ${rejection.message}`),
    onError: (error) => void rejections.push(error instanceof Error ? error.message : String(error)),
  });
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/chinaums/notify`,
    next(orderOrBill, timeoutMs, kind = 'payment') {
      const merOrderId = `${kind}:${orderOrBill}`;
      const already = arrived.get(merOrderId);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(merOrderId);
          const why = rejections.length > 0 ? ` (the handler refused: ${rejections.join('; ')})` : '';
          reject(new DemoStepError(`no verified ${kind} notification for ${orderOrBill} within ${timeoutMs} ms${why}`));
        }, timeoutMs);
        waiters.set(merOrderId, (arrival) => {
          clearTimeout(timer);
          waiters.delete(merOrderId);
          resolve(arrival);
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
