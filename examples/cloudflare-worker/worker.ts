// Cloudflare Worker: a ChinaUMS notification endpoint and an order query, with the access token
// and the notification dedupe shared by every isolate through one Durable Object class.
// wrangler.toml:
//   main = "worker.ts"
//   compatibility_date = "2025-01-01"
//   [[durable_objects.bindings]]
//   name = "CHINAUMS_STATE"
//   class_name = "ChinaUmsStateDurableObject"
//   [[migrations]]
//   tag = "v1"
//   new_sqlite_classes = ["ChinaUmsStateDurableObject"]
// secrets CHINAUMS_APP_ID, CHINAUMS_APP_KEY, CHINAUMS_NOTIFY_KEY. No nodejs_compat flag is needed.
import { accessTokenAuth, createChinaUmsClient, type ChinaUmsClient } from 'chinaums';
import { DurableObjectAccessTokenStore, DurableObjectNotificationStore, type DurableObjectNamespaceLike } from 'chinaums/cloudflare';
import { createNotificationHandler, type NotificationHandler } from 'chinaums/notifications';

// The Durable Object class must be exported by the worker for the binding to find it.
export { ChinaUmsStateDurableObject } from 'chinaums/cloudflare';

export interface Env {
  CHINAUMS_APP_ID: string;
  CHINAUMS_APP_KEY: string;
  CHINAUMS_NOTIFY_KEY: string;
  /** Optional: the local sandbox in development. */
  CHINAUMS_BASE_URL?: string;
  /** The binding of ChinaUmsStateDurableObject (DurableObjectNamespace with @cloudflare/workers-types). */
  CHINAUMS_STATE: DurableObjectNamespaceLike;
}

// Built once per isolate (secrets arrive with the first request). Each isolate has its own memory,
// so the token (at most 10 live per appId) and the dedupe marks live in the Durable Object.
let app: { ums: ChinaUmsClient; notify: NotificationHandler } | undefined;

function setup(env: Env) {
  app ??= {
    ums: createChinaUmsClient({
      appId: env.CHINAUMS_APP_ID,
      appKey: env.CHINAUMS_APP_KEY,
      auth: accessTokenAuth({ store: new DurableObjectAccessTokenStore(env.CHINAUMS_STATE) }),
      ...(env.CHINAUMS_BASE_URL ? { baseUrl: env.CHINAUMS_BASE_URL } : { environment: 'test' as const }),
    }),
    notify: createNotificationHandler({
      key: env.CHINAUMS_NOTIFY_KEY,
      store: new DurableObjectNotificationStore(env.CHINAUMS_STATE),
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
