// What the QR-bill operations share: finding a bill by billNo (or its merOrderId) and billDate,
// the code's URL on the sandbox's own page, and the bill's fields in answers.
import { billPaymentOf, billStatusOf } from '../bill-status.js';
import type { SandboxMerchant, SandboxOrder } from '../types.js';
import { text } from './body-fields.js';
import type { BehaviourContext } from './context.js';
import { businessAnswer, checkMerchant, echoed } from './envelope.js';

/** The QR code's URL: the sandbox's bill page, with the code's id as `?id=` like the platform's. */
export function billQrCodeUrl(ctx: BehaviourContext, order: SandboxOrder): string {
  return order.qrCodeId === undefined ? '' : `${ctx.pagesBase}/bills/qrCode.do?id=${encodeURIComponent(order.qrCodeId)}`;
}

export type FoundBill =
  | { readonly ok: true; readonly order: SandboxOrder; readonly merchant: SandboxMerchant; readonly ids: Record<string, unknown> }
  | { readonly ok: false; readonly response: Response };

/** The bill the body names (`billNo` + `billDate`), or NO_MERCHANT / NO_ORDER. */
export function findBill(ctx: BehaviourContext): FoundBill {
  const { body } = ctx;
  const mid = text(body, 'mid') ?? '';
  const tid = text(body, 'tid');
  const billNo = text(body, 'billNo') ?? '';
  const billDate = text(body, 'billDate');
  const ids = { mid, ...(tid === undefined ? {} : { tid }), instMid: text(body, 'instMid') ?? 'QRPAYDEFAULT', billNo, ...(billDate === undefined ? {} : { billDate }), ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant;
  const order = ctx.store.order(billNo);
  if (!order || order.kind !== 'bill' || order.mid !== mid || (billDate !== undefined && order.billDate !== billDate)) {
    return { ok: false, response: businessAnswer(ctx, 'NO_ORDER', '账单不存在', ids) };
  }
  return { ok: true, order, merchant: merchant.merchant, ids: { ...ids, billNo: order.billNo ?? billNo } };
}

/** The bill's own fields, as the query and refund answers carry them. */
export function billFields(ctx: BehaviourContext, order: SandboxOrder, merchant: SandboxMerchant): Record<string, unknown> {
  return {
    billDate: order.billDate ?? '',
    billStatus: billStatusOf(order.status),
    billQRCode: billQrCodeUrl(ctx, order),
    billDesc: order.orderDesc,
    merName: merchant.name,
    totalAmount: order.totalAmount,
    createTime: order.createTime,
    ...(order.payTime === undefined ? {} : { billPayment: billPaymentOf(order) }),
  };
}
