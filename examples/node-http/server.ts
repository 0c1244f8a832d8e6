// Plain node:http: a ChinaUMS notification endpoint and an order query.
//   CHINAUMS_APP_ID=… CHINAUMS_APP_KEY=… CHINAUMS_NOTIFY_KEY=… node server.js
import { createServer } from 'node:http';
import { createChinaUmsClient } from 'chinaums';
import { createNodeNotificationHandler } from 'chinaums/notifications';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

const baseUrl = process.env['CHINAUMS_BASE_URL'];
const ums = createChinaUmsClient({
  appId: env('CHINAUMS_APP_ID'),
  appKey: env('CHINAUMS_APP_KEY'),
  ...(baseUrl ? { baseUrl } : { environment: 'test' as const }),
});

// Reads the raw body itself: mount it before any body parser (or after express.raw()).
const notify = createNodeNotificationHandler({
  key: env('CHINAUMS_NOTIFY_KEY'),
  onNotification(notification) {
    console.log(`paid: ${notification.merOrderId} ${notification.totalAmount} fen`);
  },
});

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/chinaums/notify') return void notify(req, res);
  if (url.pathname === '/orders/query' && req.method === 'GET') {
    ums
      .netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: url.searchParams.get('merOrderId') ?? '' })
      .then((order) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ merOrderId: order.merOrderId, status: order.status, totalAmount: order.totalAmount }));
      })
      .catch((error: unknown) => {
        console.error(error);
        res.writeHead(502, { 'content-type': 'text/plain' }).end('ChinaUMS call failed');
      });
    return;
  }
  res.writeHead(404).end('Not Found');
});

server.listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`);
});
