// Orders: 后台下单 (WeChat mini-program / JSAPI, Alipay, APP pay), the H5 pages, 支付结果查询 and
// 订单关闭. Every creating operation makes a WAIT_BUYER_PAY order the sandbox can pay; a repeated
// merOrderId answers DUP_ORDER.
import { beijingCompactTimestamp } from '../../../time.js';
import type { WireRequestBody } from '../../../operation-types.js';
import { randomDigits, randomHex, randomLetters } from '../../state/ids.js';
import type { SandboxMerchant, SandboxOrder } from '../../types.js';
import { businessAnswer, successAnswer } from '../answers.js';
import { cashPaymentText, tradeFields } from '../order-fields.js';
import { checkMerchant, echoed, fen, prefixProblem, refusal, stringField, type BehaviourContext, type OperationBehaviour } from './context.js';

type Creation =
  | { readonly ok: true; readonly order: SandboxOrder; readonly merchant: SandboxMerchant; readonly ids: Record<string, unknown> }
  | { readonly ok: false; readonly response: Response };

/** The wallet that pays an order created by this operation. */
function walletOf(operationId: string): string {
  if (/^netpayTrade/.test(operationId)) return 'Alipay 2.0';
  if (/^netpayUac/.test(operationId)) return 'UAC';
  return 'WXPay';
}

function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: string };
}

/** Creates the order the body describes, or the business answer refusing it. */
function createOrderFromBody(ctx: BehaviourContext, extra: { targetOrderId?: string } = {}): Creation {
  const { body } = ctx;
  const mid = stringField(body, 'mid') ?? '';
  const tid = stringField(body, 'tid');
  const merOrderId = stringField(body, 'merOrderId');
  const ids = { mid, ...(tid === undefined ? {} : { tid }), ...(merOrderId === undefined ? {} : { merOrderId }), ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant;
  const badPrefix = prefixProblem(ctx, merchant.merchant, 'merOrderId', merOrderId, ids);
  if (badPrefix) return { ok: false, response: badPrefix };
  const totalAmount = fen(body, 'totalAmount');
  if (totalAmount === undefined || totalAmount < 1) return { ok: false, response: businessAnswer(ctx, 'BAD_REQUEST', '请求报文有错: totalAmount必须为正整数(分)', ids) };
  if (merOrderId !== undefined && ctx.store.order(merOrderId)) {
    return { ok: false, response: businessAnswer(ctx, 'DUP_ORDER', '重复的订单请求', ids) };
  }
  const optional = (name: string) => stringField(body, name);
  try {
    const order = ctx.store.createOrder({
      ...(merOrderId === undefined ? {} : { merOrderId }),
      mid,
      ...(tid === undefined ? {} : { tid }),
      ...defined({ instMid: optional('instMid'), orderDesc: optional('orderDesc'), notifyUrl: optional('notifyUrl'), returnUrl: optional('returnUrl') }),
      ...defined({ attachedData: optional('attachedData'), targetOrderId: extra.targetOrderId }),
      totalAmount,
      createdBy: ctx.op.operationId,
      initialStatus: 'WAIT_BUYER_PAY',
      targetSys: walletOf(ctx.op.operationId),
    });
    return { ok: true, order, merchant: merchant.merchant, ids: { ...ids, merOrderId: order.merOrderId } };
  } catch (error) {
    return { ok: false, response: refusal(ctx, error, ids) };
  }
}

// The creation answers: the trade fields plus what the front end hands to the wallet, shaped like
// the vendor's examples (V-mini §1.1, V-jsapi §1.2, V-app §1.1). The sandbox signs nothing in
// them: the sandbox wallet pays through the control routes, not with these values.
type Payload = (ctx: BehaviourContext, prepayId: string) => Record<string, unknown>;

/** `{appId, timeStamp, nonceStr, package, signType, paySign}` for wx.requestPayment / WeixinJSBridge. */
function weChatPayRequest(appId: string, prepayId: string, now: number): Record<string, unknown> {
  return {
    appId,
    timeStamp: String(Math.floor(now / 1000)),
    nonceStr: randomHex(16),
    package: `prepay_id=${prepayId}`,
    signType: 'RSA',
    paySign: `SANDBOX${randomLetters(40)}`,
  };
}

const payloads: Readonly<Record<string, Payload>> = {
  netpayWxUnifiedOrder(ctx, prepayId) {
    const request = weChatPayRequest(stringField(ctx.body, 'subAppId') ?? 'wxsandbox00000000', prepayId, ctx.now());
    return stringField(ctx.body, 'tradeType') === 'JSAPI' ? { jsPayRequest: request, prepayId } : { miniPayRequest: request, prepayId };
  },
  netpayTradeCreate: () => ({}),
  netpayWxAppPreOrder: (ctx, prepayId) => ({
    appPayRequest: {
      appid: stringField(ctx.body, 'subAppId') ?? 'wxsandbox00000000',
      partnerid: randomDigits(10),
      prepayid: prepayId,
      package: 'Sign=WXPay',
      noncestr: randomLetters(32),
      timestamp: String(Math.floor(ctx.now() / 1000)),
      sign: randomHex(16).toUpperCase(),
    },
  }),
  netpayTradePrecreate: () => {
    const qrCode = `https://qr.alipay.com/sandbox${randomLetters(20).toLowerCase()}`;
    return { appPayRequest: { qrCode }, qrCode };
  },
  netpayUacAppOrder: () => ({ appPayRequest: { tn: randomDigits(21) } }),
};

export const CREATION_OPERATIONS = Object.keys(payloads);

/** The behaviour of one creation operation. */
export function creationBehaviour(operationId: string): OperationBehaviour {
  const payload = payloads[operationId];
  if (!payload) throw new Error(`no creation payload for ${operationId}`);
  return (ctx) => {
    // Alipay's trade number is known at creation: the mini-program passes it to my.tradePay as
    // tradeNO. Shaped like Alipay's: yyyyMMdd + 20 digits (e.g. 2018092022001418830581229369).
    const alipay = operationId === 'netpayTradeCreate';
    const tradeNo = `${beijingCompactTimestamp(ctx.now()).slice(0, 8)}${randomDigits(20)}`;
    const created = createOrderFromBody(ctx, alipay ? { targetOrderId: tradeNo } : {});
    if (!created.ok) return created.response;
    const { order, merchant, ids } = created;
    return successAnswer(ctx, {
      ...ids,
      ...tradeFields(order, merchant),
      targetOrderId: order.targetOrderId,
      ...payload(ctx, `wx${randomDigits(30)}`),
    });
  };
}

// H5 pages (/trade/h5-pay, /wxpay/h5-pay, /uac/order, /wxpay/h5-to-minipay): the browser GETs the
// signed URL, the platform creates the order and answers 302 to its cashier. The sandbox's cashier
// page has a Pay button. Reloading the same URL (same merOrderId, amount, unpaid) opens it again.
export const H5_OPERATIONS = ['netpayTradeH5Pay', 'netpayWxpayH5Pay', 'netpayUacOrder', 'netpayWxpayH5ToMinipay'] as const;

function cashier(ctx: BehaviourContext, merOrderId: string): Response {
  return new Response(null, { status: 302, headers: { location: `${ctx.pagesBase}/cashier/${encodeURIComponent(merOrderId)}` } });
}

export const h5Pay: OperationBehaviour = (ctx) => {
  const merOrderId = stringField(ctx.body, 'merOrderId');
  const existing = merOrderId === undefined ? undefined : ctx.store.order(merOrderId);
  if (existing && existing.merOrderId === merOrderId) {
    const reload = existing.createdBy === ctx.op.operationId && existing.payTime === undefined && existing.status !== 'TRADE_CLOSED';
    if (reload && existing.totalAmount === fen(ctx.body, 'totalAmount') && existing.mid === stringField(ctx.body, 'mid')) return cashier(ctx, merOrderId);
    return businessAnswer(ctx, 'DUP_ORDER', '重复的订单请求', { merOrderId });
  }
  const created = createOrderFromBody(ctx);
  return created.ok ? cashier(ctx, created.order.merOrderId) : created.response;
};

/** 支付结果查询 /v1/netpay/query: the order's trade status as the store holds it. */
export const netpayQuery: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'netpayQuery'>;
  const merchant = checkMerchant(ctx, body.mid, body.tid);
  if (!merchant.ok) return merchant.response;
  const ids = { mid: body.mid, tid: body.tid, merOrderId: body.merOrderId, ...echoed(body) };
  const order = ctx.store.order(body.merOrderId);
  if (!order || order.mid !== body.mid) return businessAnswer(ctx, 'NO_ORDER', '订单不存在', ids);

  const paid = order.payTime !== undefined;
  return successAnswer(ctx, {
    ...ids,
    instMid: order.instMid,
    merName: merchant.merchant.name,
    seqId: order.seqId,
    settleRefId: order.seqId,
    status: order.status,
    totalAmount: order.totalAmount,
    targetOrderId: order.targetOrderId,
    targetSys: order.targetSys,
    targetStatus: paid ? 'SUCCESS' : '',
    buyerId: order.buyerId,
    ...(paid ? { buyerPayAmount: order.totalAmount, invoiceAmount: order.totalAmount, receiptAmount: order.totalAmount } : {}),
    payTime: order.payTime ?? '',
    settleDate: order.settleDate ?? '',
    billFunds: paid ? cashPaymentText(order.totalAmount) : '',
    billFundsDesc: paid ? '支付' : '',
    connectSys: 'OPENCHANNEL',
    ...(order.authIdRespCd === undefined ? {} : { authIdRespCd: order.authIdRespCd }),
  });
};

/**
 * 订单关闭 /v1/netpay/close: an unpaid order becomes TRADE_CLOSED; a paid (or already closed)
 * order cannot be closed ("TRADE_CLOSED 的订单不允许任何操作", V §2.3).
 */
export const netpayClose: OperationBehaviour = (ctx) => {
  const { body } = ctx;
  const mid = stringField(body, 'mid') ?? '';
  const tid = stringField(body, 'tid');
  const merOrderId = stringField(body, 'merOrderId') ?? '';
  const ids = { mid, ...(tid === undefined ? {} : { tid }), merOrderId, ...echoed(body) };
  const merchant = checkMerchant(ctx, mid, tid);
  if (!merchant.ok) return merchant.response;
  const order = ctx.store.order(merOrderId);
  if (!order || order.mid !== mid || order.merOrderId !== merOrderId || order.kind === 'preauth') {
    return businessAnswer(ctx, 'NO_ORDER', '找不到请求的原始订单', ids);
  }
  if (order.status === 'TRADE_CLOSED') return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 订单已关闭', ids);
  if (order.payTime !== undefined) return businessAnswer(ctx, 'OPERATION_NOT_ALLOWED', '当前不允许此操作: 订单已支付，不能关闭', ids);
  try {
    const closed = ctx.store.close(merOrderId);
    return successAnswer(ctx, { ...ids, ...tradeFields(closed, merchant.merchant), settleDate: '' });
  } catch (error) {
    return refusal(ctx, error, ids);
  }
};
