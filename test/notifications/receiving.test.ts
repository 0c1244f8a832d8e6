// Open-world receiving: a notification whose signature verifies always reaches the callback;
// what the spec does not document is reported (problems, logger), refused only on request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationLogger } from '../../src/notifications/index.js';
import {
  createNodeNotificationHandler,
  createNotificationHandler,
  encodeNotificationForm,
  signNotification,
  verifyNotification,
} from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';

const key = VENDOR_KEY;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (body: string) => new Request('http://127.0.0.1/notify', { method: 'POST', headers: FORM, body });

async function signedBody(fields: Record<string, string>): Promise<string> {
  return encodeNotificationForm({ ...fields, sign: await signNotification(fields, { key }) });
}

function recordingLogger() {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const logger: NotificationLogger = { warn: (message, fields) => lines.push({ message, fields }) };
  return { logger, lines };
}

/** The vendor's §1.9.4 signing example (every vendor document): no signType field, MD5 and SHA256 signs printed. */
const VENDOR_1_9_4_FIELDS = {
  walletOption: 'SINGLE',
  billNo: '31940000201700002',
  billDate: '2017-06-26',
  requestTimestamp: '2017-06-26 17:28:02',
  instMid: 'QRPAYDEFAULT',
  msgSrc: 'WWW.TEST.COM',
  totalAmount: '1',
  goods: '[{"body":"微信二维码测试","price":"1","goodsName":"微信二维码测试","goodsId":"1","quantity":"1","goodsCategory":"TEST"}]',
  msgType: 'bills.getQRCode',
  mid: '898340149000005',
  tid: '88880001',
};
const VENDOR_1_9_4_MD5 = '57F81BAF8E3BAE1190B26D6C733038AF';
const VENDOR_1_9_4_SHA256 = 'a9eced8dd8425d1fc4047cf94e672c69ed1073557ee831c51287341cfab0b21f';

describe('a genuine notification with values the spec does not document', () => {
  it('runs the callback, answers SUCCESS, passes the problems, and warns the logger (no key, no values)', async () => {
    const onNotification = vi.fn();
    const { logger, lines } = recordingLogger();
    const handle = createNotificationHandler({ key, onNotification, logger });
    const body = await signedBody({ ...VENDOR_FIELDS, status: 'TRADE_PENDING', totalAmount: '1.00' });
    const response = await handle(post(body));
    expect([response.status, await response.text()]).toEqual([200, 'SUCCESS']);
    expect(onNotification).toHaveBeenCalledTimes(1);
    const [notification, context] = onNotification.mock.calls[0]!;
    expect(notification.status).toBe('TRADE_PENDING');
    expect(notification.totalAmount).toBeUndefined();
    expect(context.raw.totalAmount).toBe('1.00');
    expect(context.problems.map((p: { instancePath: string }) => p.instancePath).sort()).toEqual(['/status', '/totalAmount']);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toMatch(/accepted .*totalAmount.*status/);
    expect(lines[0]!.message).toContain(VENDOR_FIELDS['notifyId']);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(key);
    expect(logged).not.toContain('TRADE_PENDING');
  });

  it('a clean notification logs nothing', async () => {
    const { logger, lines } = recordingLogger();
    const handle = createNotificationHandler({ key, onNotification: () => undefined, logger });
    expect((await handle(post(vendorFormBody()))).status).toBe(200);
    expect(lines).toEqual([]);
  });

  it('the default logger is console.warn, for problems and for refusals; logger: false silences it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const handle = createNotificationHandler({ key, onNotification: () => undefined, store: false });
      await handle(post(await signedBody({ ...VENDOR_FIELDS, cardAttr: 'BALANCE' })));
      await handle(post(vendorFormBody({ totalAmount: '100' })));
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringMatching(/accepted .*cardAttr/),
        expect.stringMatching(/refused \(bad-signature\)/),
      ]);
      warn.mockClear();
      const quiet = createNotificationHandler({ key, onNotification: () => undefined, store: false, logger: false });
      await quiet(post(await signedBody({ ...VENDOR_FIELDS, cardAttr: 'BALANCE' })));
      await quiet(post(vendorFormBody({ totalAmount: '100' })));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("schema: 'refuse' answers 422 FAILED without running the callback, and logs the refusal", async () => {
    const onNotification = vi.fn();
    const { logger, lines } = recordingLogger();
    const handle = createNotificationHandler({ key, onNotification, logger, schema: 'refuse' });
    const response = await handle(post(await signedBody({ ...VENDOR_FIELDS, status: 'TRADE_PENDING' })));
    expect([response.status, await response.text()]).toEqual([422, 'FAILED']);
    expect(onNotification).not.toHaveBeenCalled();
    expect(lines[0]!.message).toMatch(/refused \(schema-mismatch\).*status/);
  });

  it('a misspelt schema option or a logger without warn is a ConfigurationError', () => {
    const onNotification = () => undefined;
    expect(() => createNotificationHandler({ key, onNotification, schema: 'strict' as 'refuse' })).toThrow(/Unknown schema "strict"/);
    expect(() => createNotificationHandler({ key, onNotification, logger: {} as NotificationLogger })).toThrow(/warn\(message, fields\)/);
  });

  it("the vendor's signed H5 SHA256 sample reaches the callback with no problems", async () => {
    const onNotification = vi.fn();
    const handle = createNotificationHandler({ key, onNotification, logger: false });
    expect((await handle(post(vendorFormBody()))).status).toBe(200);
    expect(onNotification.mock.calls[0]![1].problems).toEqual([]);
  });
});

describe('the Node adapter (a real server on 127.0.0.1)', () => {
  it('runs the callback and answers SUCCESS for a genuine notification with unfamiliar values', async () => {
    const onNotification = vi.fn();
    const { logger, lines } = recordingLogger();
    const handle = createNodeNotificationHandler({ key, onNotification, logger });
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
      const body = await signedBody({ ...VENDOR_FIELDS, status: 'TRADE_PENDING', payTime: '2022-06-21 17:13:04.123' });
      const response = await fetch(url, { method: 'POST', headers: FORM, body });
      expect([response.status, await response.text()]).toEqual([200, 'SUCCESS']);
      expect(onNotification.mock.calls[0]![0]).toMatchObject({ status: 'TRADE_PENDING', payTime: '2022-06-21 17:13:04.123' });
      expect(lines).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('signType', () => {
  it('is read case-insensitively by the verifier and the schema alike (no problem for sha256 or Md5)', async () => {
    for (const signType of ['sha256', 'Sha256', 'SHA-256']) {
      const result = await verifyNotification(await signedBody({ ...VENDOR_FIELDS, signType }), { key });
      expect(result).toMatchObject({ ok: true, signType: 'SHA256', problems: [] });
    }
    const md5 = { ...VENDOR_FIELDS, signType: 'Md5' };
    const result = await verifyNotification(encodeNotificationForm({ ...md5, sign: await signNotification(md5, { key }) }), { key });
    expect(result).toMatchObject({ ok: true, signType: 'MD5', problems: [] });
  });

  it('when absent, MD5 and SHA256 are both accepted', async () => {
    const { signType: _dropped, ...fields } = VENDOR_FIELDS;
    for (const signType of ['MD5', 'SHA256'] as const) {
      const sign = await signNotification(fields, { key, signType });
      const result = await verifyNotification(encodeNotificationForm({ ...fields, sign }), { key });
      expect(result).toMatchObject({ ok: true, signType, problems: [] });
    }
  });

  it("signNotification reproduces the vendor's §1.9.4 example, which has no signType (MD5 and SHA256)", async () => {
    expect(await signNotification(VENDOR_1_9_4_FIELDS, { key, signType: 'MD5' })).toBe(VENDOR_1_9_4_MD5);
    expect(await signNotification(VENDOR_1_9_4_FIELDS, { key })).toBe(VENDOR_1_9_4_SHA256.toUpperCase());
    const result = await verifyNotification(encodeNotificationForm({ ...VENDOR_1_9_4_FIELDS, sign: VENDOR_1_9_4_MD5 }), { key });
    expect(result).toMatchObject({ ok: true, signType: 'MD5' });
  });
});
