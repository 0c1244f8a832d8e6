// chinaums/redis's stores pass the same shared-state contract as the edge stores (two
// connections stand for two processes).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { RedisAccessTokenStore, RedisNotificationStore } from '../../src/redis/index.js';
import { shouldRunRedisSuites, startRedis, type RedisServer } from '../setup/redis.js';
import { accessTokenStoreCases, notificationStoreCases, waitPast } from './contract.js';
import { describeStoreContract } from './vitest-contract.js';

describe.skipIf(!shouldRunRedisSuites())('chinaums/redis: the shared-state contract on a real redis-server', () => {
  let server: RedisServer;
  let a: Redis;
  let b: Redis;
  beforeAll(async () => {
    server = await startRedis();
    [a, b] = [new Redis(server.port, '127.0.0.1'), new Redis(server.port, '127.0.0.1')];
  });
  afterAll(async () => {
    await Promise.all([a?.quit(), b?.quit()]);
    await server?.stop();
  });

  const freshPrefix = () => `chinaums-test-${randomBytes(4).toString('hex')}:`;

  describe('RedisAccessTokenStore', () => {
    describeStoreContract(accessTokenStoreCases, () => {
      const keyPrefix = freshPrefix();
      return { first: new RedisAccessTokenStore(a, { keyPrefix }), second: new RedisAccessTokenStore(b, { keyPrefix }), expire: waitPast, now: Date.now };
    });
  });

  describe('RedisNotificationStore', () => {
    describeStoreContract(notificationStoreCases, () => {
      const keyPrefix = freshPrefix();
      return { first: new RedisNotificationStore(a, { keyPrefix }), second: new RedisNotificationStore(b, { keyPrefix }), expire: waitPast, now: Date.now };
    });
  });
});
