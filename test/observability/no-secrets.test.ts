// Every error kind and every log event, printed every way an application might print it, must
// not contain the appKey, the md5Key, an access token or an Authorization header value.
import { inspect } from 'node:util';
import { getResponse, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenAuth,
  AbortedError,
  ApiError,
  AuthenticationError,
  ChinaUmsError,
  ClockError,
  ConfigurationError,
  createChinaUmsClient,
  HttpError,
  InvalidRequestError,
  NetworkError,
  NotificationVerificationError,
  PlatformError,
  ResponseParseError,
  TimeoutError,
  type ChinaUmsClientOptions,
  type ChinaUmsEvent,
} from '../../src/index.js';
import { assertNotification } from '../../src/notifications/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { sendJson, startFaultServer, type FaultServer } from '../faults/helpers/fault-server.js';
import { createTokenPlatform } from '../faults/helpers/token-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const MD5_KEY = 'fcAmtnx7MwismjWNhNKdHC44mNXtnEQeJkRrhKJwyrW2ysRR';

const events: ChinaUmsEvent[] = [];
const logLines: unknown[][] = [];
const authorizations = new Set<string>();
const tokens = new Set<string>();
const errors = new Map<string, unknown>();

const logger = {
  debug: (...args: unknown[]) => logLines.push(args),
  info: (...args: unknown[]) => logLines.push(args),
  warn: (...args: unknown[]) => logLines.push(args),
  error: (...args: unknown[]) => logLines.push(args),
};

let faultServer: FaultServer;
beforeAll(async () => {
  faultServer = await startFaultServer();
});
afterAll(() => faultServer.close());

type Reply = (request: Request) => Response | Promise<Response>;

/** A client whose fetch records every Authorization sent and answers with `reply`. */
function client(reply: Reply, extra: Partial<ChinaUmsClientOptions> = {}) {
  return createChinaUmsClient({
    ...TEST_APP,
    environment: 'test',
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    timeoutMs: 5_000,
    hooks: {
      onRequest: (e) => events.push(e),
      onResponse: (e) => events.push(e),
      onRetry: (e) => events.push(e),
      onError: (e) => events.push(e),
      onToken: (e) => events.push(e),
      onClockSkew: (e) => events.push(e),
    },
    logger,
    fetch: async (request) => {
      const authorization = request.headers.get('authorization');
      if (authorization) authorizations.add(authorization);
      return reply(request);
    },
    ...extra,
  });
}

/** The token platform as a fetch, recording every token it issues. */
function tokenReply(override?: (request: Request) => Response | undefined): Reply {
  const platform = createTokenPlatform();
  return async (request) => {
    const replaced = override?.(request);
    if (replaced) return replaced;
    const response = (await getResponse(platform.handlers, request))!;
    platform.issued.forEach((t) => tokens.add(t));
    return response;
  };
}

async function capture(name: string, run: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    errors.set(name, error);
    return;
  }
  throw new Error(`${name}: expected a failure`);
}

const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });

describe('no secret in any error or event', () => {
  beforeAll(async () => {
    const isBusiness = (request: Request) => !request.url.endsWith('/v1/token/access');
    await capture('ConfigurationError', () => createChinaUmsClient({ ...TEST_APP, appKey: `${TEST_APP.appKey}\n`, environment: 'test' }));
    await capture('InvalidRequestError', () => client(tokenReply(), { auth: accessTokenAuth() }).netpayQuery(null as never));
    await capture('ApiError', () => client(tokenReply((r) => (isBusiness(r) ? json({ errCode: 'NO_ORDER', errMsg: '订单不存在' }) : undefined)), { auth: accessTokenAuth() }).netpayQuery(QUERY));
    await capture('AuthenticationError', () =>
      client(tokenReply((r) => (isBusiness(r) ? json({ errCode: '1000', errInfo: '认证失败' }, 401) : undefined)), { auth: accessTokenAuth() }).netpayQuery(QUERY),
    );
    await capture('AuthenticationError (signature)', () => client(() => json({ errCode: '1000', errInfo: '认证失败' }, 412)).netpayQuery(QUERY));
    await capture('ClockError', () => client(tokenReply((r) => (isBusiness(r) ? json({ errCode: '1000', errInfo: 'Timestamp解析失败' }, 412) : undefined)), { auth: accessTokenAuth() }).netpayQuery(QUERY));
    await capture('PlatformError', () => client(tokenReply((r) => (isBusiness(r) ? json({ errCode: '9200', errInfo: '繁忙' }, 412) : undefined)), { auth: accessTokenAuth() }).netpayQuery(QUERY));
    await capture('HttpError', () => client(() => new Response('<html>502</html>', { status: 502 })).netpayQuery(QUERY));
    await capture('ResponseParseError', () => client(tokenReply((r) => (isBusiness(r) ? new Response('{"errCode":') : undefined)), { auth: accessTokenAuth() }).netpayQuery(QUERY));
    await capture('ResponseParseError (token body)', () =>
      client(tokenReply((r) => (isBusiness(r) ? undefined : json({ errCode: '0000', errInfo: '正常', accessToken: 'tok-in-a-bad-reply-0123456789', expiresIn: 'x' }))), { auth: accessTokenAuth() }).netpayQuery(QUERY),
    );
    tokens.add('tok-in-a-bad-reply-0123456789');
    // A real reset on 127.0.0.1, in access-token mode: the token call succeeds, the business call's socket dies.
    faultServer.setFault((req, res) => (req.url === '/v1/token/access' ? sendJson(res, 200, { errCode: '0000', errInfo: '正常', accessToken: 'tok-real-server-abcdef0123456789', expiresIn: 3600 }) : req.socket.destroy()));
    tokens.add('tok-real-server-abcdef0123456789');
    await capture('NetworkError', () =>
      createChinaUmsClient({ ...TEST_APP, baseUrl: faultServer.baseUrl, auth: accessTokenAuth(), retry: { baseDelayMs: 1, maxDelayMs: 2 }, logger, hooks: { onError: (e) => events.push(e), onRetry: (e) => events.push(e), onRequest: (e) => events.push(e) } }).netpayQuery(QUERY),
    );
    authorizations.add('OPEN-ACCESS-TOKEN AccessToken=tok-real-server-abcdef0123456789');
    const hang: Reply = (request) => new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    await capture('TimeoutError', () => client(hang, { timeoutMs: 30 }).netpayQuery(QUERY));
    await capture('AbortedError', () => client(hang).netpayQuery(QUERY, { signal: AbortSignal.timeout(5) }));
    await capture('NotificationVerificationError', () => assertNotification({ a: '1', sign: 'ABC', signType: 'SHA256' }, { key: MD5_KEY }));
  });

  it('produced every error kind', () => {
    const kinds = [...errors.values()].map((e) => (e as Error).constructor);
    for (const kind of [
      ConfigurationError,
      InvalidRequestError,
      ApiError,
      AuthenticationError,
      ClockError,
      PlatformError,
      HttpError,
      ResponseParseError,
      NetworkError,
      TimeoutError,
      AbortedError,
      NotificationVerificationError,
    ]) {
      expect(kinds, kind.name).toContain(kind);
    }
    for (const error of errors.values()) expect(error).toBeInstanceOf(ChinaUmsError);
    expect(tokens.size).toBeGreaterThan(2);
    expect(authorizations.size).toBeGreaterThan(2);
    expect(events.some((e) => e.type === 'token')).toBe(true);
    expect(events.some((e) => e.type === 'retry')).toBe(true);
  });

  it('no error, printed any way, contains a secret', () => {
    for (const [name, error] of errors) {
      const e = error as Error;
      const renderings = [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 8, showHidden: true }), JSON.stringify({ ...e })];
      for (const text of renderings) expectNoSecret(text, name);
    }
  });

  it('no hook event or log line contains a secret, and Authorization headers appear redacted', () => {
    expect(events.length).toBeGreaterThan(10);
    expect(logLines.length).toBeGreaterThan(10);
    for (const event of events) {
      expectNoSecret(JSON.stringify(event), event.type);
      expectNoSecret(inspect(event, { depth: 8, showHidden: true }), event.type);
    }
    for (const line of logLines) expectNoSecret(inspect(line, { depth: 8 }), 'log');
    const requestHeaders = events.flatMap((e) => (e.type === 'request' ? [e.headers['authorization']] : [])).filter(Boolean);
    expect(requestHeaders.length).toBeGreaterThan(0);
    for (const header of requestHeaders) expect(header).toMatch(/^OPEN-(BODY-SIG|ACCESS-TOKEN) \[REDACTED\]$/);
  });
});

function expectNoSecret(text: string, where: string) {
  expect(text, `${where}: appKey`).not.toContain(TEST_APP.appKey);
  expect(text, `${where}: md5Key`).not.toContain(MD5_KEY);
  for (const token of tokens) expect(text, `${where}: access token`).not.toContain(token);
  for (const authorization of authorizations) {
    expect(text, `${where}: Authorization`).not.toContain(authorization);
    // The credential part alone (a signature or a token) must not appear either.
    const credential = /Signature="([^"]+)"/.exec(authorization)?.[1] ?? /AccessToken=(\S+)/.exec(authorization)?.[1];
    if (credential) expect(text, `${where}: credential`).not.toContain(credential);
  }
}
