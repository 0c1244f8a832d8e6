// Inputs shared by the in-process cases: the vendor's printed examples (protocol.md §1, §4) and
// the spec's netpayQuery success answer, so every case does realistic work.

export const BASE_URL = 'http://127.0.0.1:9'; // never contacted: fetch is replaced in every case
export const APP_ID = '12345678901234567890123456789012';
export const APP_KEY = '67890123456789012345678901234567';

/** netpayQuery body without requestTimestamp (the SDK fills it in, as for a real caller). */
export const QUERY_BODY = Object.freeze({
  mid: '898201612345678',
  tid: '88880001',
  instMid: 'YUEDANDEFAULT',
  merOrderId: '327M202204141724489725391331',
  msgId: '001',
  srcReserve: 'webpay',
});

/** The same body as openapi-fetch would be given it, timestamp included (same bytes on the wire). */
export const QUERY_BODY_WITH_TIMESTAMP = Object.freeze({ requestTimestamp: '2022-04-20 15:50:10', ...QUERY_BODY });

/** The spec's netpayQuery success example, amounts as numeric strings as the page prints them. */
export const QUERY_RESPONSE = JSON.stringify({
  errCode: 'SUCCESS', errMsg: '', responseTimeStamp: '2022-07-19 16:29:59', mid: '898310148160568', tid: '88880001',
  instMid: '', billFunds: '', billFundsDesc: '支付', payTime: '2022-07-19 16:29:59', couponMerchantContribute: '100',
  couponOtherContribute: '100', msgId: '001', srcReserve: '保留字段', attachedData: '', seqId: '20230719162959',
  settleRefId: '35316566855N', refId: '35316566855N', status: 'NEW_ORDER', totalAmount: '100', merName: '测试商户',
  merOrderId: '13DA002023071900000000003327', targetOrderId: '', targetSys: '', targetStatus: '', buyerId: '86833140',
  targetMid: '523693523', bankCardNo: '', bankInfo: '', buyerPayAmount: '100', buyerUsername: '测试用户',
  couponAmount: '100', invoiceAmount: '0', receiptAmount: '100', settleDate: '2022-07-19', subBuyerId: '',
});

export const TOKEN_RESPONSE = JSON.stringify({ errCode: '0000', errInfo: '正常', accessToken: 'bench-token-0123456789abcdef', expiresIn: 3600 });

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The replaced fetch: a ready Response, built fresh each time (a body can be read once). */
export function fakeFetch(request) {
  const text = request.url.endsWith('/v1/token/access') ? TOKEN_RESPONSE : QUERY_RESPONSE;
  return Promise.resolve(new Response(text, { status: 200, headers: JSON_HEADERS }));
}

// protocol.md §1
export const SIGNING_VECTOR = {
  appId: APP_ID,
  appKey: APP_KEY,
  timestamp: '20170101120000',
  nonce: '09876543210987654321098765432109',
  body: 'A',
  signature: 'GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08=',
};

// protocol.md §4: 25 fields (one random extra, `ns`) plus sign.
export const NOTIFY_KEY = 'fcAmtnx7MwismjWNhNKdHC44mNXtnEQeJkRrhKJwyrW2ysRR';
export const NOTIFY_SIGN_SHA256 = '714DAF2ACAA090E79B80F843829ED4251652742DDC44BF596EEEA6732D154C62';
export const NOTIFY_FIELDS = Object.freeze({
  payTime: '2022-06-21 17:13:04', ns: 'cyuT', connectSys: 'OPENCHANNEL', merName: '测试退货5(1111)', mid: '898340149000005',
  invoiceAmount: '1', settleDate: '2022-06-21', billFunds: '现金支付0.01元。', buyerId: 'o8wNP0RtDiUq4NzMZyAGK5psp6hs',
  mchntUuid: '4aa8728a06a04f7385869df8b659cd01', tid: '88880001', instMid: 'YUEDANDEFAULT', receiptAmount: '1',
  targetOrderId: '4200001471202206211141496123', signType: 'SHA256', orderDesc: '测试退货5(1111)', seqId: '01120706230N',
  merOrderId: '3194278460076848369664', targetSys: 'WXPay', totalAmount: '1', createTime: '2022-06-21 17:12:53',
  buyerPayAmount: '1', notifyId: 'e82a0275-f767-4f77-90c2-614c91222275', subInst: '000100', status: 'TRADE_SUCCESS',
});
