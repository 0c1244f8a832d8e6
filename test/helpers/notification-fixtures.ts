// The vendor's printed, signed notification (protocol.md §4): the test vector every verifier must pass.

export const VENDOR_KEY = 'fcAmtnx7MwismjWNhNKdHC44mNXtnEQeJkRrhKJwyrW2ysRR';

export const VENDOR_SIGN = '714DAF2ACAA090E79B80F843829ED4251652742DDC44BF596EEEA6732D154C62';

/** The fields in the order the vendor printed them, without `sign`. */
export const VENDOR_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  payTime: '2022-06-21 17:13:04',
  ns: 'cyuT',
  connectSys: 'OPENCHANNEL',
  merName: '测试退货5(1111)',
  mid: '898340149000005',
  invoiceAmount: '1',
  settleDate: '2022-06-21',
  billFunds: '现金支付0.01元。',
  buyerId: 'o8wNP0RtDiUq4NzMZyAGK5psp6hs',
  mchntUuid: '4aa8728a06a04f7385869df8b659cd01',
  tid: '88880001',
  instMid: 'YUEDANDEFAULT',
  receiptAmount: '1',
  targetOrderId: '4200001471202206211141496123',
  signType: 'SHA256',
  orderDesc: '测试退货5(1111)',
  seqId: '01120706230N',
  merOrderId: '3194278460076848369664',
  targetSys: 'WXPay',
  totalAmount: '1',
  createTime: '2022-06-21 17:12:53',
  buyerPayAmount: '1',
  notifyId: 'e82a0275-f767-4f77-90c2-614c91222275',
  subInst: '000100',
  status: 'TRADE_SUCCESS',
});

/** The fields with their sign, as the platform POSTs them. */
export function vendorNotification(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...VENDOR_FIELDS, sign: VENDOR_SIGN, ...overrides };
}

/** The form body the platform sends (URLSearchParams encoding: spaces as `+`, UTF-8 escapes). */
export function vendorFormBody(overrides: Record<string, string> = {}): string {
  return new URLSearchParams(vendorNotification(overrides)).toString();
}

/** A form body whose fields (minus sign) are re-signed with `key`, so any field set can be tested. */
export function withoutField(record: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...record };
  delete copy[name];
  return copy;
}
