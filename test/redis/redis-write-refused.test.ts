// A real redis-server that refuses writes (min-replicas-to-write with no replica: NOREPLICAS) but
// serves reads, reached through an adapter that quotes the failed command in its error, as HTTP
// Redis clients do. The client keeps the token it fetched, and no token reaches an event or log.
import { Redis } from 'ioredis';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTokenAuth, createChinaUmsClient, type ChinaUmsEvent } from '../../src/index.js';
import { RedisAccessTokenStore, type RedisCommandClient } from '../../src/redis/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { createTokenPlatform } from '../faults/helpers/token-platform.js';
import { shouldRunRedisSuites, startRedis, type RedisServer } from '../setup/redis.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };

describe.skipIf(!shouldRunRedisSuites())('a redis-server that refuses writes', () => {
  let redisServer: RedisServer;
  let redis: Redis;
  const msw = setupServer();

  beforeAll(async () => {
    redisServer = await startRedis();
    redis = new Redis(redisServer.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.config('SET', 'min-replicas-to-write', '1');
    msw.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(async () => {
    msw.close();
    await redis?.quit();
    await redisServer?.stop();
  });

  it('12 calls: 1 token fetched, 12 answered, a store-failed warning without the token', async () => {
    const platform = createTokenPlatform();
    msw.use(...platform.handlers);
    const quoting: RedisCommandClient = {
      sendCommand: ([command, ...args]) =>
        redis.call(command!, ...args).catch((error: Error) => {
          throw new Error(`${error.message} (command: ${JSON.stringify([command, ...args])})`);
        }),
    };
    const events: ChinaUmsEvent[] = [];
    const lines: string[] = [];
    const log = (message: string, fields: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields)}`);
    const ums = createChinaUmsClient({
      ...TEST_APP,
      environment: 'test',
      auth: accessTokenAuth({ store: new RedisAccessTokenStore(quoting, { keyPrefix: 'refused:' }) }),
      hooks: { onToken: (event) => events.push(event) },
      logger: { debug: log, info: log, warn: log, error: log },
    });
    for (let i = 0; i < 12; i++) expect((await ums.netpayQuery(QUERY)).errCode).toBe('SUCCESS');
    expect(platform.tokenRequests).toBe(1);
    expect(platform.businessRequests).toBe(12);
    const warnings = events.filter((e) => e.type === 'token' && e.action === 'store-failed');
    // The lock and the write were refused, once each: the token then came from memory.
    expect(warnings.map((e) => (e.type === 'token' ? e.reason?.split(':')[0] : ''))).toEqual(['lock', 'set']);
    expect(JSON.stringify(warnings)).toMatch(/NOREPLICAS/);
    const token = platform.issued[0]!;
    expect(JSON.stringify(events)).not.toContain(token);
    expect(lines.join('\n')).not.toContain(token);
  });
});
