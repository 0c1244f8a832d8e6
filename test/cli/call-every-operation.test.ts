// `chinaums call` runs every operation of the generated table against a sandbox, and `chinaums
// h5-url` prints each H5 page's signed URL (checked by an independent signer and by the sandbox).
// In-process (the commands' run()), with the sandbox on 127.0.0.1: one child process per call would be slow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { callCommand } from '../../src/cli/commands/call.js';
import { h5UrlCommand } from '../../src/cli/commands/h5-url.js';
import type { CliIo, Command } from '../../src/cli/command.js';
import { DEMO_APP, TEST_MERCHANT } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { checkFormUrl } from '../helpers/open-form-param.js';

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(async () => {
  await server?.close();
});

const { mid, msgSrcId } = TEST_MERCHANT;
const tid = TEST_MERCHANT.tids[0]!;
let counter = 0;
const newId = (length = 28) => `${msgSrcId}${Date.now()}${String(++counter).padStart(6, '0')}`.slice(0, length);
const callable = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter((op) => op.sdkMethod);
const pages = callable.filter((op) => op.transport === 'browser-redirect');

async function run(command: Command, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (line) => void out.push(line), stderr: (line) => void err.push(line), env: {}, readStdin: async () => new Uint8Array(), stdinIsTerminal: true };
  const code = await command.run(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const wechat = { subAppId: 'wxsandbox00000000', subOpenId: 'o8wNsandboxopenid000000000' };
const h5 = (op: OperationDescriptor) => ({
  mid,
  tid,
  instMid: 'H5DEFAULT',
  merOrderId: newId(),
  totalAmount: 1,
  orderDesc: 'CLI page',
  ...(op.path.includes('/wxpay/') ? { sceneType: 'AND_WAP', merAppName: 'sandbox shop', merAppId: 'https://shop.test' } : {}),
});

/** A body for each operation, with the sandbox state it needs; a new operation must add one. */
const bodies: Readonly<Record<string, (op: OperationDescriptor) => Promise<Record<string, unknown>>>> = {
  async netpayQuery() {
    const order = server.sandbox.state.createOrder({ totalAmount: 1 });
    return { mid, tid, instMid: order.instMid, merOrderId: order.merOrderId };
  },
  async netpayRefundQuery() {
    const order = server.sandbox.state.createOrder({ totalAmount: 2 });
    await server.sandbox.state.pay(order.merOrderId);
    const { refund } = server.sandbox.state.refund(order.merOrderId, { refundAmount: 1 });
    return { mid, tid, instMid: order.instMid, merOrderId: refund.refundOrderId };
  },
  async billsPreauthCancel() {
    const order = server.sandbox.state.createOrder({ totalAmount: 3, kind: 'preauth' });
    await server.sandbox.state.pay(order.merOrderId);
    return { mid, tid, instMid: 'QRPAYDEFAULT', billNo: order.billNo, billDate: order.billDate, merOrderId: order.merOrderId };
  },
  async payPointOrderSync() {
    const order = server.sandbox.state.createPayPointOrder();
    return { fenOrderId: order.fenOrderId, mid, serviceId: order.serviceId, type: 'Order_Paid', detail: { paidTime: '20200101120000' } };
  },
  netpayWxUnifiedOrder: async () => ({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId: newId(), totalAmount: 1, ...wechat }),
  netpayTradeCreate: async () => ({ mid, tid, instMid: 'MINIDEFAULT', tradeType: 'MINI', merOrderId: newId(), totalAmount: 1, userId: '2088102175953034' }),
  netpayWxAppPreOrder: async () => ({ mid, tid, instMid: 'APPDEFAULT', merOrderId: newId(), totalAmount: 1, subAppId: wechat.subAppId }),
  netpayTradePrecreate: async () => ({ mid, tid, instMid: 'APPDEFAULT', merOrderId: newId(), totalAmount: 1 }),
  netpayUacAppOrder: async () => ({ mid, tid, instMid: 'APPDEFAULT', merOrderId: newId(), totalAmount: 1 }),
  async netpayRefund() {
    const order = server.sandbox.state.createOrder({ totalAmount: 5, merOrderId: newId() });
    await server.sandbox.state.pay(order.merOrderId);
    return { mid, tid, instMid: order.instMid, merOrderId: order.merOrderId, refundAmount: 5 };
  },
  async netpayClose() {
    const order = server.sandbox.state.createOrder({ totalAmount: 5 });
    return { mid, tid, instMid: order.instMid, merOrderId: order.merOrderId };
  },
  billsGetQrcode: async () => ({ mid, tid, instMid: 'QRPAYDEFAULT', billNo: newId(27), totalAmount: 1 }),
  async billsQuery() {
    const bill = server.sandbox.state.createOrder({ kind: 'bill', totalAmount: 1, billNo: newId(27) });
    return { mid, tid, instMid: 'QRPAYDEFAULT', billNo: bill.billNo, billDate: bill.billDate };
  },
  async billsRefund() {
    const bill = server.sandbox.state.createOrder({ kind: 'bill', totalAmount: 4, billNo: newId(27) });
    await server.sandbox.state.pay(bill.merOrderId);
    return { mid, tid, instMid: 'QRPAYDEFAULT', billNo: bill.billNo, billDate: bill.billDate, refundAmount: 4 };
  },
  async billsCloseQrcode() {
    const bill = server.sandbox.state.createOrder({ kind: 'bill', totalAmount: 1, billNo: newId(27) });
    return { mid, tid, instMid: 'QRPAYDEFAULT', qrCodeId: bill.qrCodeId };
  },
  netpayTradeH5Pay: async (op) => h5(op),
  netpayWxpayH5Pay: async (op) => h5(op),
  netpayUacOrder: async (op) => h5(op),
  netpayWxpayH5ToMinipay: async (op) => h5(op),
};

describe('chinaums call, for every operation', () => {
  it('--list prints each operation of the generated table once', async () => {
    const result = await run(callCommand, ['--list']);
    expect(result.code).toBe(0);
    const listed = result.stdout.split('\n').map((line) => line.split(/\s+/)[0]);
    expect(listed).toEqual(callable.map((op) => op.operationId));
  });

  it('has a body for every operation (a new operation needs one here)', () => {
    expect(Object.keys(bodies).sort()).toEqual(callable.map((op) => op.operationId).sort());
  });

  it.each(callable.map((op) => [op.operationId, op] as const))('%s runs against the sandbox and exits 0', async (operationId, op) => {
    const body = await bodies[operationId]!(op);
    const result = await run(callCommand, [operationId, '--sandbox', server.url, '--body', JSON.stringify(body)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    if (op.transport === 'browser-redirect') {
      expect(checkFormUrl(result.stdout, DEMO_APP.appId, DEMO_APP.appKey)).toBeNull();
    } else {
      const answer = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(answer[op.result.codeField]).toBe(op.result.success[0]);
    }
  });
});

describe('chinaums h5-url', () => {
  it.each(pages.map((op) => [op.operationId, op] as const))('%s prints a URL an independent signer accepts and the sandbox redirects to its cashier', async (operationId, op) => {
    const body = await bodies[operationId]!(op);
    const result = await run(h5UrlCommand, [operationId, '--sandbox', server.url, '--body', JSON.stringify(body)]);
    expect(result.code).toBe(0);
    expect(checkFormUrl(result.stdout, DEMO_APP.appId, DEMO_APP.appKey)).toBeNull();
    expect(result.stdout).not.toContain(DEMO_APP.appKey);
    const response = await fetch(result.stdout, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${server.url}/_sandbox/cashier/${String(body['merOrderId'])}`);
  });

  it('a JSON operation is not a page: a usage error naming the pages', async () => {
    await expect(run(h5UrlCommand, ['netpayQuery', '--sandbox', server.url, '--body', '{}'])).rejects.toThrow(/netpayQuery is not an H5 page \(pages: .*netpayTradeH5Pay/);
  });
});
