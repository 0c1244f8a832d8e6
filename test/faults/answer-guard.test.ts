// What the client refuses to take as the platform's answer, on real servers on 127.0.0.1 through
// the runtime's real fetch: a redirect (never followed), a body past maxResponseBytes (cancelled
// unread); neither is retried. And failures that say what failed.
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenAuth,
  ChinaUmsError,
  createChinaUmsClient,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  type ChinaUmsClientOptions,
} from '../../src/index.js';
import { successExample, TEST_APP } from '../helpers/msw-platform.js';
import { sendJson, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { failOnPendingSdkTimers, failOnUnhandledRejection } from './helpers/guards.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const CANCEL = { mid: '898201612345678', tid: '88880001', instMid: 'QRPAYDEFAULT', billNo: '31940000201700002', billDate: '2024-01-01', merOrderId: '3194201701010000001' };

let platform: FaultServer;
let elsewhere: FaultServer;
beforeAll(async () => {
  [platform, elsewhere] = await Promise.all([startFaultServer(), startFaultServer()]);
});
afterAll(() => Promise.all([platform.close(), elsewhere.close()]));
failOnUnhandledRejection();
failOnPendingSdkTimers();

function client(extra: Partial<ChinaUmsClientOptions> = {}) {
  return createChinaUmsClient({ ...TEST_APP, baseUrl: platform.baseUrl, timeoutMs: 10_000, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...extra });
}

async function failure(call: Promise<unknown>): Promise<ChinaUmsError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChinaUmsError);
  return error as ChinaUmsError;
}

describe('redirects are never followed', () => {
  it.each([301, 302, 303, 307, 308])('HTTP %i to another origin is a RedirectError naming the Location, after one attempt', async (status) => {
    elsewhere.setFault((_q, res) => sendJson(res, 200, successExample('netpayQuery')));
    const target = `${elsewhere.baseUrl}/v1/netpay/query`;
    platform.setFault((_q, res) => sendJson(res, status, {}, { location: target }));
    const error = await failure(client().netpayQuery(QUERY));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ code: 'UNEXPECTED_REDIRECT', status, operation: 'netpayQuery', attempts: 1, location: target });
    expect(error.message).toContain(target);
    expect(platform.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('billsPreauthCancel with retries opted in: one attempt, the other origin never reached', async () => {
    elsewhere.setFault((_q, res) => sendJson(res, 200, successExample('billsPreauthCancel')));
    platform.setFault((_q, res) => sendJson(res, 307, {}, { location: `${elsewhere.baseUrl}/v1/netpay/bills/preauth-cancel` }));
    const error = await failure(client().billsPreauthCancel(CANCEL, { retry: true }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.attempts).toBe(1);
    expect(platform.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('ums.raw does not follow either', async () => {
    platform.setFault((_q, res) => sendJson(res, 307, {}, { location: `${elsewhere.baseUrl}/x` }));
    const raw = client().raw.POST('/v1/netpay/query', { body: QUERY as never });
    await expect(raw).rejects.toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('a runtime that hides the redirect (opaque-redirect) or a custom fetch that followed one: refused too', async () => {
    const opaque = Object.defineProperties(new Response(null, { status: 200 }), { type: { value: 'opaqueredirect' }, status: { value: 0 } });
    const followed = Object.defineProperties(new Response('{"errCode":"SUCCESS"}'), { redirected: { value: true }, url: { value: 'https://elsewhere.invalid/q' } });
    const seen: Request[] = [];
    for (const [response, location] of [
      [opaque, undefined],
      [followed, 'https://elsewhere.invalid/q'],
    ] as const) {
      const error = await failure(
        client({
          fetch: async (request) => {
            seen.push(request);
            return response;
          },
        }).netpayQuery(QUERY),
      );
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as RedirectError).location).toBe(location);
    }
    expect(seen.map((r) => r.redirect)).toEqual(['manual', 'manual']);
  });
});

/** Writes 16 KiB chunks until the client goes away; resolves with how many bytes it wrote. */
function endless(res: ServerResponse, status = 200): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    const chunk = Buffer.alloc(16 * 1024, 'x');
    res.writeHead(status, { 'content-type': 'application/json' });
    res.write('{"errCode":"SUCCESS","pad":"');
    const pump = () => {
      for (let more = true; more && !res.destroyed; ) {
        more = res.write(chunk);
        written += chunk.length;
      }
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => resolve(written));
    pump();
  });
}

describe('response size limit', () => {
  it('an endless chunked body is cancelled past maxResponseBytes: ResponseTooLargeError after one attempt', async () => {
    let wrote: Promise<number> | undefined;
    platform.setFault((_q, res) => {
      wrote = endless(res);
    });
    const error = await failure(client({ maxResponseBytes: 256 * 1024 }).netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', status: 200, operation: 'netpayQuery', attempts: 1, limitBytes: 256 * 1024 });
    expect(platform.requests).toHaveLength(1);
    // The server saw the connection go away: the body was cancelled, not drained.
    expect(await wrote).toBeGreaterThan(0);
  });

  it('a 502 too large is not retried either, and a declared Content-Length past the limit is refused before reading', async () => {
    platform.setFault((_q, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'content-length': String(64 * 1024 * 1024) });
      res.write('<html>');
    });
    const error = await failure(client({ maxResponseBytes: 1024 }).netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 502, attempts: 1 });
    expect(platform.requests).toHaveLength(1);
  });

  it('an endless error page (502, chunked) and ums.raw are bounded too', async () => {
    let wrote: Promise<number> | undefined;
    platform.setFault((_q, res) => {
      wrote = endless(res, 502);
    });
    const error = await failure(client({ maxResponseBytes: 64 * 1024 }).netpayQuery(QUERY));
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', status: 502, attempts: 1 });
    await wrote;
    platform.setFault((_q, res) => {
      wrote = endless(res);
    });
    await expect(client({ maxResponseBytes: 64 * 1024 }).raw.POST('/v1/netpay/query', { body: QUERY as never })).rejects.toBeInstanceOf(ResponseTooLargeError);
    await wrote;
  });

  it('the default limit is a few MiB; an answer within it is read as before', async () => {
    platform.setFault((_q, res) => sendJson(res, 200, { ...successExample('netpayQuery'), pad: 'x'.repeat(1024 * 1024) }));
    expect((await client().netpayQuery(QUERY)).errCode).toBe('SUCCESS');
    let wrote: Promise<number> | undefined;
    platform.setFault((_q, res) => {
      wrote = endless(res);
    });
    const error = await failure(client().netpayQuery(QUERY));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limitBytes).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect((error as ResponseTooLargeError).limitBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
    await wrote;
  });

  it('refuses a maxResponseBytes that is not a positive number', () => {
    expect(() => client({ maxResponseBytes: 0 })).toThrow(/maxResponseBytes must be a positive number of bytes/);
  });
});

describe('failures say what failed', () => {
  it('a refused connection names ECONNREFUSED, not only "fetch failed"', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(client({ baseUrl: `http://127.0.0.1:${port}`, retry: false }).netpayQuery(QUERY));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it.each([
    ['ENOTFOUND', new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' }) })],
    // undici with several addresses: an AggregateError with an empty message and the code on it.
    ['ECONNREFUSED', new TypeError('fetch failed', { cause: Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:443')], ''), { code: 'ECONNREFUSED' }) })],
  ])('a fetch failure names %s from its cause chain', async (code, thrown) => {
    const error = await failure(client({ retry: false, fetch: () => Promise.reject(thrown) }).netpayQuery(QUERY));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('fetch failed');
    expect(error.message).toContain(code);
  });

  it('a token store that never answers is a timeout blaming the token store, not the network', async () => {
    const never = new Promise<never>(() => undefined);
    platform.setFault((_q, res) => sendJson(res, 200, successExample('netpayQuery')));
    const ums = client({
      auth: accessTokenAuth({ store: { get: () => never, set: async () => undefined, invalidate: async () => undefined } }),
      timeoutMs: 100,
      retry: false,
    });
    const error = await failure(ums.netpayQuery(QUERY));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('token store');
    expect(error.message).not.toMatch(/network/i);
    expect(platform.requests).toHaveLength(0);
  });
});
