// Shared by the route handlers: one client and one notification handler per server instance.
import { createChinaUmsClient } from 'chinaums';
import { createNotificationHandler } from 'chinaums/notifications';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

const baseUrl = process.env['CHINAUMS_BASE_URL'];

export const ums = createChinaUmsClient({
  appId: env('CHINAUMS_APP_ID'),
  appKey: env('CHINAUMS_APP_KEY'),
  ...(baseUrl ? { baseUrl } : { environment: 'test' as const }),
});

// Serverless instances come and go: pass a shared `store` (redis) so a retried notification
// reaching another instance is still recognised.
export const notify = createNotificationHandler({
  key: env('CHINAUMS_NOTIFY_KEY'),
  onNotification(notification) {
    console.log(`paid: ${notification.merOrderId} ${notification.totalAmount} fen`);
  },
});
