// 后台下单: every order-creating operation (WeChat mini-program / JSAPI, Alipay, APP pay, H5) makes
// a WAIT_BUYER_PAY order the sandbox can pay; a repeated merOrderId answers DUP_ORDER.
import type { SandboxMerchant, SandboxOrder } from '../types.js';
import { fen, text } from './body-fields.js';
import type { BehaviourContext } from './context.js';
import { businessAnswer, checkMerchant, echoed } from './envelope.js';
import { prefixProblem, refusal } from './order-fields.js';

export type Creation =
  | { readonly ok: true; readonly order: SandboxOrder; readonly merchant: SandboxMerchant; readonly ids: Record<string, unknown> }
  | { readonly ok: false; readonly response: Response };

/** The wallet that pays an order created by this operation. */
export function walletOf(operationId: string): string {
  if (/^netpayTrade/.test(operationId)) return 'Alipay 2.0';
  if (/^netpayUac/.test(operationId)) return 'UAC';
  return 'WXPay';
}

/** Creates the order the body describes, or the business answer refusing it. */
export function createOrderFromBody(ctx: BehaviourContext, extra: { targetOrderId?: string } = {}): Creation {
  const { body } = ctx;
  const mid = text(body, 'mid') ?? '';
  const tid = text(body, 'tid');
  const merOrderId = text(body, 'merOrderId');
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
  const optional = (name: string) => text(body, name);
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

function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: string };
}
