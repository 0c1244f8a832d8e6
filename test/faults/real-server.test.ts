// Faults on a real HTTP server on 127.0.0.1, through the runtime's real fetch: each gives its
// typed error after the right number of attempts, with no unhandled rejection and no SDK timer left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChinaUmsError, createChinaUmsClient, HttpError, NetworkError, PlatformError, ResponseParseError, TimeoutError } from '../../src/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { sendJson, startFaultServer, type Fault, type FaultServer } from './helpers/fault-server.js';
import { failOnPendingSdkTimers, failOnUnhandledRejection } from './helpers/guards.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const CANCEL = { mid: '898201612345678', tid: '88880001', instMid: 'QRPAYDEFAULT', billNo: '31940000201700002', billDate: '2024-01-01', merOrderId: '3194201701010000001' };
const HTML = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
failOnUnhandledRejection();
failOnPendingSdkTimers();

interface Scenario {
  readonly name: string;
  readonly fault: Fault;
  readonly error: new (...args: never[]) => ChinaUmsError;
  readonly code: string;
  /** Attempts for a retry-safe operation (netpayQuery); an unsafe one (billsPreauthCancel) always makes one. */
  readonly safeAttempts: number;
  readonly timeoutMs?: number;
}

const scenarios: Scenario[] = [
  { name: 'HTTP 500', fault: (_q, res) => sendJson(res, 500, { error: 'internal' }), error: HttpError, code: 'HTTP_500', safeAttempts: 3 },
  {
    name: 'HTTP 502 with an HTML page',
    fault: (_q, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(HTML);
    },
    error: HttpError,
    code: 'HTTP_502',
    safeAttempts: 3,
  },
  { name: 'a connection reset', fault: (req) => req.socket.destroy(), error: NetworkError, code: 'NETWORK', safeAttempts: 3 },
  {
    name: 'invalid JSON on HTTP 200',
    fault: (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errCode":"SUCC');
    },
    error: ResponseParseError,
    code: 'INVALID_JSON',
    safeAttempts: 1,
  },
  { name: 'a response slower than the timeout', fault: () => undefined, error: TimeoutError, code: 'TIMEOUT', safeAttempts: 3, timeoutMs: 250 },
  { name: 'HTTP 200 with a platform error', fault: (_q, res) => sendJson(res, 200, { errCode: '9001', errInfo: '参数校验失败' }), error: PlatformError, code: '9001', safeAttempts: 1 },
  { name: 'the sporadic 412 + 9200', fault: (_q, res) => sendJson(res, 412, { errCode: '9200', errInfo: '系统繁忙' }), error: PlatformError, code: '9200', safeAttempts: 3 },
];

/** A short timeout only where the server never answers; elsewhere a generous one, so a busy machine cannot turn a fault into a timeout. */
function client(timeoutMs = 5_000) {
  return createChinaUmsClient({ ...TEST_APP, baseUrl: server.baseUrl, timeoutMs, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
}

describe.each(scenarios)('$name', ({ fault, error: ErrorClass, code, safeAttempts, timeoutMs }) => {
  it(`safe operation → ${ErrorClass.name} after ${safeAttempts} attempt(s)`, async () => {
    server.setFault(fault);
    const error = await client(timeoutMs)
      .netpayQuery(QUERY)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ code, attempts: safeAttempts, operation: 'netpayQuery' });
    expect(server.requests).toHaveLength(safeAttempts);
    expect(new Set(server.requests.map((r) => r.authorization)).size).toBe(safeAttempts); // re-signed each time
  });

  it(`unsafe operation → ${ErrorClass.name} after exactly one attempt`, async () => {
    server.setFault(fault);
    const error = await client(timeoutMs)
      .billsPreauthCancel(CANCEL)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ code, attempts: 1, operation: 'billsPreauthCancel' });
    expect(server.requests).toHaveLength(1);
  });
});

it('the 502 page is kept as rawBody', async () => {
  server.setFault((_q, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(HTML);
  });
  const error = (await client()
    .netpayQuery(QUERY, { retry: false })
    .catch((e: unknown) => e)) as ChinaUmsError;
  expect(error.rawBody).toBe(HTML);
  expect(error.status).toBe(502);
});

it('a fault followed by success recovers on a safe operation', async () => {
  server.setFault((req, res, n) => (n === 1 ? req.socket.destroy() : sendJson(res, 200, { errCode: 'SUCCESS', status: 'TRADE_SUCCESS' })));
  expect(await client().netpayQuery(QUERY)).toMatchObject({ errCode: 'SUCCESS' });
  expect(server.requests).toHaveLength(2);
});
