// 获取二维码 /v1/netpay/bills/get-qrcode: a one-time QR bill, UNPAID until the sandbox wallet pays
// it on its page (the billQRCode URL). A repeated billNo answers DUP_ORDER.
import { billQrCodeUrl } from './bill-fields.js';
import { fen, text } from './body-fields.js';
import type { OperationBehaviour } from './context.js';
import { businessAnswer, checkMerchant, echoed, successAnswer } from './envelope.js';
import { prefixProblem, refusal } from './order-fields.js';

export const billsGetQrcode: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = text(body, 'mid') ?? '';
  const tid = text(body, 'tid');
  const billNo = text(body, 'billNo');
  const billDate = text(body, 'billDate');
  const ids = { mid, ...(tid === undefined ? {} : { tid }), instMid: text(body, 'instMid') ?? 'QRPAYDEFAULT', ...echoed(body) };
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
  const optional = (name: string) => text(body, name);
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
