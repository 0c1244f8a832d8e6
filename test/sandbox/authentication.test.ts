import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { accessTokenAuth, AuthenticationError, ClockError, createChinaUmsClient, createOpenBodySignature, formatAccessTokenHeader } from '../../src/index.js';
import { createSandbox, DEMO_APP, TEST_MERCHANT, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { beijingCompactTimestamp, beijingDateTime } from '../../src/time.js';
import { expectedSignature } from '../helpers/independent-signature.js';
import { checkAnswer, sandboxWithClient, SANDBOX_BASE } from './sandbox-fixture.js';

const QUERY_PATH = '/v1/netpay/query';
const query = { mid: TEST_MERCHANT.mid, tid: TEST_MERCHANT.tids[0]!, instMid: 'YUEDANDEFAULT', merOrderId: 'NOPE000001' };
const sandboxes: Sandbox[] = [];

function sandbox(options: SandboxOptions = {}): Sandbox {
  const created = createSandbox(options);
  sandboxes.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

function queryBody(now = Date.now()): string {
  return JSON.stringify({ requestTimestamp: beijingDateTime(now), ...query });
}

function post(target: Sandbox, path: string, body: string, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers['authorization'] = authorization;
  return target.fetch(new Request(`${SANDBOX_BASE}${path}`, { method: 'POST', headers, body }));
}

function header(parts: { appId?: string; timestamp?: string; nonce?: string; signature: string }, separator = ', '): string {
  return [
    `OPEN-BODY-SIG AppId="${parts.appId ?? DEMO_APP.appId}"`,
    `Timestamp="${parts.timestamp ?? beijingCompactTimestamp(Date.now())}"`,
    `Nonce="${parts.nonce ?? 'ab'.repeat(16)}"`,
    `Signature="${parts.signature}"`,
  ].join(separator);
}

async function platformAnswer(response: Response) {
  return { status: response.status, body: (await response.json()) as { errCode: string; errInfo: string } };
}

describe('OPEN-BODY-SIG, recomputed over the bytes received', () => {
  it('accepts an independently computed signature, with either separator', async () => {
    const target = sandbox();
    for (const [i, separator] of [', ', ','].entries()) {
      const body = queryBody();
      const timestamp = beijingCompactTimestamp(Date.now());
      const nonce = `${i}`.repeat(32);
      const signature = expectedSignature(DEMO_APP.appId, DEMO_APP.appKey, timestamp, nonce, body);
      const response = await post(target, QUERY_PATH, body, header({ timestamp, nonce, signature }, separator));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ errCode: 'NO_ORDER' });
    }
  });

  it('a request signed with the wrong key is 412 errCode 1000 认证失败', async () => {
    const { client } = sandboxWithClient({}, { appKey: 'not-the-sandbox-key-000000000000' });
    const error = await client.netpayQuery(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1000', status: 412 });
    expect(JSON.parse((error as AuthenticationError).rawBody!)).toEqual({ errCode: '1000', errInfo: '认证失败' });
  });

  it('a body changed after signing is refused', async () => {
    const target = sandbox();
    const body = queryBody();
    const timestamp = beijingCompactTimestamp(Date.now());
    const signature = expectedSignature(DEMO_APP.appId, DEMO_APP.appKey, timestamp, 'ab'.repeat(16), body);
    const reencoded = JSON.stringify(JSON.parse(body), null, 1);
    expect(await platformAnswer(await post(target, QUERY_PATH, reencoded, header({ timestamp, signature })))).toEqual({
      status: 412,
      body: { errCode: '1000', errInfo: '认证失败' },
    });
  });

  it('unknown appId, malformed header, missing header, other schemes: 412 / 1000', async () => {
    const target = sandbox();
    const body = queryBody();
    const cases = [
      header({ appId: 'unknown-app', signature: 'x' }),
      'OPEN-BODY-SIG AppId="a", Nonce="b"',
      undefined,
      'Basic dXNlcjpwYXNz',
    ];
    for (const authorization of cases) {
      const { status, body: answer } = await platformAnswer(await post(target, QUERY_PATH, body, authorization));
      expect(status).toBe(412);
      expect(answer.errCode).toBe('1000');
      expect(answer.errInfo).toMatch(/^认证失败/);
    }
  });

  it('an unparsable Timestamp is "Timestamp解析失败"', async () => {
    const target = sandbox();
    for (const timestamp of ['2024-01-01 00:00:00', '20241301000000', '2024010100000']) {
      const answer = await platformAnswer(await post(target, QUERY_PATH, queryBody(), header({ timestamp, signature: 'x' })));
      expect(answer).toEqual({ status: 412, body: { errCode: '1000', errInfo: 'Timestamp解析失败' } });
    }
  });

  it('a stale timestamp (more than 5 minutes off Beijing time) is refused, and the client reports a ClockError', async () => {
    const sixMinutesAgo = Date.now() - 6 * 60_000;
    const { client } = sandboxWithClient({}, { now: () => sixMinutesAgo });
    const error = await client.netpayQuery(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClockError);
    expect(error).toMatchObject({ code: '1000', status: 412 });

    // Four minutes off is inside the tolerance.
    const fourMinutesAgo = Date.now() - 4 * 60_000;
    const { client: close } = sandboxWithClient({}, { now: () => fourMinutesAgo });
    await expect(close.netpayQuery(query)).rejects.toMatchObject({ code: 'NO_ORDER' });
  });

  it('a timestamp formatted in UTC instead of Beijing time (8 hours off) is refused', async () => {
    const target = sandbox();
    const body = queryBody();
    const utc = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const signature = expectedSignature(DEMO_APP.appId, DEMO_APP.appKey, utc, 'ab'.repeat(16), body);
    const answer = await platformAnswer(await post(target, QUERY_PATH, body, header({ timestamp: utc, signature })));
    expect(answer.status).toBe(412);
    expect(answer.body.errInfo).toMatch(/^Timestamp/);
  });

  it('a replayed request (same appId and nonce) is refused', async () => {
    const target = sandbox();
    const body = queryBody();
    const authorization = await createOpenBodySignature({ ...DEMO_APP, timestamp: beijingCompactTimestamp(Date.now()), nonce: 'cd'.repeat(16), body });
    expect((await post(target, QUERY_PATH, body, authorization)).status).toBe(200);
    const replay = await platformAnswer(await post(target, QUERY_PATH, body, authorization));
    expect(replay).toEqual({ status: 412, body: { errCode: '1000', errInfo: '认证失败: Nonce重复使用' } });
  });
});

describe('access tokens', () => {
  function tokenRequest(appKey = DEMO_APP.appKey, now = Date.now()) {
    const timestamp = beijingCompactTimestamp(now);
    const nonce = crypto.randomUUID().replaceAll('-', '');
    const signature = createHash('sha256').update(DEMO_APP.appId + timestamp + nonce + appKey).digest('hex');
    return JSON.stringify({ appId: DEMO_APP.appId, timestamp, nonce, signMethod: 'SHA256', signature });
  }

  async function issue(target: Sandbox, appKey?: string) {
    const response = await post(target, '/v1/token/access', tokenRequest(appKey));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('issues a token for the plain SHA-256 signature; the token authenticates business calls', async () => {
    const target = sandbox();
    const { status, body } = await issue(target);
    expect(status).toBe(200);
    expect(body).toMatchObject({ errCode: '0000', errInfo: '正常', expiresIn: 3600, accessToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(checkAnswer('accessToken', status, JSON.stringify(body)).problems).toBeUndefined();
    const response = await post(target, QUERY_PATH, queryBody(), formatAccessTokenHeader(body['accessToken'] as string));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ errCode: 'NO_ORDER' });
  });

  it('refuses a token request signed with the wrong key, or missing fields', async () => {
    const target = sandbox();
    expect(await issue(target, 'wrong-key')).toEqual({ status: 412, body: { errCode: '1000', errInfo: '认证失败' } });
    const missing = await post(target, '/v1/token/access', JSON.stringify({ appId: DEMO_APP.appId }));
    expect(await platformAnswer(missing)).toMatchObject({ status: 412, body: { errCode: '9001' } });
  });

  it('at most 10 tokens are valid per appId: the 11th invalidates the oldest', async () => {
    const target = sandbox();
    const tokens: string[] = [];
    for (let i = 0; i < 11; i++) tokens.push((await issue(target)).body['accessToken'] as string);
    const first = await platformAnswer(await post(target, QUERY_PATH, queryBody(), formatAccessTokenHeader(tokens[0]!)));
    expect(first).toEqual({ status: 412, body: { errCode: '1000', errInfo: '认证失败: AccessToken无效或已失效' } });
    for (const token of tokens.slice(1)) {
      expect((await post(target, QUERY_PATH, queryBody(), formatAccessTokenHeader(token))).status).toBe(200);
    }
  });

  it('a token expires after expiresIn (configurable)', async () => {
    let clock = Date.now();
    const target = sandbox({ now: () => clock, accessTokenTtlSeconds: 60 });
    const { body } = await issue(target);
    expect(body['expiresIn']).toBe(60);
    const authorization = formatAccessTokenHeader(body['accessToken'] as string);
    expect((await post(target, QUERY_PATH, queryBody(clock), authorization)).status).toBe(200);
    clock += 61_000;
    expect((await post(target, QUERY_PATH, queryBody(clock), authorization)).status).toBe(412);
  });
});

describe('the client in access-token mode', () => {
  it('fetches one token, reuses it for every call, and the sandbox accepts it', async () => {
    const target = sandbox();
    let tokenRequests = 0;
    const ums = createChinaUmsClient({
      ...DEMO_APP,
      baseUrl: SANDBOX_BASE,
      auth: accessTokenAuth(),
      fetch: (request) => {
        if (new URL(request.url).pathname === '/v1/token/access') tokenRequests += 1;
        return target.fetch(request);
      },
    });
    for (let i = 0; i < 3; i++) await expect(ums.netpayQuery(query)).rejects.toMatchObject({ code: 'NO_ORDER' });
    expect(tokenRequests).toBe(1);
  });
});
