import { setupServer } from 'msw/node';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nobleCrypto, webCrypto } from '../../src/crypto/index.js';
import { accessTokenAuth, type AccessTokenAuthOptions, AuthenticationError, ClockError, createAccessTokenRequest, createChinaUmsClient, MemoryAccessTokenStore } from '../../src/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { createTokenPlatform, tokenSignature } from '../faults/helpers/token-platform.js';
import { failOnPendingSdkTimers, failOnUnhandledRejection } from '../faults/helpers/guards.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const SYNC = { fenOrderId: '1000000000000000000000000000001', mid: '898201612345678', serviceId: '00004000000000000000000000000001', type: 'Order_Paid' as const, detail: { paidTime: '20240101120000' } };

let platform = createTokenPlatform();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
failOnUnhandledRejection();
failOnPendingSdkTimers();

function freshPlatform() {
  platform = createTokenPlatform();
  server.use(...platform.handlers);
  return platform;
}

function tokenClient(extra: Partial<Parameters<typeof createChinaUmsClient>[0]> = {}, token: AccessTokenAuthOptions = {}) {
  return createChinaUmsClient({ ...TEST_APP, environment: 'test', auth: accessTokenAuth(token), retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...extra });
}

describe('createAccessTokenRequest', () => {
  it.each([
    ['webCrypto', webCrypto],
    ['nobleCrypto', nobleCrypto],
  ])('signs lowercase hex SHA-256(appId+timestamp+nonce+appKey) with signMethod SHA256 (%s)', async (_, crypto) => {
    const input = { appId: TEST_APP.appId, appKey: TEST_APP.appKey, timestamp: '20240101120000', nonce: '09876543210987654321098765432109' };
    const body = await createAccessTokenRequest(input, crypto);
    expect(body).toEqual({
      appId: input.appId,
      timestamp: input.timestamp,
      nonce: input.nonce,
      signMethod: 'SHA256',
      signature: tokenSignature(input.appId, input.timestamp, input.nonce, input.appKey),
    });
    expect(body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(body)).not.toContain(TEST_APP.appKey);
  });
});

describe('access-token mode', () => {
  it('fetches a token with an unsigned request and sends OPEN-ACCESS-TOKEN AccessToken=<token> unquoted', async () => {
    const p = freshPlatform();
    const ums = tokenClient();
    expect(ums.auth).toBe('access-token');
    const data = await ums.netpayQuery(QUERY);
    expect(data.errCode).toBe('SUCCESS');
    expect(p.tokenRequests).toBe(1);
    expect(p.tokenAuthorizations).toEqual([null]);
    expect(p.businessAuthorizations).toEqual([`OPEN-ACCESS-TOKEN AccessToken=${p.issued[0]}`]);
  });

  it('keeps using the cached token and refreshes only when it nears expiry (expiresIn minus the margin)', async () => {
    const p = freshPlatform();
    let now = Date.UTC(2024, 0, 1);
    const ums = tokenClient({ now: () => now }, { refreshMarginMs: 60_000 });
    await ums.netpayQuery(QUERY);
    now += 3_000_000; // 50 minutes: 10 minutes left
    await ums.netpayRefundQuery(QUERY);
    expect(p.tokenRequests).toBe(1);
    now += 541_000; // 59 min 1 s: inside the 60 s margin
    await ums.netpayQuery(QUERY);
    expect(p.tokenRequests).toBe(2);
    expect(p.businessAuthorizations[2]).toBe(`OPEN-ACCESS-TOKEN AccessToken=${p.issued[1]}`);
  });

  it('a refused token is refreshed once and the call retried once, even for an unsafe operation', async () => {
    const p = freshPlatform();
    const ums = tokenClient();
    await ums.netpayQuery(QUERY);
    p.valid.clear(); // the platform forgets the token (e.g. an 11th token was issued elsewhere)
    const data = await ums.payPointOrderSync(SYNC);
    expect(data).toMatchObject({ respCode: '0000' });
    expect(p.tokenRequests).toBe(2);
    expect(p.businessRequests).toBe(3);
    expect(p.businessAuthorizations[2]).toBe(`OPEN-ACCESS-TOKEN AccessToken=${p.issued[1]}`);
  });

  it('a second refusal is an AuthenticationError after two attempts, with no further refresh', async () => {
    const p = freshPlatform();
    p.businessOverride = () => HttpResponse.json({ errCode: '1001', errInfo: '授权失败' }, { status: 412 });
    const ums = tokenClient();
    const error = await ums.netpayQuery(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1001', status: 412, operation: 'netpayQuery', attempts: 2 });
    expect(p.tokenRequests).toBe(2);
    expect(p.businessRequests).toBe(2);
  });

  it('a clock error is not a token problem: no refresh', async () => {
    const p = freshPlatform();
    p.businessOverride = () => HttpResponse.json({ errCode: '1000', errInfo: 'Timestamp解析失败' }, { status: 412 });
    const error = await tokenClient().netpayQuery(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClockError);
    expect(p.tokenRequests).toBe(1);
    expect(p.businessRequests).toBe(1);
  });

  it('signature mode does not retry an authentication failure', async () => {
    const p = freshPlatform();
    p.businessOverride = () => HttpResponse.json({ errCode: '1000', errInfo: '认证失败' }, { status: 401 });
    const ums = createChinaUmsClient({ ...TEST_APP, environment: 'test', auth: 'signature' });
    const error = await ums.netpayQuery(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(p.businessRequests).toBe(1);
    expect(p.tokenRequests).toBe(0);
    expect(p.businessAuthorizations[0]).toMatch(/^OPEN-BODY-SIG /);
  });

  it('a refused token request (bad appKey) is an AuthenticationError of the accessToken operation; the business call is not sent', async () => {
    const p = freshPlatform();
    const ums = tokenClient({ appKey: 'wrong-key-0123456789' });
    const error = await ums.netpayQuery(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1000', operation: 'accessToken', attempts: 1 });
    expect(p.tokenRequests).toBe(1);
    expect(p.businessRequests).toBe(0);
  });

  it('the token call is retried as the spec allows (x-retry-safe) with a fresh timestamp and nonce each time', async () => {
    const p = freshPlatform();
    const bodies: string[] = [];
    p.tokenOverride = (n) => (n < 3 ? HttpResponse.text('<html>bad gateway</html>', { status: 502 }) : undefined);
    const ums = tokenClient({
      fetch: async (request) => {
        if (request.url.endsWith('/v1/token/access')) bodies.push(await request.clone().text());
        return fetch(request);
      },
    });
    await ums.netpayQuery(QUERY);
    expect(p.tokenRequests).toBe(3);
    const nonces = bodies.map((b) => (JSON.parse(b) as { nonce: string }).nonce);
    expect(new Set(nonces).size).toBe(3);
  });

  it('a success answer without a usable token is a ResponseParseError that never shows the token', async () => {
    const p = freshPlatform();
    p.tokenOverride = () => HttpResponse.json({ errCode: '0000', errInfo: '正常', accessToken: 'secret-token-value', expiresIn: 'soon' });
    const error = (await tokenClient().netpayQuery(QUERY).catch((e: unknown) => e)) as Error & { rawBody?: string };
    expect(error.name).toBe('ResponseParseError');
    // expiresIn 'soon' is not a number: left out of the typed answer (open-world), so the token is unusable.
    expect(error.message).toMatch(/no positive expiresIn/);
    expect(`${error.message} ${error.rawBody ?? ''} ${JSON.stringify(error)}`).not.toContain('secret-token-value');
  });

  it('ums.raw requests carry the token as well', async () => {
    const p = freshPlatform();
    const ums = tokenClient();
    const result = await ums.raw.POST('/v1/netpay/query', { body: { ...QUERY, requestTimestamp: '2024-01-01 12:00:00' } as never });
    expect(result.response.status).toBe(200);
    expect(p.businessAuthorizations[0]).toBe(`OPEN-ACCESS-TOKEN AccessToken=${p.issued[0]}`);
  });

  it('clients sharing a token store share the token', async () => {
    const p = freshPlatform();
    const store = new MemoryAccessTokenStore();
    await Promise.all([tokenClient({}, { store }).netpayQuery(QUERY), tokenClient({}, { store }).netpayQuery(QUERY)]);
    expect(p.tokenRequests).toBe(1);
  });

  it('re-reads the store after taking the lock: a token stored meanwhile by another instance is used, not a new one fetched', async () => {
    const p = freshPlatform();
    const shared = new MemoryAccessTokenStore();
    let lockCalls = 0;
    // Another instance stores its token between this client's read and its lock (the race window).
    const racingStore = {
      get: (appId: string) => shared.get(appId),
      set: (appId: string, token: Parameters<MemoryAccessTokenStore['set']>[1]) => shared.set(appId, token),
      invalidate: (appId: string, token: string) => shared.invalidate(appId, token),
      async tryLock(appId: string) {
        lockCalls++;
        p.valid.add('tok-from-other-instance');
        await shared.set(appId, { accessToken: 'tok-from-other-instance', expiresAt: Date.now() + 3_600_000 });
        return async () => undefined;
      },
    };
    const data = await tokenClient({}, { store: racingStore }).netpayQuery(QUERY);
    expect(data.errCode).toBe('SUCCESS');
    expect(lockCalls).toBe(1);
    expect(p.tokenRequests).toBe(0);
    expect(p.businessAuthorizations).toEqual(['OPEN-ACCESS-TOKEN AccessToken=tok-from-other-instance']);
  });

  it('rejects an unknown auth mode', () => {
    expect(() => createChinaUmsClient({ ...TEST_APP, environment: 'test', auth: 'oauth' as never })).toThrow(/Unknown auth "oauth"/);
  });

  it('refuses the pre-strategy spelling with the way to migrate, rather than signing instead', () => {
    const base = { ...TEST_APP, environment: 'test' as const };
    expect(() => createChinaUmsClient({ ...base, auth: 'access-token' as never })).toThrow(/auth: accessTokenAuth\(\{ store \}\)/);
    const store = new MemoryAccessTokenStore();
    expect(() => createChinaUmsClient({ ...base, auth: accessTokenAuth(), tokenStore: store } as never)).toThrow(/tokenStore is now an option of accessTokenAuth: auth: accessTokenAuth\(\{ store \}\)/);
    expect(() => createChinaUmsClient({ ...base, tokenRefreshMarginMs: 1 } as never)).toThrow(/accessTokenAuth\(\{ refreshMarginMs \}\)/);
    expect(() => createChinaUmsClient({ ...base, tokenLock: {} } as never)).toThrow(/accessTokenAuth\(\{ lock \}\)/);
    expect(createChinaUmsClient({ ...base, auth: 'signature' }).auth).toBe('signature');
  });

  it('takes lock options through accessTokenAuth', async () => {
    const p = freshPlatform();
    let ttlSeen: number | undefined;
    const store = new MemoryAccessTokenStore();
    const locking = {
      get: store.get.bind(store),
      set: store.set.bind(store),
      invalidate: store.invalidate.bind(store),
      tryLock: async (_appId: string, ttlMs: number) => {
        ttlSeen = ttlMs;
        return async () => undefined;
      },
    };
    await tokenClient({}, { store: locking, lock: { ttlMs: 1234 } }).netpayQuery(QUERY);
    expect(ttlSeen).toBe(1234);
    expect(p.tokenRequests).toBe(1);
  });
});
