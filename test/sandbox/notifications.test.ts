import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationHandler, verifyNotification } from '../../src/notifications/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { independentSign } from '../helpers/notification-independent-sign.js';

/** A merchant endpoint on 127.0.0.1 whose answers the test scripts; it records every delivery. */
interface Endpoint {
  url: string;
  bodies: string[];
  answers: string[];
}
const endpoint: Endpoint = { url: '', bodies: [], answers: [] };
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      endpoint.bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.setHeader('content-type', 'text/plain');
      res.end(endpoint.answers.shift() ?? 'SUCCESS');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  endpoint.bodies = [];
  endpoint.answers = [];
});

const fastRetries = { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, attemptTimeoutMs: 2000 } as const;

function sandbox(options: SandboxOptions = {}): Sandbox {
  const created = createSandbox({ notifyKey: 'test-notify-key', ...options, notifications: { ...fastRetries, ...options.notifications } });
  sandboxes.push(created);
  return created;
}

describe('payment notifications', () => {
  it('retries until the endpoint answers SUCCESS: FAILED twice then SUCCESS is 3 deliveries of the same notification', async () => {
    const target = sandbox();
    endpoint.answers = ['FAILED', 'FAILED', 'SUCCESS'];
    const order = target.state.createOrder({ totalAmount: 1, notifyUrl: endpoint.url });
    const { delivery } = await target.state.pay(order.merOrderId);
    expect(delivery?.state).toBe('pending');
    await target.idle();

    expect(endpoint.bodies).toHaveLength(3);
    expect(new Set(endpoint.bodies).size).toBe(1);
    const [log] = target.state.deliveries();
    expect(log).toMatchObject({ state: 'acknowledged', attempts: 3, lastOutcome: 'HTTP 200 "SUCCESS"', merOrderId: order.merOrderId });
  });

  it('gives up after maxAttempts when the endpoint never acknowledges', async () => {
    const target = sandbox({ notifications: { maxAttempts: 2 } });
    endpoint.answers = ['FAILED', 'FAILED', 'FAILED'];
    const order = target.state.createOrder({ totalAmount: 1, notifyUrl: endpoint.url });
    await target.state.pay(order.merOrderId);
    await target.idle();
    expect(endpoint.bodies).toHaveLength(2);
    expect(target.state.deliveries()[0]).toMatchObject({ state: 'gave-up', attempts: 2, lastOutcome: 'HTTP 200 "FAILED"' });
  });

  it('an unreachable notifyUrl is retried and recorded as a network failure', async () => {
    const target = sandbox({ notifications: { maxAttempts: 2 } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const order = target.state.createOrder({ totalAmount: 1, notifyUrl: `http://127.0.0.1:${port}/gone` });
    await target.state.pay(order.merOrderId);
    await target.idle();
    expect(target.state.deliveries()[0]).toMatchObject({ state: 'gave-up', attempts: 2 });
  });

  it.each(['SHA256', 'MD5'] as const)('signs the form (%s) over every field, including a random two-letter one', async (signType) => {
    const target = sandbox({ notifications: { signType } });
    const order = target.state.createOrder({ totalAmount: 250, notifyUrl: endpoint.url, orderDesc: '测试 & 订单+1%' });
    await target.state.pay(order.merOrderId);
    await target.idle();
    const fields = Object.fromEntries(new URLSearchParams(endpoint.bodies[0]));
    expect(fields).toMatchObject({ signType, merOrderId: order.merOrderId, status: 'TRADE_SUCCESS', totalAmount: '250', orderDesc: '测试 & 订单+1%' });
    expect(fields['notifyId']).toMatch(/^[0-9a-f-]{36}$/);
    const extra = Object.keys(fields).filter((name) => /^[A-Za-z]{2}$/.test(name));
    expect(extra).toHaveLength(1);
    // An independent signer agrees, and the SDK's verifier accepts it with the schema check on.
    expect(fields['sign']).toBe(independentSign(fields, 'test-notify-key', { algorithm: signType === 'MD5' ? 'md5' : 'sha256' }));
    const verified = await verifyNotification(endpoint.bodies[0]!, { key: 'test-notify-key' });
    expect(verified).toMatchObject({ ok: true, signType, notification: { totalAmount: 250, status: 'TRADE_SUCCESS' } });
    expect(await verifyNotification(endpoint.bodies[0]!, { key: 'another-key' })).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('a pre-authorisation notification carries the bill and billPayment as a JSON string', async () => {
    const target = sandbox();
    const order = target.state.createOrder({ totalAmount: 2100, kind: 'preauth', notifyUrl: endpoint.url });
    await target.state.pay(order.merOrderId);
    await target.idle();
    const verified = await verifyNotification(endpoint.bodies[0]!, { key: 'test-notify-key' });
    expect(verified).toMatchObject({ ok: true, notification: { billNo: order.billNo, billStatus: 'PAID', billPayment: { totalAmount: 2100, status: 'TRADE_SUCCESS' } } });
  });

  it('is handled once by the SDK handler even though the platform retries', async () => {
    const seen: string[] = [];
    const handler = createNotificationHandler({ key: 'test-notify-key', onNotification: (n) => void seen.push('merOrderId' in n ? (n.merOrderId ?? '') : '') });
    let calls = 0;
    const fetchThroughHandler = async (request: Request) => {
      calls += 1;
      const answer = await handler(request);
      // The first acknowledgement is "lost": the platform delivers again, and the handler dedupes.
      return calls === 1 ? new Response('gateway timeout', { status: 504 }) : answer;
    };
    const target = sandbox({ notifications: { fetch: fetchThroughHandler } });
    const order = target.state.createOrder({ totalAmount: 1, notifyUrl: 'http://merchant.test/notify' });
    await target.state.pay(order.merOrderId);
    await target.idle();
    expect(calls).toBe(2);
    expect(seen).toEqual([order.merOrderId]);
    expect(target.state.deliveries()[0]).toMatchObject({ state: 'acknowledged', attempts: 2 });
  });

  it('close() cancels pending retries', async () => {
    const target = sandbox({ notifications: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    endpoint.answers = ['FAILED'];
    const order = target.state.createOrder({ totalAmount: 1, notifyUrl: endpoint.url });
    await target.state.pay(order.merOrderId);
    await expect.poll(() => endpoint.bodies.length).toBe(1);
    await target.close();
    expect(target.state.deliveries()[0]).toMatchObject({ state: 'cancelled', attempts: 1 });
  });
});
