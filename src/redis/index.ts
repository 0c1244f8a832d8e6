// `chinaums/redis`: shared access tokens and notification dedupe on Redis, through any client
// that can send a command (ioredis, node-redis, HTTP Redis). No Redis library is a dependency.
export {
  DEFAULT_KEY_PREFIX,
  fromIoredis,
  fromNodeRedis,
  toRedisCommandClient,
  type IoredisLike,
  type NodeRedisLike,
  type RedisClientInput,
  type RedisCommandClient,
} from './command-client.js';
export { RedisAccessTokenStore, type RedisAccessTokenStoreOptions } from './token-store.js';
export { RedisNotificationStore, type RedisNotificationStoreOptions } from './notification-store.js';
