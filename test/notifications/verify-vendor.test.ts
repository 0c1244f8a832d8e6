// The vendor's signed example (protocol.md §4) in every input shape, and every single change to it.
import { describe, expect, it } from 'vitest';
import { assertNotification, isOrderPaymentNotification, NotificationVerificationError, verifyNotification } from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, VENDOR_SIGN, vendorFormBody, vendorNotification, withoutField } from '../helpers/notification-fixtures.js';

const key = VENDOR_KEY;

describe('the vendor example verifies', () => {
  it('as the raw form body (string)', async () => {
    const result = await verifyNotification(vendorFormBody(), { key });
    expect(result).toMatchObject({ ok: true, signType: 'SHA256', keyIndex: 0 });
  });

  it('as bytes, URLSearchParams, a record, and a Request', async () => {
    const body = vendorFormBody();
    const inputs = [
      new TextEncoder().encode(body),
      new TextEncoder().encode(body).buffer,
      new URLSearchParams(body),
      vendorNotification(),
      new Request('http://127.0.0.1/notify', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body,
      }),
    ];
    for (const input of inputs) {
      const result = await verifyNotification(input, { key });
      expect(result.ok, result.ok ? '' : result.message).toBe(true);
    }
  });

  it('as a JSON body (older systems), by content type and by its leading brace', async () => {
    const json = JSON.stringify(vendorNotification());
    expect((await verifyNotification(json, { key })).ok).toBe(true);
    const request = new Request('http://127.0.0.1/notify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    expect((await verifyNotification(request, { key })).ok).toBe(true);
    expect((await verifyNotification(`\n  ${json}`, { key })).ok).toBe(true);
  });

  it('as JSON whose amounts are numbers (signed as String(n))', async () => {
    const record: Record<string, unknown> = { ...vendorNotification(), totalAmount: 1, invoiceAmount: 1 };
    expect((await verifyNotification(JSON.stringify(record), { key })).ok).toBe(true);
  });

  it('with the sign in lowercase hex', async () => {
    const result = await verifyNotification(vendorNotification({ sign: VENDOR_SIGN.toLowerCase() }), { key });
    expect(result.ok).toBe(true);
  });

  it('with either of two rotating keys, reporting which one', async () => {
    const result = await verifyNotification(vendorFormBody(), { keys: ['an-older-key-that-no-longer-signs', key] });
    expect(result).toMatchObject({ ok: true, keyIndex: 1 });
  });

  it('gives typed values and keeps the untouched strings in raw', async () => {
    const result = await assertNotification(vendorFormBody(), { key });
    const { notification } = result;
    if (!isOrderPaymentNotification(notification)) throw new Error('the vendor sample is an order payment');
    expect(notification.totalAmount).toBe(1);
    expect(notification.buyerPayAmount).toBe(1);
    expect(notification.merName).toBe('测试退货5(1111)');
    expect(notification.payTime).toBe('2022-06-21 17:13:04');
    expect(result.raw['totalAmount']).toBe('1');
    expect(result.raw['ns']).toBe('cyuT');
    expect(Object.isFrozen(result.raw)).toBe(true);
    expect(Object.getPrototypeOf(result.raw)).toBeNull();
    expect(result.raw['constructor']).toBeUndefined();
  });
});

describe('any single change is rejected', () => {
  const names = Object.keys(VENDOR_FIELDS);

  it.each(names)('changing %s', async (name) => {
    const changed = vendorNotification({ [name]: `${VENDOR_FIELDS[name]}x` });
    const result = await verifyNotification(new URLSearchParams(changed).toString(), { key });
    expect(result).toMatchObject({ ok: false, reason: name === 'signType' ? 'unsupported-sign-type' : 'bad-signature' });
  });

  it('changing signType to another spelling of the same algorithm (the value itself is signed)', async () => {
    const result = await verifyNotification(vendorFormBody({ signType: 'sha256' }), { key });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it.each(names)('removing %s', async (name) => {
    const result = await verifyNotification(new URLSearchParams(withoutField(vendorNotification(), name)).toString(), { key });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('adding a field (unknown fields are signed too)', async () => {
    const result = await verifyNotification(vendorFormBody({ Ue: 'hobh' }), { key });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('adding an empty field is fine only because empty values may be left out', async () => {
    expect((await verifyNotification(vendorFormBody({ extra: '' }), { key })).ok).toBe(true);
  });

  it('changing one digit of the sign', async () => {
    const sign = `${VENDOR_SIGN.slice(0, 10)}${VENDOR_SIGN[10] === '0' ? '1' : '0'}${VENDOR_SIGN.slice(11)}`;
    expect(await verifyNotification(vendorFormBody({ sign }), { key })).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('a wrong key', async () => {
    const result = await verifyNotification(vendorFormBody(), { key: `${key.slice(0, -1)}X` });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
    if (!result.ok) expect(result.message).toMatch(/notification \(communication\) key/);
  });

  it('the throwing variant throws NotificationVerificationError with the reason', async () => {
    const error = await assertNotification(vendorFormBody({ totalAmount: '2' }), { key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationVerificationError);
    expect(error).toMatchObject({ reason: 'bad-signature', code: 'bad-signature' });
  });
});
