// Shared by the contract (in every runtime) and the fake platform (in Node): plain data only.

/** The app the fake platform knows. Not a real credential. */
export const APP = { appId: '10037e6f66f2d0f901672aa27d690006', appKey: '47ace12ae3b348fe93ab46cee97c6fde' } as const;

/** The communication key used for notifications in the contract and the examples. */
export const NOTIFY_KEY = 'contractNotifyKey0123456789abcdefghijklmnopqrstuv';

/** protocol.md §1: the vendor's printed OPEN-BODY-SIG example. */
export const BODY_SIG_VECTOR = {
  appId: '12345678901234567890123456789012',
  appKey: '67890123456789012345678901234567',
  timestamp: '20170101120000',
  nonce: '09876543210987654321098765432109',
  body: 'A',
  signature: 'GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08=',
} as const;

/** A netpayQuery body the fake platform answers with TRADE_SUCCESS. */
export const QUERY_BODY = {
  mid: '898201612345678',
  tid: '88880001',
  instMid: 'YUEDANDEFAULT',
  merOrderId: '327M202204141724489725391331',
} as const;

/** A payment notification as the platform would send it (minus sign), with a random extra field. */
export function sampleNotification(signType: 'MD5' | 'SHA256', notifyId: string): Record<string, string> {
  return {
    notifyId,
    msgType: 'trade.notify',
    mid: '898201612345678',
    tid: '88880001',
    instMid: 'YUEDANDEFAULT',
    merOrderId: '327M202204141724489725391331',
    status: 'TRADE_SUCCESS',
    totalAmount: '100',
    buyerPayAmount: '100',
    payTime: '2024-05-01 12:00:00',
    merName: '测试商户 & co = 100%+',
    signType,
    Qx: 'zRtw',
  };
}
