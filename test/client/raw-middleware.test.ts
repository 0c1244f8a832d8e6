// Middleware added to `ums.raw` sees every request the SDK makes: the operation methods' (which
// send through a client of their own, src/client/raw.ts) and raw calls alike, each already signed.
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, createChinaUmsClient } from '../../src/index.js';
import { checkAuthorization } from '../helpers/independent-signature.js';
import { TEST_APP } from '../helpers/msw-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const OK = JSON.stringify({ errCode: 'SUCCESS', errMsg: '', status: 'TRADE_SUCCESS' });

function client() {
  const fetched: string[] = [];
  const ums = createChinaUmsClient({
    ...TEST_APP,
    baseUrl: 'http://127.0.0.1:9',
    fetch: async (request) => {
      fetched.push(request.headers.get('x-traced') ?? 'untraced');
      return new Response(OK, { headers: { 'content-type': 'application/json' } });
    },
  });
  return { ums, fetched };
}

function tracing(seen: Array<{ path: string; authorization: string | null; problem: string | null }>): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const authorization = request.headers.get('authorization');
      const body = await request.clone().text();
      seen.push({ path: schemaPath, authorization, problem: authorization ? checkAuthorization(authorization, TEST_APP.appId, TEST_APP.appKey, body) : 'none' });
      request.headers.set('x-traced', 'yes');
      return request;
    },
  };
}

describe('middleware on ums.raw', () => {
  it('sees operation-method and raw requests, both already signed over the body sent', async () => {
    const { ums, fetched } = client();
    const seen: Array<{ path: string; authorization: string | null; problem: string | null }> = [];
    ums.raw.use(tracing(seen));
    await ums.netpayQuery(QUERY);
    await ums.raw.POST('/v1/netpay/refund-query', { body: { ...QUERY, requestTimestamp: '2024-01-01 12:00:00' } });
    expect(seen.map((s) => s.path)).toEqual(['/v1/netpay/query', '/v1/netpay/refund-query']);
    for (const s of seen) {
      expect(s.authorization).toMatch(/^OPEN-BODY-SIG /);
      expect(s.problem).toBeNull();
    }
    expect(fetched).toEqual(['yes', 'yes']);
  });

  it('eject removes it from both paths', async () => {
    const { ums, fetched } = client();
    const seen: Array<{ path: string; authorization: string | null; problem: string | null }> = [];
    const middleware = tracing(seen);
    ums.raw.use(middleware);
    ums.raw.eject(middleware);
    await ums.netpayQuery(QUERY);
    await ums.raw.POST('/v1/netpay/query', { body: { ...QUERY, requestTimestamp: '2024-01-01 12:00:00' } });
    expect(seen).toEqual([]);
    expect(fetched).toEqual(['untraced', 'untraced']);
  });

  it('a non-middleware argument is a ConfigurationError and registers nothing, not even the valid ones', async () => {
    const { ums, fetched } = client();
    const seen: Array<{ path: string; authorization: string | null; problem: string | null }> = [];
    expect(() => ums.raw.use(tracing(seen), { onSomething() {} } as unknown as Middleware)).toThrow(ConfigurationError);
    expect(() => ums.raw.use(tracing(seen), { onSomething() {} } as unknown as Middleware)).toThrow(/argument 2 is not middleware/);
    await ums.netpayQuery(QUERY);
    await ums.raw.POST('/v1/netpay/query', { body: { ...QUERY, requestTimestamp: '2024-01-01 12:00:00' } });
    expect(seen).toEqual([]);
    expect(fetched).toEqual(['untraced', 'untraced']);
  });
});
