// Hono (any runtime Hono runs on): the handler takes the standard Request, so pass `c.req.raw`.
// Do not read the body in a middleware before it: the signature covers the raw form fields.
import { Hono } from 'hono';
import { createChinaUmsClient } from 'chinaums';
import { createNotificationHandler } from 'chinaums/notifications';

export interface ChinaUmsSettings {
  appId: string;
  appKey: string;
  notifyKey: string;
  baseUrl?: string;
}

export function createApp(settings: ChinaUmsSettings): Hono {
  const ums = createChinaUmsClient({
    appId: settings.appId,
    appKey: settings.appKey,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : { environment: 'test' as const }),
  });
  const notify = createNotificationHandler({
    key: settings.notifyKey,
    onNotification(notification) {
      console.log(`paid: ${notification.merOrderId} ${notification.totalAmount} fen`);
    },
  });

  const app = new Hono();
  app.post('/chinaums/notify', (c) => notify(c.req.raw));
  app.get('/orders/query', async (c) => {
    const order = await ums.netpayQuery({
      mid: '898201612345678',
      tid: '88880001',
      instMid: 'YUEDANDEFAULT',
      merOrderId: c.req.query('merOrderId') ?? '',
    });
    return c.json({ merOrderId: order.merOrderId, status: order.status, totalAmount: order.totalAmount });
  });
  return app;
}
