import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessTokenAuth, createChinaUmsClient } from '../../src/index.js';
import { RedisAccessTokenStore, RedisNotificationStore, type RedisCommandClient } from '../../src/redis/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { createTokenPlatform, type TokenPlatform } from '../faults/helpers/token-platform.js';
import { failOnUnhandledRejection } from '../faults/helpers/guards.js';
import { shouldRunRedisSuites, startRedis, type RedisServer } from '../setup/redis.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };

describe.skipIf(!shouldRunRedisSuites())('Redis stores on a real redis-server', () => {
  let redisServer: RedisServer;
  // Two connections stand for two instances of a service.
  let instanceA: Redis;
  let instanceB: Redis;
  const msw = setupServer();

  beforeAll(async () => {
    redisServer = await startRedis();
    instanceA = new Redis(redisServer.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
    instanceB = new Redis(redisServer.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await Promise.all([instanceA.connect(), instanceB.connect()]);
    msw.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => msw.resetHandlers());
  afterAll(async () => {
    msw.close();
    await Promise.all([instanceA?.quit(), instanceB?.quit()]);
    await redisServer?.stop();
  });
  failOnUnhandledRejection();

  /** A fresh key prefix per test: tests never see each other's keys. */
  const freshPrefix = () => `chinaums-test-${randomBytes(4).toString('hex')}:`;

  function platform(): TokenPlatform {
    const p = createTokenPlatform();
    msw.use(...p.handlers);
    return p;
  }

  function instanceClient(redis: Redis, prefix: string, lock = { pollMinMs: 5, pollMaxMs: 20 }) {
    return createChinaUmsClient({
      ...TEST_APP,
      environment: 'test',
      auth: accessTokenAuth({ store: new RedisAccessTokenStore(redis, { keyPrefix: prefix }), lock }),
    });
  }

  describe('RedisAccessTokenStore', () => {
    it('two instances with separate connections share one token: one token request for many concurrent calls', async () => {
      const p = platform();
      const prefix = freshPrefix();
      const a = instanceClient(instanceA, prefix);
      const b = instanceClient(instanceB, prefix);
      const results = await Promise.all([...Array.from({ length: 10 }, () => a.netpayQuery(QUERY)), ...Array.from({ length: 10 }, () => b.netpayQuery(QUERY))]);
      expect(results.every((r) => r.errCode === 'SUCCESS')).toBe(true);
      expect(p.tokenRequests).toBe(1);
      expect(new Set(p.businessAuthorizations)).toEqual(new Set([`OPEN-ACCESS-TOKEN AccessToken=${p.issued[0]}`]));
      // Documented key layout: the token under <prefix>token:<appId>, expiring with the token; the lock released.
      const stored = JSON.parse((await instanceA.get(`${prefix}token:${TEST_APP.appId}`)) ?? '{}') as { accessToken?: string };
      expect(stored.accessToken).toBe(p.issued[0]);
      const ttl = await instanceA.pttl(`${prefix}token:${TEST_APP.appId}`);
      expect(ttl).toBeGreaterThan(3_500_000);
      expect(ttl).toBeLessThanOrEqual(3_600_000);
      expect(await instanceA.exists(`${prefix}token-lock:${TEST_APP.appId}`)).toBe(0);
    });

    it('a lock left by a crashed holder expires, then the next caller refreshes', async () => {
      const p = platform();
      const prefix = freshPrefix();
      const lockKey = `${prefix}token-lock:${TEST_APP.appId}`;
      await instanceA.set(lockKey, 'owner-that-crashed', 'PX', 300);
      const lockSeenByTokenRequest: Array<string | null> = [];
      p.tokenOverride = () => {
        // Who held the lock when the refresh happened: the new caller, never the crashed holder.
        void instanceB.get(lockKey).then((owner) => lockSeenByTokenRequest.push(owner));
        return undefined;
      };
      const data = await instanceClient(instanceB, prefix).netpayQuery(QUERY);
      expect(data.errCode).toBe('SUCCESS');
      expect(p.tokenRequests).toBe(1);
      await expect.poll(() => lockSeenByTokenRequest).toHaveLength(1);
      expect(lockSeenByTokenRequest[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(await instanceA.get(lockKey)).not.toBe('owner-that-crashed');
    });

    it('waiters take the token the lock holder stores instead of fetching their own', async () => {
      const p = platform();
      const prefix = freshPrefix();
      const store = new RedisAccessTokenStore(instanceA, { keyPrefix: prefix });
      const release = await store.tryLock(TEST_APP.appId, 5_000);
      expect(release).toBeDefined();
      const waiting = instanceClient(instanceB, prefix).netpayQuery(QUERY);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(p.tokenRequests).toBe(0);
      // The platform knows the token before any instance can read it from the store (a waiter polls
      // every few ms and would otherwise use it too early, be refused and refresh).
      p.valid.add('tok-from-holder');
      await store.set(TEST_APP.appId, { accessToken: 'tok-from-holder', expiresAt: Date.now() + 3_600_000 });
      await release!();
      expect((await waiting).errCode).toBe('SUCCESS');
      expect(p.tokenRequests).toBe(0);
      expect(p.businessAuthorizations).toEqual(['OPEN-ACCESS-TOKEN AccessToken=tok-from-holder']);
    });

    it('a token refused on one instance is replaced once for the fleet', async () => {
      const p = platform();
      const prefix = freshPrefix();
      const a = instanceClient(instanceA, prefix);
      const b = instanceClient(instanceB, prefix);
      await Promise.all([a.netpayQuery(QUERY), b.netpayQuery(QUERY)]);
      p.valid.clear();
      await a.netpayQuery(QUERY); // refused → refresh → retried
      await b.netpayQuery(QUERY); // its cached token is refused → takes the fleet's new one
      expect(p.tokenRequests).toBe(2);
      expect(p.businessAuthorizations.at(-1)).toBe(`OPEN-ACCESS-TOKEN AccessToken=${p.issued[1]}`);
    });

    it('releases a lock only while it still owns it, and invalidates only the rejected token', async () => {
      const prefix = freshPrefix();
      const store = new RedisAccessTokenStore(instanceA, { keyPrefix: prefix });
      const release = await store.tryLock('app', 50);
      expect(await store.tryLock('app', 50)).toBeUndefined();
      await instanceB.set(store.lockKey('app'), 'someone-else', 'PX', 5_000); // our lock expired and was retaken
      await release!();
      expect(await instanceB.get(store.lockKey('app'))).toBe('someone-else');

      await store.set('app', { accessToken: 'current', expiresAt: Date.now() + 60_000 });
      await store.invalidate('app', 'older');
      expect((await store.get('app'))?.accessToken).toBe('current');
      await store.invalidate('app', 'current');
      expect(await store.get('app')).toBeUndefined();
    });

    it('works through a plain { sendCommand } client (the node-redis shape)', async () => {
      const prefix = freshPrefix();
      const client: RedisCommandClient = { sendCommand: ([command, ...args]) => instanceB.call(command!, ...args) };
      const store = new RedisAccessTokenStore(client, { keyPrefix: prefix });
      await store.set('app', { accessToken: 't', expiresAt: Date.now() + 60_000 });
      expect((await new RedisAccessTokenStore(instanceA, { keyPrefix: prefix }).get('app'))?.accessToken).toBe('t');
    });
  });

  // The NotificationStore contract runs in test/stores/redis.test.ts (the suite every store shares).
  describe('RedisNotificationStore', () => {
    it('keeps one key per notification under <prefix>notify:<id>', async () => {
      const prefix = freshPrefix();
      const store = new RedisNotificationStore(instanceB, { keyPrefix: prefix });
      await store.claim('n-1', 60_000, 'delivery-1');
      expect(await instanceA.get(`${prefix}notify:n-1`)).toBe('claimed:delivery-1');
      await store.complete('n-1', 60_000);
      expect(await instanceA.get(`${prefix}notify:n-1`)).toBe('done');
    });
  });
});
