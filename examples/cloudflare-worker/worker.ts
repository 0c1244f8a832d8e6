// Cloudflare Worker: a ChinaUMS notification endpoint and an order query.
// wrangler.toml: main = "worker.ts"; secrets CHINAUMS_APP_ID, CHINAUMS_APP_KEY, CHINAUMS_NOTIFY_KEY.
// No nodejs_compat flag is needed: the SDK uses web standards only and never evals.
import { createChinaUmsClient, type ChinaUmsClient } from 'chinaums';
import { createNotificationHandler, type NotificationHandler } from 'chinaums/notifications';

export interface Env {
  CHINAUMS_APP_ID: string;
  CHINAUMS_APP_KEY: string;
  CHINAUMS_NOTIFY_KEY: string;
  /** Optional: the local sandbox in development. */
  CHINAUMS_BASE_URL?: string;
}

// Built once per isolate (secrets arrive with the first request). The default dedupe store is
// per isolate: give createNotificationHandler a shared `store` (KV, Durable Object, redis) in production.
let app: { ums: ChinaUmsClient; notify: NotificationHandler } | undefined;

function setup(env: Env) {
  app ??= {
    ums: createChinaUmsClient({
      appId: env.CHINAUMS_APP_ID,
      appKey: env.CHINAUMS_APP_KEY,
      ...(env.CHINAUMS_BASE_URL ? { baseUrl: env.CHINAUMS_BASE_URL } : { environment: 'test' as const }),
    }),
    notify: createNotificationHandler({
      key: env.CHINAUMS_NOTIFY_KEY,
      onNotification(notification) {
        console.log(`paid: ${notification.merOrderId} ${notification.totalAmount} fen`);
      },
    }),
  };
  return app;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { ums, notify } = setup(env);
    const url = new URL(request.url);
    if (url.pathname === '/chinaums/notify') return notify(request);
    if (url.pathname === '/orders/query' && request.method === 'GET') {
      const order = await ums.netpayQuery({
        mid: '898201612345678',
        tid: '88880001',
        instMid: 'YUEDANDEFAULT',
        merOrderId: url.searchParams.get('merOrderId') ?? '',
      });
      return Response.json({ merOrderId: order.merOrderId, status: order.status, totalAmount: order.totalAmount });
    }
    return new Response('Not Found', { status: 404 });
  },
};
