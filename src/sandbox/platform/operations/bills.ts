// QR bills (C扫B): 获取二维码, 二维码关闭, 账单状态查询 and 退款. A bill is found by billNo (or its
// merOrderId) and billDate; its code's URL is the sandbox's own page, with the code's id as `?id=`.
import { refundedAmount } from '../../state/refunds.js';
import type { SandboxMerchant, SandboxOrder } from '../../types.js';
import { businessAnswer, successAnswer } from '../answers.js';
import { billPaymentOf, billStatusOf, refundFields } from '../order-fields.js';
import { checkMerchant, echoed, fen, flag, prefixProblem, refusal, stringField, type BehaviourContext, type OperationBehaviour } from './context.js';

/** The QR code's URL: the sandbox's bill page, with the code's id as `?id=` like the platform's. */
function billQrCodeUrl(ctx: BehaviourContext, order: SandboxOrder): string {
  return order.qrCodeId === undefined ? '' : `${ctx.pagesBase}/bills/qrCode.do?id=${encodeURIComponent(order.qrCodeId)}`;
}

type FoundBill =
  | { readonly ok: true; readonly order: SandboxOrder; readonly merchant: SandboxMerchant; readonly ids: Record<string, unknown> }
  | { readonly ok: false; readonly response: Response };

/** The bill the body names (`billNo` + `billDate`), or NO_MERCHANT / NO_ORDER. */
function findBill(ctx: BehaviourContext): FoundBill {
  const { body } = ctx;
  const mid = stringField(body, 'mid') ?? '';
  const tid = stringField(body, 'tid');
  const billNo = stringField(body, 'billNo') ?? '';
  const billDate = stringField(body, 'billDate');
  const ids = { mid, ...(tid === undefined ? {} : { tid }), instMid: stringField(body, 'instMid') ?? 'QRPAYDEFAULT', billNo, ...(billDate === undefined ? {} : { billDate }), ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant;
  const order = ctx.store.order(billNo);
  if (!order || order.kind !== 'bill' || order.mid !== mid || (billDate !== undefined && order.billDate !== billDate)) {
    return { ok: false, response: businessAnswer(ctx, 'NO_ORDER', '账单不存在', ids) };
  }
  return { ok: true, order, merchant: merchant.merchant, ids: { ...ids, billNo: order.billNo ?? billNo } };
}

/** The bill's own fields, as the query and refund answers carry them. */
function billFields(ctx: BehaviourContext, order: SandboxOrder, merchant: SandboxMerchant): Record<string, unknown> {
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

/**
 * 获取二维码 /v1/netpay/bills/get-qrcode: a one-time QR bill, UNPAID until the sandbox wallet pays
 * it on its page (the billQRCode URL). A repeated billNo answers DUP_ORDER.
 */
export const billsGetQrcode: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = stringField(body, 'mid') ?? '';
  const tid = stringField(body, 'tid');
  const billNo = stringField(body, 'billNo');
  const billDate = stringField(body, 'billDate');
  const ids = { mid, ...(tid === undefined ? {} : { tid }), instMid: stringField(body, 'instMid') ?? 'QRPAYDEFAULT', ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant.response;
  const badPrefix = prefixProblem(ctx, merchant.merchant, 'billNo', billNo, ids);
  if (badPrefix) return badPrefix;
  const totalAmount = fen(body, 'totalAmount');
  // A code without an amount is a fixed code where the payer types the amount: not simulated.
  if (totalAmount === undefined || totalAmount < 1) {
    return businessAnswer(ctx, 'BAD_REQUEST', '请求报文有错: the sandbox simulates one-time codes only; send totalAmount (fen)', ids);
  }
  if (billNo !== undefined && ctx.store.order(billNo)) return businessAnswer(ctx, 'DUP_ORDER', '重复的订单请求', { ...ids, billNo });
  const optional = (name: string) => stringField(body, name);
  const fields = { billNo, billDate, qrCodeId: optional('qrCodeId'), orderDesc: optional('billDesc'), notifyUrl: optional('notifyUrl'), returnUrl: optional('returnUrl') };
  try {
    const order = ctx.store.createOrder({
      kind: 'bill',
      mid,
      ...(tid === undefined ? {} : { tid }),
      instMid: ids.instMid,
      totalAmount,
      createdBy: ctx.op.operationId,
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    });
    const systemId = optional('systemId');
    return successAnswer(ctx, {
      ...ids,
      billNo: order.billNo,
      billDate: order.billDate,
      billQRCode: billQrCodeUrl(ctx, order),
      qrCodeId: order.qrCodeId,
      ...(systemId === undefined ? {} : { systemId }),
    });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};

/**
 * 二维码关闭 /v1/netpay/bills/close-qrcode: an unpaid bill is CLOSED; a paid one only with
 * attachRefund (the rest of it is refunded, V-c2b §1.3), otherwise the code cannot be closed.
 */
export const billsCloseQrcode: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = stringField(body, 'mid') ?? '';
  const tid = stringField(body, 'tid');
  const qrCodeId = stringField(body, 'qrCodeId') ?? '';
  const systemId = stringField(body, 'systemId');
  const ids = {
    mid,
    ...(tid === undefined ? {} : { tid }),
    instMid: stringField(body, 'instMid') ?? 'QRPAYDEFAULT',
    qrCodeId,
    ...(systemId === undefined ? {} : { systemId }),
    ...echoed(body),
  };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant.response;
  const order = ctx.store.orderByQrCode(qrCodeId);
  if (!order || order.mid !== mid) return businessAnswer(ctx, 'NO_ORDER', '二维码不存在', ids);
  if (order.status === 'TRADE_CLOSED') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 二维码已关闭', ids);
  try {
    if (order.payTime === undefined) {
      const closed = ctx.store.close(order.merOrderId);
      return successAnswer(ctx, { ...ids, billDate: closed.billDate, billStatus: billStatusOf(closed.status) });
    }
    if (!flag(body, 'attachRefund')) return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 账单已支付 (send attachRefund to refund it)', ids);
    const remaining = order.totalAmount - refundedAmount(order);
    const after = remaining > 0 ? ctx.effects.refund(order.merOrderId, { refundAmount: remaining }).order : order;
    return successAnswer(ctx, { ...ids, billDate: after.billDate, billStatus: billStatusOf(after.status) });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};

/**
 * 账单状态查询 /v1/netpay/bills/query: UNPAID → PAID → REFUND (or CLOSED); with refundOrderId it
 * answers that refund (refundBillPayment), and counts as a poll of a PROCESSING refund.
 */
export const billsQuery: OperationBehaviour = (ctx) => {
  const found = findBill(ctx);
  if (!found.ok) return found.response;
  const { order, merchant, ids } = found;
  const refundOrderId = stringField(ctx.body, 'refundOrderId');
  if (refundOrderId === undefined) return successAnswer(ctx, { ...ids, ...billFields(ctx, order, merchant) });

  const owned = order.refunds.some((r) => r.refundOrderId === refundOrderId);
  const poll = owned ? ctx.effects.pollRefund(refundOrderId) : undefined;
  if (!poll) return businessAnswer(ctx, 'NO_ORDER', '退款订单不存在', { ...ids, refundOrderId });
  const { refund } = poll;
  return successAnswer(ctx, {
    ...ids,
    ...billFields(ctx, poll.order, merchant),
    refundStatus: refund.refundStatus,
    refundOrderId: refund.refundOrderId,
    refundTargetOrderId: refund.refundTargetOrderId,
    refundPayTime: refund.refundTime,
    refundAmount: refund.refundAmount,
    refundBillPayment: { ...billPaymentOf(poll.order), refundOrderId: refund.refundOrderId, refundAmount: refund.refundAmount, refundPayTime: refund.refundTime },
  });
};

/**
 * 退款 /v1/netpay/bills/refund: a QR bill's refund, with the same rules as netpay refunds
 * (never beyond what was paid; a repeated refundOrderId returns the first refund).
 */
export const billsRefund: OperationBehaviour = (ctx) => {
  const found = findBill(ctx);
  if (!found.ok) return found.response;
  const { order, merchant, ids } = found;
  const refundOrderId = stringField(ctx.body, 'refundOrderId');
  const badPrefix = prefixProblem(ctx, merchant, 'refundOrderId', refundOrderId, ids);
  if (badPrefix) return badPrefix;
  const refundAmount = fen(ctx.body, 'refundAmount');
  if (refundAmount === undefined || refundAmount < 1) return businessAnswer(ctx, 'BAD_REQUEST', '请求报文有错: refundAmount必须为正整数(分)', ids);
  const refundDesc = stringField(ctx.body, 'refundDesc');
  try {
    const outcome = ctx.effects.refund(order.merOrderId, {
      refundAmount,
      ...(refundOrderId === undefined ? {} : { refundOrderId }),
      ...(refundDesc === undefined ? {} : { refundDesc }),
    });
    const { billPayment: _payment, ...bill } = billFields(ctx, outcome.order, merchant);
    return successAnswer(ctx, { ...ids, ...bill, merOrderId: order.merOrderId, cardAttr: 'DEBIT_CARD', ...refundFields(outcome.refund) });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};
