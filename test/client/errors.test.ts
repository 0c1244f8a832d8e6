import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
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
  PlatformError,
  ResponseParseError,
} from '../../src/index.js';
import { requestValidators } from '../../src/validators.js';
import { TEST_APP } from '../helpers/msw-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const SYNC = { fenOrderId: '1000000000000000000000000000001', mid: '898201612345678', serviceId: '00004000000000000000000000000001', type: 'Order_Paid' as const, detail: { paidTime: '20240101120000' } };

function answering(make: () => Response | Promise<Response>) {
  let calls = 0;
  const ums = createChinaUmsClient({
    ...TEST_APP,
    environment: 'test',
    fetch: async () => {
      calls++;
      return make();
    },
  });
  return { ums, calls: () => calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Every way an error can be printed, logged or serialized. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 5, showHidden: true })];
}

function expectNoSecret(error: unknown) {
  for (const text of renderings(error)) {
    expect(text).not.toContain(TEST_APP.appKey);
  }
}

async function failure(promise: Promise<unknown>): Promise<ChinaUmsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChinaUmsError);
  expectNoSecret(error);
  return error as ChinaUmsError;
}

describe('typed errors', () => {
  it('business errCode other than SUCCESS → ApiError with code, message, status and raw body', async () => {
    const reply = { errCode: 'NO_ORDER', errMsg: '订单不存在', responseTimestamp: '2024-01-01 12:00:00' };
    const { ums } = answering(() => json(reply));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NO_ORDER', status: 200, operation: 'netpayQuery', attempts: 1, rawBody: JSON.stringify(reply) });
    expect(error.message).toContain('订单不存在');
    expect(error.message).toMatch(/merOrderId/);
  });

  it('platform errCode 1000 with HTTP 412 → AuthenticationError that says what to check', async () => {
    const { ums } = answering(() => json({ errCode: '1000', errInfo: '认证失败' }, 412));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '1000', status: 412 });
    expect(error.message).toMatch(/appKey/);
  });

  it('a Timestamp parse failure → ClockError (an AuthenticationError) pointing at the clock', async () => {
    const { ums } = answering(() => json({ errCode: '1000', errInfo: 'Timestamp解析失败' }, 412));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ClockError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/clock/i);
  });

  it('ABNORMAL_REQUEST_TIME → ClockError', async () => {
    const { ums } = answering(() => json({ errCode: 'ABNORMAL_REQUEST_TIME', errMsg: '请求时间异常' }));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ClockError);
    expect(error.code).toBe('ABNORMAL_REQUEST_TIME');
  });

  it('platform 9001 → PlatformError', async () => {
    const { ums } = answering(() => json({ errCode: '9001', errInfo: '参数校验失败' }, 412));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.message).toMatch(/parameter/);
  });

  it('a 200 carrying a platform error is still a platform error', async () => {
    const { ums } = answering(() => json({ errCode: '1001', errInfo: '授权失败' }));
    expect(await failure(ums.netpayQuery(QUERY))).toBeInstanceOf(AuthenticationError);
  });

  it('HTTP 502 with an HTML page → HttpError keeping the page', async () => {
    const page = '<html><body>502 Bad Gateway</body></html>';
    const { ums } = answering(() => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', rawBody: page });
  });

  it('HTTP 404 with JSON but no ChinaUMS envelope → HttpError', async () => {
    const { ums } = answering(() => json({ message: 'not found' }, 404));
    expect(await failure(ums.netpayQuery(QUERY))).toBeInstanceOf(HttpError);
  });

  it('a 200 whose body is not JSON → ResponseParseError', async () => {
    const { ums } = answering(() => new Response('SUCCESS', { status: 200 }));
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.rawBody).toBe('SUCCESS');
  });

  it('a 200 with an empty body → ResponseParseError', async () => {
    const { ums } = answering(() => new Response('', { status: 200 }));
    expect(await failure(ums.netpayQuery(QUERY))).toBeInstanceOf(ResponseParseError);
  });

  it('pay-point sync with a respCode other than 0000 → ApiError', async () => {
    const { ums } = answering(() => json({ respCode: '1002', respDesc: '订单不存在' }));
    const error = await failure(ums.payPointOrderSync(SYNC));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('1002');
  });

  it('a network failure → NetworkError', async () => {
    const { ums } = answering(() => {
      throw new TypeError('fetch failed');
    });
    expect(await failure(ums.netpayQuery(QUERY))).toBeInstanceOf(NetworkError);
  });

  it('an aborted call → AbortedError', async () => {
    const controller = new AbortController();
    const ums = createChinaUmsClient({
      ...TEST_APP,
      environment: 'test',
      fetch: (request) =>
        new Promise((_, reject) => {
          // Like real fetch: an already-aborted signal rejects at once.
          if (request.signal.aborted) reject(request.signal.reason);
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
        }),
    });
    const pending = ums.netpayQuery(QUERY, { signal: controller.signal });
    controller.abort();
    expect(await failure(pending)).toBeInstanceOf(AbortedError);
  });
});

describe('bad input is refused before anything is sent', () => {
  it.each([
    ['missing appId', { appKey: 'k', environment: 'test' }, /appId is required/],
    ['missing appKey', { appId: 'a', environment: 'test' }, /appKey is required/],
    ['appKey with a trailing newline', { appId: 'a', appKey: 'secret-key\n', environment: 'test' }, /whitespace/],
    ['appId with a quote', { appId: 'a"b', appKey: 'k', environment: 'test' }, /appId may contain/],
    ['unknown environment', { appId: 'a', appKey: 'k', environment: 'staging' }, /Unknown environment "staging"/],
    ['no environment nor baseUrl', { appId: 'a', appKey: 'k' }, /Choose an environment/],
    ['relative baseUrl', { appId: 'a', appKey: 'k', baseUrl: '/v1' }, /not an absolute URL/],
  ])('%s → ConfigurationError', (_, options, message) => {
    let error: unknown;
    try {
      createChinaUmsClient(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('secret-key');
  });

  it('requestValidators name the missing and the unknown field, and nothing is sent', async () => {
    let calls = 0;
    const ums = createChinaUmsClient({
      ...TEST_APP,
      environment: 'test',
      requestValidators,
      fetch: async () => {
        calls++;
        return json({ errCode: 'SUCCESS' });
      },
    });
    const body = { tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331', merOrderID: 'typo' };
    const error = await failure(ums.netpayQuery(body as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain('mid is required');
    expect(error.message).toContain('merOrderID is not a field of this API');
    expect(calls).toBe(0);
  });

  it.each([
    ['a string', '{"mid":"1"}'],
    ['null', null],
    ['an array', [QUERY]],
    ['a class instance', new Date()],
  ])('a body that is %s → InvalidRequestError, no request', async (_, body) => {
    const { ums, calls } = answering(() => json({ errCode: 'SUCCESS' }));
    const error = await failure(ums.netpayQuery(body as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(calls()).toBe(0);
  });
});
