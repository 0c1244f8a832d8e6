// The creation operations' answers: the trade fields plus what the front end hands to the wallet,
// shaped like the vendor's examples (V-mini §1.1, V-jsapi §1.2, V-app §1.1). The sandbox signs
// nothing in them: the sandbox wallet pays through the control routes, not with these values.
import { beijingCompactTimestamp } from '../../time.js';
import { randomDigits, randomHex, randomLetters } from '../random.js';
import { text } from './body-fields.js';
import type { OperationBehaviour } from './context.js';
import { successAnswer } from './envelope.js';
import { createOrderFromBody } from './order-create.js';
import { tradeFields } from './order-fields.js';

type Payload = (ctx: Parameters<OperationBehaviour>[0], prepayId: string) => Record<string, unknown>;

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
    const request = weChatPayRequest(text(ctx.body, 'subAppId') ?? 'wxsandbox00000000', prepayId, ctx.now());
    return text(ctx.body, 'tradeType') === 'JSAPI' ? { jsPayRequest: request, prepayId } : { miniPayRequest: request, prepayId };
  },
  netpayTradeCreate: () => ({}),
  netpayWxAppPreOrder: (ctx, prepayId) => ({
    appPayRequest: {
      appid: text(ctx.body, 'subAppId') ?? 'wxsandbox00000000',
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
