// `chinaums/upstash`: shared access tokens and notification dedupe over HTTP Redis (Upstash), for
// Vercel Edge, Netlify and Workers without Durable Objects. Same keys and Lua as chinaums/redis.
export { DEFAULT_UPSTASH_PREFIX, UpstashError, upstashRestClient, type UpstashEvalClient, type UpstashRestOptions } from './client.js';
export { UpstashAccessTokenStore, type UpstashStoreOptions } from './token-store.js';
export { UpstashNotificationStore } from './notification-store.js';
