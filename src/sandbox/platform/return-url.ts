// The return page (returnUrl): after paying, the cashier sends the browser there with the result
// as GET parameters signed key-append like a notification (V-h5 §1.8). Display-only for the
// merchant: the notification stays the source of truth.
import { nobleCrypto } from '../../crypto/noble.js';
import { signNotification } from '../../notifications/sign.js';
import type { NotificationSignType } from '../../notifications/types.js';
import type { SandboxOrder } from '../types.js';

export async function signedReturnUrl(order: SandboxOrder, returnUrl: string, key: string, signType: NotificationSignType): Promise<string> {
  const amount = String(order.totalAmount);
  const fields: Record<string, string> = {
    mid: order.mid,
    tid: order.tid,
    instMid: order.instMid,
    merOrderId: order.merOrderId,
    status: order.status,
    totalAmount: amount,
    buyerPayAmount: amount,
    invoiceAmount: amount,
    receiptAmount: amount,
    payTime: order.payTime ?? '',
    settleDate: order.settleDate ?? '',
    seqId: order.seqId,
    targetOrderId: order.targetOrderId,
    targetSys: order.targetSys,
    buyerId: order.buyerId,
    signType,
  };
  if (order.attachedData !== undefined) fields['attachedData'] = order.attachedData;
  const url = new URL(returnUrl);
  // The merchant's own query parameters stay and are signed with the result, so the whole URL
  // verifies (verifyReturnUrl); a result field of the same name replaces the merchant's.
  const merchantParams = Object.fromEntries([...url.searchParams].filter(([name]) => !(name in fields) && name !== 'sign'));
  const signed = { ...merchantParams, ...fields };
  const sign = await signNotification(signed, { key, signType, crypto: nobleCrypto });
  url.search = '';
  // Empty values are left out, as they are left out of the string that was signed.
  for (const [name, value] of Object.entries({ ...signed, sign })) if (value !== '') url.searchParams.append(name, value);
  return url.toString();
}
