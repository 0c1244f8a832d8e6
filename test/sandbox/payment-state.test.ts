// The sandbox's payment state machine through `sandbox.state`, the control routes and its pages:
// refunds (partial, full, beyond, idempotent refundOrderId, PROCESSING → SUCCESS), close rules,
// QR bills paid by billNo, and the notification each change pushes (netpay, bills, refund forms).
import { afterEach, describe, expect, it } from 'vitest';
import { verifyNotification, verifyReturnUrl } from '../../src/notifications/index.js';
import { createChinaUmsClient } from '../../src/index.js';
import { createSandbox, DEMO_APP, SandboxInputError, TEST_MERCHANT, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { SANDBOX_BASE } from './sandbox-fixture.js';

const NOTIFY_URL = 'http://merchant.test/notify';
const KEY = 'payment-state-notify-key';
let sandboxes: Sandbox[] = [];
let delivered: URLSearchParams[] = [];

afterEach(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  sandboxes = [];
  delivered = [];
});

function sandbox(options: SandboxOptions = {}): Sandbox {
  const created = createSandbox({
    notifyKey: KEY,
    ...options,
    notifications: {
      initialDelayMs: 1,
      maxAttempts: 1,
      fetch: async (request) => {
        delivered.push(new URLSearchParams(await request.text()));
        return new Response('SUCCESS');
      },
    },
  });
  sandboxes.push(created);
  return created;
}

function clientFor(target: Sandbox) {
  return { client: createChinaUmsClient({ ...DEMO_APP, baseUrl: SANDBOX_BASE, fetch: (request: Request) => target.fetch(request) }) };
}

async function deliveredFields(target: Sandbox): Promise<Record<string, string>[]> {
  await target.idle();
  const out: Record<string, string>[] = [];
  for (const form of delivered) {
    const verified = await verifyNotification(form, { key: KEY });
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
    out.push(Object.fromEntries(form));
  }
  return out;
}

describe('refunds', () => {
  it('refund part twice with one refundOrderId: refunded once, the second answer is the first refund', async () => {
    const target = sandbox();
    const order = target.state.createOrder({ totalAmount: 300, notifyUrl: NOTIFY_URL });
    await target.state.pay(order.merOrderId);
    const first = target.state.refund(order.merOrderId, { refundAmount: 100, refundOrderId: 'REFUND000001' });
    const again = target.state.refund(order.merOrderId, { refundAmount: 100, refundOrderId: 'REFUND000001' });
    expect(first.repeated).toBe(false);
    expect(again.repeated).toBe(true);
    expect(again.refund).toEqual(first.refund);
    expect(target.state.order(order.merOrderId)?.refunds).toHaveLength(1);
    // The rest can still be refunded, but not a fen more.
    expect(() => target.state.refund(order.merOrderId, { refundAmount: 201 })).toThrow(SandboxInputError);
    const rest = target.state.refund(order.merOrderId, { refundAmount: 200 });
    expect(rest.order.status).toBe('TRADE_REFUND');
    expect(() => target.state.refund(order.merOrderId, { refundAmount: 1 })).toThrow(/1\.\.0 fen/);
    const forms = await deliveredFields(target);
    // One payment notification, then one per refund that happened (not for the repeat).
    expect(forms.map((f) => f['refundOrderId'] ?? 'payment')).toEqual(['payment', 'REFUND000001', rest.refund.refundOrderId]);
    expect(forms[1]).toMatchObject({ status: 'TRADE_REFUND', refundAmount: '100', merOrderId: order.merOrderId });
  });

  it('a refundOrderId used by another order is refused', async () => {
    const target = sandbox();
    const a = target.state.createOrder({ totalAmount: 10 });
    const b = target.state.createOrder({ totalAmount: 10 });
    await target.state.pay(a.merOrderId);
    await target.state.pay(b.merOrderId);
    target.state.refund(a.merOrderId, { refundAmount: 5, refundOrderId: 'SHARED00001' });
    expect(() => target.state.refund(b.merOrderId, { refundAmount: 5, refundOrderId: 'SHARED00001' })).toThrow(/another order/);
  });

  it('an unpaid order cannot be refunded', () => {
    const target = sandbox();
    const order = target.state.createOrder({ totalAmount: 10 });
    expect(() => target.state.refund(order.merOrderId, { refundAmount: 1 })).toThrow(/only a paid order/);
  });

  it('the refund-processing fault holds a refund PROCESSING for `polls` queries, then SUCCESS with its notification', async () => {
    const target = sandbox();
    target.faults.arm({ type: 'refund-processing', polls: 2 });
    const order = target.state.createOrder({ totalAmount: 10, notifyUrl: NOTIFY_URL });
    await target.state.pay(order.merOrderId);
    const { refund } = target.state.refund(order.merOrderId, { refundAmount: 10 });
    expect(refund.refundStatus).toBe('PROCESSING');
    // The fault applied to one refund and is used up; it never touched the gateway.
    expect(target.faults.list()).toEqual([]);
    expect((await deliveredFields(target)).filter((f) => f['refundOrderId'])).toEqual([]);

    // Refund queries move it on: PROCESSING on the first, SUCCESS on the second, then notified.
    const { client } = clientFor(target);
    const query = { mid: TEST_MERCHANT.mid, tid: TEST_MERCHANT.tids[0]!, merOrderId: refund.refundOrderId };
    expect((await client.netpayRefundQuery(query)).refundStatus).toBe('PROCESSING');
    expect((await client.netpayRefundQuery(query)).refundStatus).toBe('SUCCESS');
    expect((await client.netpayRefundQuery(query)).refundStatus).toBe('SUCCESS');
    const refundForms = (await deliveredFields(target)).filter((f) => f['refundOrderId']);
    expect(refundForms).toHaveLength(1);
    expect(refundForms[0]).toMatchObject({ refundOrderId: refund.refundOrderId, refundStatus: 'SUCCESS' });
  });

  it('refund-processing takes no operationId and a bounded polls', () => {
    const target = sandbox();
    expect(() => target.faults.arm({ type: 'refund-processing', operationId: 'netpayRefund' } as never)).toThrow(SandboxInputError);
    expect(() => target.faults.arm({ type: 'refund-processing', polls: 0 })).toThrow(SandboxInputError);
  });
});

describe('close', () => {
  it('an unpaid order closes; a paid one cannot', async () => {
    const target = sandbox();
    const unpaid = target.state.createOrder({ totalAmount: 10 });
    expect(target.state.close(unpaid.merOrderId).status).toBe('TRADE_CLOSED');
    await expect(target.state.pay(unpaid.merOrderId)).rejects.toThrow(/only an unpaid order/);
    const paid = target.state.createOrder({ totalAmount: 10 });
    await target.state.pay(paid.merOrderId);
    expect(() => target.state.close(paid.merOrderId)).toThrow(/cannot be closed/);
  });
});

describe('QR bills', () => {
  it('a bill is paid by its billNo and notified in the bills form (billPayment a JSON string, no merOrderId)', async () => {
    const target = sandbox();
    const bill = target.state.createOrder({ kind: 'bill', totalAmount: 2100, billNo: '3194BILL0000001', notifyUrl: NOTIFY_URL });
    expect(bill.merOrderId).toBe('3194BILL00000010');
    expect(bill.qrCodeId).toMatch(/^\d{26}$/);
    const { order } = await target.state.pay('3194BILL0000001');
    expect(order.status).toBe('TRADE_SUCCESS');
    target.state.refund('3194BILL0000001', { refundAmount: 2100, refundOrderId: '3194REFUND01' });
    const [paid, refunded] = await deliveredFields(target);
    expect(paid).toMatchObject({ billNo: '3194BILL0000001', billStatus: 'PAID', totalAmount: '2100' });
    expect(paid).not.toHaveProperty('merOrderId');
    expect(JSON.parse(paid!['billPayment']!)).toMatchObject({ merOrderId: bill.merOrderId, status: 'TRADE_SUCCESS', totalAmount: 2100 });
    expect(refunded).toMatchObject({ billStatus: 'REFUND' });
    expect(JSON.parse(refunded!['refundBillPayment']!)).toMatchObject({ refundOrderId: '3194REFUND01', refundAmount: 2100 });
  });

  it('a repeated billNo is DUP_ORDER', () => {
    const target = sandbox();
    target.state.createOrder({ kind: 'bill', totalAmount: 1, billNo: '3194BILL0000002' });
    expect(() => target.state.createOrder({ kind: 'bill', totalAmount: 1, billNo: '3194BILL0000002' })).toThrow(/DUP_ORDER/);
  });
});

describe('the sandbox pages', () => {
  it('the cashier page shows the order with a Pay button; pressing it pays and notifies', async () => {
    const target = sandbox();
    const order = target.state.createOrder({ totalAmount: 1, notifyUrl: NOTIFY_URL, orderDesc: '<b>escaped</b>' });
    const page = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/cashier/${order.merOrderId}`));
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain(`action="/_sandbox/cashier/${order.merOrderId}/pay"`);
    expect(html).toContain('&lt;b&gt;escaped&lt;/b&gt;');
    const paid = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/cashier/${order.merOrderId}/pay`, { method: 'POST' }));
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('Paid.');
    expect(target.state.order(order.merOrderId)?.status).toBe('TRADE_SUCCESS');
    expect(await deliveredFields(target)).toHaveLength(1);
    // Paying twice is refused on the page, not a crash.
    const twice = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/cashier/${order.merOrderId}/pay`, { method: 'POST' }));
    expect(await twice.text()).toContain('only an unpaid order');
  });

  it('with a returnUrl, paying goes there with the result signed like a notification', async () => {
    const target = sandbox();
    const order = target.state.createOrder({ totalAmount: 5, returnUrl: 'https://shop.test/done?from=ums' });
    const paid = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/cashier/${order.merOrderId}/pay`, { method: 'POST' }));
    expect(paid.status).toBe(303);
    const location = new URL(paid.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://shop.test/done');
    expect(location.searchParams.get('merOrderId')).toBe(order.merOrderId);
    expect(location.searchParams.get('status')).toBe('TRADE_SUCCESS');
    // The merchant's own parameter stays, and the whole URL verifies with the SDK's verifier.
    expect(location.searchParams.get('from')).toBe('ums');
    const verified = await verifyReturnUrl(location.toString(), { key: KEY });
    expect(verified).toMatchObject({ ok: true, fields: { merOrderId: order.merOrderId, status: 'TRADE_SUCCESS' } });
    location.searchParams.set('status', 'TRADE_CLOSED');
    expect((await verifyReturnUrl(location.toString(), { key: KEY })).ok).toBe(false);
  });

  it('a QR bill’s code URL opens a page with the same Pay button', async () => {
    const target = sandbox();
    const bill = target.state.createOrder({ kind: 'bill', totalAmount: 7, billNo: '3194BILL0000003' });
    const page = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/bills/qrCode.do?id=${bill.qrCodeId}`));
    expect(await page.text()).toContain('action="/_sandbox/cashier/3194BILL0000003/pay"');
    const missing = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/bills/qrCode.do?id=nope`));
    expect(missing.status).toBe(404);
  });

  it('a bill is paid through the control route by its billNo', async () => {
    const target = sandbox();
    target.state.createOrder({ kind: 'bill', totalAmount: 7, billNo: '3194BILL0000004' });
    const response = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/orders/3194BILL0000004/pay`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { order: { status: string } }).order.status).toBe('TRADE_SUCCESS');
  });
});

describe('control routes for bills', () => {
  it('POST /_sandbox/orders creates a QR bill (kind bill) with its billNo; a bad returnUrl is refused', async () => {
    const target = sandbox();
    const created = await target.fetch(
      new Request(`${SANDBOX_BASE}/_sandbox/orders`, { method: 'POST', body: JSON.stringify({ kind: 'bill', totalAmount: 9, billNo: '3194BILL0000005' }) }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ kind: 'bill', billNo: '3194BILL0000005', status: 'NEW_ORDER' });
    const refused = await target.fetch(new Request(`${SANDBOX_BASE}/_sandbox/orders`, { method: 'POST', body: JSON.stringify({ totalAmount: 9, returnUrl: 'ftp://x' }) }));
    expect(refused.status).toBe(400);
  });
});
