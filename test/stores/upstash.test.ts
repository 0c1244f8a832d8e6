// chinaums/upstash against a real redis-server behind a local bridge speaking Upstash's REST
// protocol: the shared-state contract, a fleet sharing one token, and dedupe across instances.
import { randomBytes } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessTokenAuth, createChinaUmsClient } from '../../src/index.js';
import { createNotificationHandler, encodeNotificationForm, signNotification } from '../../src/notifications/index.js';
import { UpstashAccessTokenStore, UpstashError, UpstashNotificationStore, upstashRestClient, type UpstashEvalClient } from '../../src/upstash/index.js';
import { failOnUnhandledRejection } from '../faults/helpers/guards.js';
import { createTokenPlatform } from '../faults/helpers/token-platform.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { VENDOR_FIELDS, VENDOR_KEY } from '../helpers/notification-fixtures.js';
import { shouldRunRedisSuites, startRedis, type RedisServer } from '../setup/redis.js';
import { accessTokenStoreCases, notificationStoreCases, waitPast } from './contract.js';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge.js';
import { describeStoreContract } from './vitest-contract.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };

/** What @upstash/redis does by default: JSON-looking replies arrive parsed ("automatic deserialization"). */
function deserializingClient(client: UpstashEvalClient): UpstashEvalClient {
  return {
    async eval(script, keys, args) {
      const reply = await client.eval(script, keys, args);
      if (typeof reply !== 'string') return reply;
      try {
        return JSON.parse(reply) as unknown;
      } catch {
        return reply;
      }
    },
  };
}

describe.skipIf(!shouldRunRedisSuites())('chinaums/upstash through the REST bridge to a real redis-server', () => {
  let redis: RedisServer;
  let bridge: UpstashBridge;
  const msw = setupServer();
  // Two REST clients stand for two edge isolates.
  const rest = () => upstashRestClient({ url: bridge.url, token: bridge.token });
  const freshPrefix = () => `chinaums-test-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    redis = await startRedis();
    bridge = await startUpstashBridge(redis.port);
    // The bridge is a real server on 127.0.0.1: only the platform is faked.
    msw.listen({ onUnhandledRequest: 'bypass' });
  });
  afterEach(() => msw.resetHandlers());
  afterAll(async () => {
    msw.close();
    await bridge?.close();
    await redis?.stop();
  });
  failOnUnhandledRejection();

  for (const [label, wrap] of [
    ['upstashRestClient', (c: UpstashEvalClient) => c],
    ['an @upstash/redis-style client (replies deserialized)', deserializingClient],
  ] as const) {
    describe(`UpstashAccessTokenStore (${label})`, () => {
      describeStoreContract(accessTokenStoreCases, () => {
        const keyPrefix = freshPrefix();
        return { first: new UpstashAccessTokenStore(wrap(rest()), { keyPrefix }), second: new UpstashAccessTokenStore(wrap(rest()), { keyPrefix }), expire: waitPast, now: Date.now };
      });
    });
    describe(`UpstashNotificationStore (${label})`, () => {
      describeStoreContract(notificationStoreCases, () => {
        const keyPrefix = freshPrefix();
        return { first: new UpstashNotificationStore(wrap(rest()), { keyPrefix }), second: new UpstashNotificationStore(wrap(rest()), { keyPrefix }), expire: waitPast, now: Date.now };
      });
    });
  }

  it('two instances, 40 concurrent calls each: one token request; every store call is one EVAL', async () => {
    const platform = createTokenPlatform();
    msw.use(...platform.handlers);
    const keyPrefix = freshPrefix();
    const instance = () =>
      createChinaUmsClient({ ...TEST_APP, environment: 'test', auth: accessTokenAuth({ store: new UpstashAccessTokenStore(rest(), { keyPrefix }), lock: { pollMinMs: 5, pollMaxMs: 20 } }) });
    const [a, b] = [instance(), instance()];
    bridge.commands.length = 0;
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).netpayQuery(QUERY)));
    expect(results.every((r) => r.errCode === 'SUCCESS')).toBe(true);
    expect(platform.tokenRequests).toBe(1);
    expect(new Set(bridge.commands)).toEqual(new Set(['EVAL']));
  });

  it('one notification delivered 10 times to each of two instances runs the callback once', async () => {
    const keyPrefix = freshPrefix();
    const seen: string[] = [];
    const instance = () =>
      createNotificationHandler({ key: VENDOR_KEY, store: new UpstashNotificationStore(rest(), { keyPrefix }), onNotification: (n) => void seen.push(n.notifyId ?? '') });
    const [a, b] = [instance(), instance()];
    const fields = { ...VENDOR_FIELDS, notifyId: `upstash-${randomBytes(4).toString('hex')}` };
    const body = encodeNotificationForm({ ...fields, sign: await signNotification(fields, { key: VENDOR_KEY }) });
    const deliver = (handler: typeof a) => handler(new Request('http://127.0.0.1/notify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => deliver(i % 2 ? a : b).then((r) => r.text())));
    expect(seen).toEqual([fields.notifyId]);
    // The winner answers SUCCESS; concurrent duplicates are told to retry, and a later one is a duplicate.
    expect(answers).toContain('SUCCESS');
    expect(await (await deliver(b)).text()).toBe('SUCCESS');
    expect(seen).toHaveLength(1);
  });

  it('a store outage never answers SUCCESS without running the callback', async () => {
    const seen: string[] = [];
    const down = upstashRestClient({ url: 'http://127.0.0.1:1', token: 'x' });
    const handler = createNotificationHandler({ key: VENDOR_KEY, store: new UpstashNotificationStore(down), onNotification: (n) => void seen.push(n.notifyId ?? ''), onError: () => undefined });
    const body = encodeNotificationForm({ ...VENDOR_FIELDS, sign: await signNotification(VENDOR_FIELDS, { key: VENDOR_KEY }) });
    const response = await handler(new Request('http://127.0.0.1/notify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
    expect(await response.text()).not.toBe('SUCCESS');
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(seen).toEqual([]);
  });

  it('a refused token is a typed UpstashError that does not contain the token', async () => {
    const secret = 'wrong-token-0123456789';
    const store = new UpstashAccessTokenStore(upstashRestClient({ url: bridge.url, token: secret }));
    const error = await store.get('app').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstashError);
    expect((error as Error).message).toContain('Unauthorized');
    expect((error as Error).message).not.toContain(secret);
  });

  it('the bridge answers pipelines as Upstash documents them', async () => {
    const response = await fetch(`${bridge.url}/pipeline`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify([['SET', 'pipeline-k', 'v'], ['GET', 'pipeline-k'], ['NOPE']]),
    });
    const answers = (await response.json()) as Array<{ result?: unknown; error?: string }>;
    expect(answers.slice(0, 2)).toEqual([{ result: 'OK' }, { result: 'v' }]);
    expect(answers[2]?.error).toMatch(/unknown command/i);
  });

  it('bad configuration is a clear TypeError', () => {
    expect(() => upstashRestClient({ url: 'redis://127.0.0.1', token: 't' })).toThrow(/UPSTASH_REDIS_REST_URL/);
    expect(() => upstashRestClient({ url: 'https://x.upstash.io', token: '' })).toThrow(/UPSTASH_REDIS_REST_TOKEN/);
    expect(() => new UpstashNotificationStore({} as UpstashEvalClient)).toThrow(/@upstash\/redis/);
  });
});
