// Vercel Edge Functions: the client and the notification handler, built once per isolate, with the
// access token and the notification dedupe in Upstash Redis (REST over fetch), shared by every
// isolate and region. Environment: CHINAUMS_APP_ID, CHINAUMS_APP_KEY, CHINAUMS_NOTIFY_KEY,
// UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN (the Upstash integration sets the last two),
// optionally CHINAUMS_BASE_URL. `Redis.fromEnv()` from @upstash/redis works in place of upstashRestClient.
import { accessTokenAuth, createChinaUmsClient } from 'chinaums';
import { createNotificationHandler } from 'chinaums/notifications';
import { UpstashAccessTokenStore, UpstashNotificationStore, upstashRestClient } from 'chinaums/upstash';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

const redis = upstashRestClient({ url: env('UPSTASH_REDIS_REST_URL'), token: env('UPSTASH_REDIS_REST_TOKEN') });
const baseUrl = process.env['CHINAUMS_BASE_URL'];

export const ums = createChinaUmsClient({
  appId: env('CHINAUMS_APP_ID'),
  appKey: env('CHINAUMS_APP_KEY'),
  auth: accessTokenAuth({ store: new UpstashAccessTokenStore(redis) }),
  ...(baseUrl ? { baseUrl } : { environment: 'test' as const }),
});

export const notify = createNotificationHandler({
  key: env('CHINAUMS_NOTIFY_KEY'),
  store: new UpstashNotificationStore(redis),
  // Runs once per notifyId across every isolate; throw to have the platform retry.
  onNotification(notification) {
    console.log(`paid: ${notification.merOrderId} ${notification.totalAmount} fen`);
  },
});
