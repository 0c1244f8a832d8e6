import { describe, expect, it } from 'vitest';
import {
  encodeNotificationForm,
  isBillNotification,
  isOrderPaymentNotification,
  isRefundNotification,
  notificationKind,
  signNotification,
  verifyNotification,
} from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';

const key = VENDOR_KEY;

// The vendor's QR-bill notification fields (V-h5 §1.9.5), with the random extra field every notification carries.
const BILL_FIELDS: Record<string, string> = {
  billPayment:
    '{"totalAmount":1,"payTime":"2016-09-28 10:38:32","billBizType":"bills","targetOrderId":"4006652001201609285138635739","paySeqId":"00096057515N","invoiceAmount":1,"payDetail":"现金支付0.01元。","settleDate":"2016-09-28","buyerId":"otdJ_uJ8xHjsMbqc-x9Ng9Dl6y0M","merOrderId":"100120160928381005022325873000","status":"TRADE_SUCCESS","targetSys":"WXPay"}',
  billStatus: 'PAID',
  mid: '123456789900080',
  billDate: '2016-09-28',
  billNo: '1001201609283810050223258730',
  tid: '12345080',
  billQRCode: 'https://mobl-test.chinaums.com/bills/qrCode.do?id=10001609284363805109837670',
  instMid: 'QRPAYDEFAULT',
  notifyId: '7d1f2c3a-0000-4000-8000-000000000001',
  Ue: 'hobh',
  signType: 'SHA256',
};

const REFUND_FIELDS: Record<string, string> = {
  ...VENDOR_FIELDS,
  status: 'TRADE_REFUND',
  refundOrderId: '3194202206211800000001234567',
  refundAmount: '1',
  refundPayTime: '2022-06-21 18:00:01',
};

async function signedForm(fields: Record<string, string>): Promise<string> {
  return encodeNotificationForm({ ...fields, sign: await signNotification(fields, { key }) });
}

describe('one notifyUrl, three kinds', () => {
  it('a QR-bill notification is a BillNotification with billPayment parsed', async () => {
    const result = await verifyNotification(await signedForm(BILL_FIELDS), { key });
    if (!result.ok) throw new Error(result.message);
    const n = result.notification;
    expect(notificationKind(n)).toBe('bill');
    expect(isRefundNotification(n) || isOrderPaymentNotification(n)).toBe(false);
    if (!isBillNotification(n)) throw new Error('not narrowed');
    expect(n.billStatus).toBe('PAID');
    expect(n.billPayment).toMatchObject({ totalAmount: 1, merOrderId: '100120160928381005022325873000', status: 'TRADE_SUCCESS' });
    expect(result.raw['billPayment']).toBe(BILL_FIELDS['billPayment']);
  });

  it('a refund notification is a RefundNotification with its amount as a number', async () => {
    const result = await verifyNotification(await signedForm(REFUND_FIELDS), { key });
    if (!result.ok) throw new Error(result.message);
    const n = result.notification;
    expect(notificationKind(n)).toBe('refund');
    if (!('refundOrderId' in n) || 'billNo' in n) throw new Error('not narrowed with in');
    expect(n.refundAmount).toBe(1);
    expect(n.merOrderId).toBe('3194278460076848369664');
  });

  it('the vendor sample is an order payment', async () => {
    const result = await verifyNotification(vendorFormBody(), { key });
    if (!result.ok) throw new Error(result.message);
    expect(notificationKind(result.notification)).toBe('order');
    expect(isOrderPaymentNotification(result.notification)).toBe(true);
  });

  it('a bill notification with a mistyped bill field is still a bill notification, that field left out and listed once', async () => {
    const result = await verifyNotification(await signedForm({ ...BILL_FIELDS, billPayment: '[1,2]' }), { key });
    if (!result.ok) throw new Error(result.message);
    expect(notificationKind(result.notification)).toBe('bill');
    expect(result.notification.billPayment).toBeUndefined();
    expect(result.raw['billPayment']).toBe('[1,2]');
    expect(result.problems.map((p) => p.instancePath)).toEqual(['/billPayment']);
    const refused = await verifyNotification(await signedForm({ ...BILL_FIELDS, billPayment: '[1,2]' }), { key, schema: 'refuse' });
    expect(refused).toMatchObject({ ok: false, reason: 'schema-mismatch' });
    if (!refused.ok) expect(refused.schemaProblems?.map((p) => p.instancePath)).toEqual(['/billPayment']);
  });

  it('a bill notification without billStatus is still a bill notification (received data is not refused for a missing field)', async () => {
    const { billStatus: _dropped, ...fields } = BILL_FIELDS;
    const result = await verifyNotification(await signedForm(fields), { key });
    if (!result.ok) throw new Error(result.message);
    expect(notificationKind(result.notification)).toBe('bill');
  });
});
