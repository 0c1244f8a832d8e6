// chinaums/redis's token store passes the same shared-state contract as the edge stores (two
// connections stand for two processes). Its notification store joins once its release is owner-checked.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { RedisAccessTokenStore } from '../../src/redis/index.js';
import { shouldRunRedisSuites, startRedis, type RedisServer } from '../setup/redis.js';
import { accessTokenStoreCases, waitPast } from './contract.js';
import { describeStoreContract } from './vitest-contract.js';

describe.skipIf(!shouldRunRedisSuites())('RedisAccessTokenStore: the shared-state contract on a real redis-server', () => {
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

  describeStoreContract(accessTokenStoreCases, () => {
    const keyPrefix = `chinaums-test-${randomBytes(4).toString('hex')}:`;
    return { first: new RedisAccessTokenStore(a, { keyPrefix }), second: new RedisAccessTokenStore(b, { keyPrefix }), expire: waitPast, now: Date.now };
  });
});
