// Each refusal reason, empty-value handling, MD5, schema conversion and prototype-named fields.
import { describe, expect, it } from 'vitest';
import { encodeNotificationForm, isBillNotification, signNotification, verifyNotification } from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody, vendorNotification, withoutField } from '../helpers/notification-fixtures.js';
import { independentSign } from '../helpers/notification-independent-sign.js';

const key = VENDOR_KEY;

async function signed(fields: Record<string, string>, signType?: 'MD5' | 'SHA256'): Promise<Record<string, string>> {
  return { ...fields, sign: await signNotification(fields, signType ? { key, signType } : { key }) };
}

describe('refusal reasons', () => {
  it('no-key', async () => {
    expect(await verifyNotification(vendorFormBody(), { key: '' })).toMatchObject({ ok: false, reason: 'no-key' });
    expect(await verifyNotification(vendorFormBody(), { keys: [] })).toMatchObject({ ok: false, reason: 'no-key' });
    expect(await verifyNotification(vendorFormBody(), { keys: [key, 42 as unknown as string] })).toMatchObject({ reason: 'no-key' });
  });

  it('missing-sign', async () => {
    expect(await verifyNotification(withoutField(vendorNotification(), 'sign'), { key })).toMatchObject({ reason: 'missing-sign' });
    expect(await verifyNotification(vendorFormBody({ sign: '' }), { key })).toMatchObject({ reason: 'missing-sign' });
    expect(await verifyNotification('', { key })).toMatchObject({ reason: 'missing-sign' });
  });

  it('unsupported-sign-type', async () => {
    expect(await verifyNotification(vendorFormBody({ signType: 'RSA2' }), { key })).toMatchObject({ reason: 'unsupported-sign-type' });
  });

  it('malformed-body: repeated keys, broken JSON, non-objects, nested values, bad UTF-8', async () => {
    const repeated = `${vendorFormBody()}&totalAmount=1`;
    const cases: unknown[] = [
      repeated,
      '{"sign": ',
      '{"a": 1',
      { ...vendorNotification(), goods: [{ a: 1 }] },
      new Uint8Array([0x73, 0x69, 0x67, 0x6e, 0x3d, 0xff, 0xfe]),
      null,
      42,
      [['sign', 'x']],
    ];
    for (const input of cases) {
      const result = await verifyNotification(input as string, { key });
      expect(result, String(input)).toMatchObject({ ok: false, reason: 'malformed-body' });
    }
    const repeatedResult = await verifyNotification(repeated, { key });
    expect(repeatedResult.ok ? '' : repeatedResult.message).toMatch(/repeats `totalAmount`/);
  });

  it('body-too-large, for strings, bytes, records and Requests with or without Content-Length', async () => {
    const big = `${vendorFormBody()}&pad=${'x'.repeat(70_000)}`;
    expect(await verifyNotification(big, { key })).toMatchObject({ reason: 'body-too-large' });
    expect(await verifyNotification(new TextEncoder().encode(big), { key })).toMatchObject({ reason: 'body-too-large' });
    expect(await verifyNotification({ ...vendorNotification(), pad: 'x'.repeat(70_000) }, { key })).toMatchObject({ reason: 'body-too-large' });
    expect(await verifyNotification(vendorFormBody(), { key, maxBodyBytes: 100 })).toMatchObject({ reason: 'body-too-large' });
    const streamed = new Request('http://127.0.0.1/', {
      method: 'POST',
      body: new ReadableStream({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('a'.repeat(16_384)));
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(await verifyNotification(streamed, { key })).toMatchObject({ reason: 'body-too-large' });
  });

  it('unsupported-content-type for a Request that is not form or JSON', async () => {
    const request = new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: vendorFormBody() });
    expect(await verifyNotification(request, { key })).toMatchObject({ reason: 'unsupported-content-type' });
  });

  it('a Request whose body was already read', async () => {
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: vendorFormBody() });
    await request.text();
    expect(await verifyNotification(request, { key })).toMatchObject({ reason: 'malformed-body' });
  });
});

describe('empty values', () => {
  const fields = { ...VENDOR_FIELDS, bankInfo: '', targetMid: '' };

  it('verify whether the sender left them out or kept them', async () => {
    for (const includeEmpty of [false, true]) {
      const sign = independentSign(fields, key, { includeEmpty });
      expect((await verifyNotification({ ...fields, sign }, { key })).ok).toBe(true);
    }
  });

  it('are left out when signing', async () => {
    expect(await signNotification(fields, { key })).toBe(independentSign(fields, key));
  });
});

describe('algorithms', () => {
  it('MD5 round trip (signType=MD5)', async () => {
    const fields = { ...VENDOR_FIELDS, signType: 'MD5' };
    const notification = await signed(fields, 'MD5');
    expect(notification['sign']).toBe(independentSign(fields, key, { algorithm: 'md5' }));
    expect(await verifyNotification(encodeNotificationForm(notification), { key })).toMatchObject({ ok: true, signType: 'MD5' });
  });

  it('SHA256 when signType is absent', async () => {
    const fields = withoutField({ ...VENDOR_FIELDS }, 'signType');
    const notification = await signed(fields);
    expect(notification['sign']).toBe(independentSign(fields, key));
    expect(await verifyNotification(notification, { key })).toMatchObject({ ok: true, signType: 'SHA256' });
  });
});

describe('schema', () => {
  it('parses JSON-string fields into objects and converts nested amounts', async () => {
    const billPayment = JSON.stringify({ merOrderId: '3194278460076848369664', totalAmount: '2100', billBizType: 'bills' });
    const goods = JSON.stringify([{ goodsId: 'g1', goodsName: '商品', quantity: 1, price: 100 }]);
    const notification = await signed({ ...VENDOR_FIELDS, billNo: '3194202206211713041234567', billStatus: 'PAID', billPayment, goods });
    const result = await verifyNotification(encodeNotificationForm(notification), { key });
    if (!result.ok) throw new Error(result.message);
    if (!isBillNotification(result.notification)) throw new Error('a notification with billNo is a bill notification');
    expect(result.notification.billPayment).toEqual({ merOrderId: '3194278460076848369664', totalAmount: 2100, billBizType: 'bills' });
    expect(Array.isArray(result.notification.goods)).toBe(true);
    expect(result.raw['billPayment']).toBe(billPayment);
  });

  it('a signed amount that is not an integer of fen is left out of the typed field, kept in raw, and listed', async () => {
    for (const amount of ['1.00', '100.00']) {
      const result = await verifyNotification(await signed({ ...VENDOR_FIELDS, totalAmount: amount }), { key });
      if (!result.ok) throw new Error(result.message);
      // Not reinterpreted as 1 or 100: the unit is not the SDK's to guess.
      expect('totalAmount' in result.notification).toBe(false);
      expect(result.raw['totalAmount']).toBe(amount);
      expect(result.problems).toEqual([expect.objectContaining({ instancePath: '/totalAmount', keyword: 'integer', leftOut: true })]);
    }
  });

  it("schema: 'refuse' keeps the old refusal: schema-mismatch naming the field, with raw", async () => {
    const result = await verifyNotification(await signed({ ...VENDOR_FIELDS, totalAmount: '1.00' }), { key, schema: 'refuse' });
    expect(result).toMatchObject({ ok: false, reason: 'schema-mismatch', schemaProblems: [{ instancePath: '/totalAmount' }] });
    if (!result.ok) {
      expect(result.message).toMatch(/totalAmount/);
      expect(result.raw?.['totalAmount']).toBe('1.00');
    }
    const unknownStatus = await verifyNotification(await signed({ ...VENDOR_FIELDS, status: 'TRADE_PENDING' }), { key, schema: 'refuse' });
    expect(unknownStatus).toMatchObject({ ok: false, reason: 'schema-mismatch', schemaProblems: [{ instancePath: '/status', keyword: 'enum' }] });
  });

  it('a JSON-string field that is not JSON is left out and listed', async () => {
    const result = await verifyNotification(await signed({ ...VENDOR_FIELDS, billPayment: '{broken' }), { key });
    if (!result.ok) throw new Error(result.message);
    expect(result.notification.billPayment).toBeUndefined();
    expect(result.raw['billPayment']).toBe('{broken');
    expect(result.problems).toEqual([expect.objectContaining({ instancePath: '/billPayment', keyword: 'json', leftOut: true })]);
  });

  it('a known field of the wrong JSON type is left out and listed with its instancePath', async () => {
    const result = await verifyNotification(await signed({ ...VENDOR_FIELDS, billPayment: '"just a string"' }), { key });
    if (!result.ok) throw new Error(result.message);
    expect(result.notification.billPayment).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ instancePath: '/billPayment', keyword: 'type', leftOut: true })]);
  });

  it('an unknown enum value reaches the caller unchanged, listed as a problem', async () => {
    const result = await verifyNotification(await signed({ ...VENDOR_FIELDS, status: 'TRADE_PENDING', cardAttr: 'BALANCE' }), { key });
    if (!result.ok) throw new Error(result.message);
    expect(result.notification.status).toBe('TRADE_PENDING');
    expect(result.notification.cardAttr).toBe('BALANCE');
    expect(result.problems.map((p) => [p.instancePath, p.keyword, p.leftOut])).toEqual([
      ['/status', 'enum', false],
      ['/cardAttr', 'enum', false],
    ]);
  });

  it('validate: false skips the schema check (conversion problems are still listed)', async () => {
    const result = await verifyNotification(await signed({ ...VENDOR_FIELDS, totalAmount: '1.00', status: 'TRADE_PENDING' }), { key, validate: false });
    if (!result.ok) throw new Error(result.message);
    expect(result.notification.status).toBe('TRADE_PENDING');
    expect(result.problems.map((p) => p.instancePath)).toEqual(['/totalAmount']);
  });

  it('unknown fields are allowed', async () => {
    expect((await verifyNotification(await signed({ ...VENDOR_FIELDS, Ue: 'hobh', someFutureField: 'x' }), { key })).ok).toBe(true);
  });
});

describe('prototype-named fields', () => {
  it('are ordinary fields: signed, verified, kept, and pollute nothing', async () => {
    const fields = { ...VENDOR_FIELDS, constructor: 'c', toString: 't', hasOwnProperty: 'h' };
    const pairs: [string, string][] = [...Object.entries(fields), ['__proto__', 'p']];
    const sign = await signNotification(pairs, { key });
    const body = encodeNotificationForm([...pairs, ['sign', sign]]);
    const result = await verifyNotification(body, { key });
    if (!result.ok) throw new Error(result.message);
    expect(result.raw['__proto__']).toBe('p');
    expect(result.raw['constructor']).toBe('c');
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('p');
  });

  it('a JSON body with __proto__ is verified over its own key', async () => {
    const pairs: [string, string][] = [...Object.entries(VENDOR_FIELDS), ['__proto__', 'x']];
    const sign = await signNotification(pairs, { key });
    const json = `{${[...pairs, ['sign', sign]].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
    const result = await verifyNotification(json, { key });
    expect(result.ok).toBe(true);
  });
});
