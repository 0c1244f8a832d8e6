// Deno: a ChinaUMS notification endpoint and an order query, with Deno.serve. The access token and
// the notification dedupe live in Deno KV, shared by every isolate of a Deno Deploy project.
//   deno run --unstable-kv --allow-net --allow-env=CHINAUMS_APP_ID,CHINAUMS_APP_KEY,CHINAUMS_NOTIFY_KEY,CHINAUMS_BASE_URL,DENO_KV_PATH,PORT main.ts
// (import map: "chinaums" → "jsr:@chinaums/sdk" or "npm:chinaums"; see deno.json next to this file).
// On Deno Deploy, Deno.openKv() needs no path or flag; locally DENO_KV_PATH picks the database file.
import { accessTokenAuth, createChinaUmsClient } from 'chinaums';
import { DenoKvAccessTokenStore, DenoKvNotificationStore } from 'chinaums/deno-kv';
import { createNotificationHandler } from 'chinaums/notifications';

const env = (name: string): string => {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`Set ${name}`);
  return value;
};

const kv = await Deno.openKv(Deno.env.get('DENO_KV_PATH'));
const baseUrl = Deno.env.get('CHINAUMS_BASE_URL');
const ums = createChinaUmsClient({
  appId: env('CHINAUMS_APP_ID'),
  appKey: env('CHINAUMS_APP_KEY'),
  auth: accessTokenAuth({ store: new DenoKvAccessTokenStore(kv) }),
  // The local sandbox or a fake platform in tests; the public test environment otherwise.
  ...(baseUrl ? { baseUrl } : { environment: 'test' as const }),
});

const notify = createNotificationHandler({
  key: env('CHINAUMS_NOTIFY_KEY'),
  store: new DenoKvNotificationStore(kv),
  // Runs once per notifyId (the platform retries for 24 h). Throw to have it retry later.
  onNotification(notification) {
    console.log(`paid: ${notification.merOrderId} ${notification.totalAmount} fen (${notification.status})`);
  },
});

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? '8000'),
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}`),
  },
  async (request) => {
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
);
