import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChinaUmsClient, HttpError, NetworkError, PlatformError, TimeoutError } from '../../src/index.js';
import { createSandbox, DEMO_APP, sandboxMswHandler, TEST_MERCHANT } from '../../src/sandbox/index.js';
import { loadSandboxSeedFile, startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { operations } from '../../generated/operations.js';
import { checkAnswer } from './sandbox-fixture.js';

const SEED_FILE = new URL('../../examples/sandbox-seed.json', import.meta.url).pathname;
const query = { mid: TEST_MERCHANT.mid, tid: TEST_MERCHANT.tids[0]!, instMid: 'YUEDANDEFAULT' };
let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ seed: await loadSandboxSeedFile(SEED_FILE) });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await fetch(`${server.url}/_sandbox/reset`, { method: 'POST' });
});

const client = (options: { retry?: false; timeoutMs?: number } = {}) => createChinaUmsClient({ ...DEMO_APP, baseUrl: server.url, ...options });
/** Faults are seen one request at a time: the client's own retries would hide them. */
const noRetry = () => client({ retry: false });

async function control(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}/_sandbox${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & Record<number, unknown> };
}

describe('the node:http adapter', () => {
  it('listens on 127.0.0.1 with a free port and answers the client over HTTP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await client().netpayQuery({ ...query, merOrderId: '327M202204141724489725391331' });
    expect(answer).toMatchObject({ status: 'TRADE_SUCCESS', totalAmount: 100 });
  });

  it('refuses to listen beyond loopback', async () => {
    await expect(startSandboxServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
});

describe('the example seed', () => {
  it('answers consistently for paid, refunded, unpaid, pre-authorised and pay-point orders', async () => {
    const ums = client();
    const refunded = await ums.netpayRefundQuery({ mid: query.mid, tid: query.tid, merOrderId: '327M202204141724489725391332' });
    expect(refunded).toMatchObject({ status: 'TRADE_REFUND', refundStatus: 'SUCCESS', refundAmount: 100 });
    expect((await ums.netpayQuery({ ...query, merOrderId: '327M202204141724489725391333' })).status).toBe('NEW_ORDER');
    const preauth = await control('/orders/124F20230719120217929621620');
    const cancelled = await ums.billsPreauthCancel({
      mid: '89844035541APR4',
      tid: 'APR40001',
      instMid: 'QRPAYDEFAULT',
      billNo: preauth.body['billNo'] as string,
      billDate: preauth.body['billDate'] as string,
      merOrderId: '124F20230719120217929621620',
    });
    expect(cancelled).toMatchObject({ billStatus: 'CLOSED', billPayment: { status: 'TRADE_CLOSED' } });
    const synced = await ums.payPointOrderSync({
      fenOrderId: '1000000000201912061234567890',
      mid: query.mid,
      serviceId: '500001000000000000000000000000',
      type: 'Order_Paid',
      detail: { paidTime: '20240101000000' },
    });
    expect(synced).toMatchObject({ respCode: '0000' });
  });

  it('names the bad entry of a broken seed', async () => {
    expect(() => createSandbox({ seed: { orders: [{ totalAmount: -1 }] } as never })).toThrow(/seed\.orders\[0\]\.totalAmount/);
    await expect(loadSandboxSeedFile('/nonexistent/seed.json')).rejects.toThrow(/Cannot read the seed file/);
  });
});

describe('control routes', () => {
  it('create, pay, refund and list orders', async () => {
    const created = await control('/orders', { body: { totalAmount: 300, merOrderId: 'CTRL00000001' } });
    expect(created).toMatchObject({ status: 201, body: { merOrderId: 'CTRL00000001', status: 'NEW_ORDER', totalAmount: 300 } });
    expect((await control('/orders/CTRL00000001/pay', { body: {} })).body).toMatchObject({ order: { status: 'TRADE_SUCCESS' } });
    const refund = await control('/orders/CTRL00000001/refund', { body: { refundAmount: 100 } });
    expect(refund.body).toMatchObject({ order: { status: 'TRADE_REFUND' }, refund: { refundAmount: 100 } });
    const list = (await control('/orders')).body as unknown as { merOrderId: string }[];
    expect(list.map((o) => o.merOrderId)).toContain('CTRL00000001');
    const info = await control('');
    // Every operation of the generated table, however many the spec has.
    expect((info.body['operations'] as { operationId: string }[]).map((o) => o.operationId).sort()).toEqual(Object.keys(operations).sort());
  });

  it('answer clear 4xx errors', async () => {
    expect(await control('/orders', { body: { totalAmount: 'ten' } })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    expect(await control('/orders/NOPE00001/pay', { body: {} })).toMatchObject({ status: 404 });
    await control('/orders', { body: { totalAmount: 1, merOrderId: 'CTRL00000002' } });
    expect(await control('/orders/CTRL00000002/refund', { body: {} })).toMatchObject({ status: 409 });
    expect(await control('/orders', { body: { totalAmount: 1, merOrderId: 'CTRL00000002' } })).toMatchObject({ status: 409 });
    expect(await control('/nothing')).toMatchObject({ status: 404 });
  });

  it('reads every body with one size limit, also when no Content-Length announces it (chunked)', async () => {
    const oversized = new Uint8Array(1024 * 1024 + 1).fill(0x20);
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < oversized.length; offset += 64 * 1024) controller.enqueue(oversized.subarray(offset, offset + 64 * 1024));
          controller.close();
        },
      });
    const post = (path: string) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked(), duplex: 'half' } as RequestInit);
    const business = await post(operations.netpayQuery.path);
    expect(business.status).toBe(413);
    expect(await business.json()).toMatchObject({ errCode: '9001', errInfo: expect.stringContaining('larger than 1048576 bytes') });
    const scenario = await post('/_sandbox/orders');
    expect(scenario.status).toBe(400);
    expect(await scenario.json()).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('larger than 1048576 bytes') } });
    // A body within the limit still streams through whole.
    expect(await control('/orders', { body: { totalAmount: 5, merOrderId: 'CTRL00000003', orderDesc: 'x'.repeat(200_000) } })).toMatchObject({ status: 201 });
  });
});

describe('fault switches, each for the next N requests', () => {
  const merOrderId = '327M202204141724489725391331';

  it('platform-9200: 412 errCode 9200 (then normal again)', async () => {
    await control('/faults', { body: { type: 'platform-9200', count: 1 } });
    const error = await noRetry().netpayQuery({ ...query, merOrderId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: '9200', status: 412 });
    await expect(noRetry().netpayQuery({ ...query, merOrderId })).resolves.toMatchObject({ status: 'TRADE_SUCCESS' });
  });

  it('the client retries a retry-safe call through sporadic 9200s, and not a state-changing one', async () => {
    await control('/faults', { body: { type: 'platform-9200', count: 2 } });
    const ums = createChinaUmsClient({ ...DEMO_APP, baseUrl: server.url, retry: { baseDelayMs: 1, maxAttempts: 3 } });
    await expect(ums.netpayQuery({ ...query, merOrderId })).resolves.toMatchObject({ status: 'TRADE_SUCCESS' });
    expect((await control('/faults')).body).toEqual([]);
    await control('/faults', { body: { type: 'platform-9200', count: 1, operationId: 'payPointOrderSync' } });
    const sync = { fenOrderId: '1000000000201912061234567890', mid: query.mid, serviceId: '500001000000000000000000000000', type: 'Order_Paid' as const };
    await expect(ums.payPointOrderSync({ ...sync, detail: { paidTime: '20240101000000' } })).rejects.toMatchObject({ code: '9200' });
  });

  it('http-error: a non-JSON gateway page with a 5xx status, for one operation only', async () => {
    await control('/faults', { body: { type: 'http-error', status: 503, count: 2, operationId: 'netpayQuery' } });
    expect((await control('/faults')).body).toEqual([expect.objectContaining({ remaining: 2 })]);
    await expect(noRetry().netpayRefundQuery({ mid: query.mid, tid: query.tid, merOrderId: '327M202204141724489725391332' })).resolves.toBeDefined();
    await expect(noRetry().netpayQuery({ ...query, merOrderId })).rejects.toBeInstanceOf(HttpError);
    await expect(noRetry().netpayQuery({ ...query, merOrderId })).rejects.toMatchObject({ status: 503 });
    await expect(noRetry().netpayQuery({ ...query, merOrderId })).resolves.toBeDefined();
  });

  it('drop: the connection closes without an answer', async () => {
    await control('/faults', { body: { type: 'drop' } });
    await expect(noRetry().netpayQuery({ ...query, merOrderId })).rejects.toBeInstanceOf(NetworkError);
  });

  it('delay: answers late, so the client per-attempt timeout fires', async () => {
    await control('/faults', { body: { type: 'delay', ms: 2000 } });
    const error = await client({ retry: false, timeoutMs: 100 }).netpayQuery({ ...query, merOrderId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await control('/faults', { body: { type: 'delay', ms: 20 } });
    // A generous timeout for the short delay: 2 s was missed on a loaded 2-core machine.
    await expect(client({ retry: false, timeoutMs: 15_000 }).netpayQuery({ ...query, merOrderId })).resolves.toMatchObject({ status: 'TRADE_SUCCESS' });
  });

  it('faults can be armed from options and cleared', async () => {
    const sandbox = createSandbox({ faults: [{ type: 'platform-9200', count: 5 }] });
    expect(sandbox.faults.list()).toEqual([{ fault: { type: 'platform-9200', count: 5 }, remaining: 5 }]);
    sandbox.faults.clear();
    expect(sandbox.faults.list()).toEqual([]);
    expect(() => sandbox.faults.arm({ type: 'delay', ms: 10 ** 9 })).toThrow(/fault\.ms/);
    await sandbox.close();
  });
});

describe('inside msw', () => {
  it('serves the platform host through one http.all handler', async () => {
    const sandbox = createSandbox();
    const mswServer = setupServer(sandboxMswHandler(http, sandbox, 'https://test-api-open.chinaums.com'));
    mswServer.listen({ onUnhandledRequest: 'error' });
    try {
      const order = sandbox.state.createOrder({ totalAmount: 42 });
      await sandbox.state.pay(order.merOrderId);
      const ums = createChinaUmsClient({ ...DEMO_APP, environment: 'test', retry: false });
      const answer = await ums.netpayQuery({ ...query, merOrderId: order.merOrderId });
      expect(answer).toMatchObject({ status: 'TRADE_SUCCESS', totalAmount: 42 });
      const drop = sandbox.faults.arm({ type: 'drop' });
      expect(drop.remaining).toBe(1);
      await expect(ums.netpayQuery({ ...query, merOrderId: order.merOrderId })).rejects.toBeInstanceOf(NetworkError);
    } finally {
      mswServer.close();
      await sandbox.close();
    }
  });
});

describe('answers match the spec', () => {
  it('every happy-path answer over HTTP validates', async () => {
    const raw = await fetch(`${server.url}/_sandbox/orders`).then((r) => r.json());
    expect(Array.isArray(raw)).toBe(true);
    const result = checkAnswer('netpayQuery', 200, JSON.stringify(await client().netpayQuery({ ...query, merOrderId: '327M202204141724489725391331' })));
    expect(result.problems).toBeUndefined();
  });
});
