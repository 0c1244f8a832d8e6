// Business answers in the envelope the operation declares in the spec (`x-result`): errCode/errMsg
// for netpay and bills, respCode/respDesc for pay-point. Success codes come from the spec too.
import type { OperationDescriptor } from '../../../generated/operations.js';
import { beijingDateTime } from '../../time.js';
import { jsonResponse } from '../answers.js';
import type { SandboxMerchant } from '../types.js';
import type { BehaviourContext } from './context.js';

export function successCode(op: OperationDescriptor): string {
  return op.result.success[0] ?? 'SUCCESS';
}

/** A business answer on HTTP 200: outcome code and message first, then the fields. */
export function businessAnswer(ctx: Pick<BehaviourContext, 'op' | 'now'>, code: string, message: string, fields: Record<string, unknown> = {}): Response {
  const { op } = ctx;
  const body: Record<string, unknown> = { [op.result.codeField]: code, [op.result.messageField]: message };
  // The netpay/bills envelope carries the answer time; the pay-point one does not.
  if (op.result.codeField === 'errCode') body['responseTimestamp'] = beijingDateTime(ctx.now());
  return jsonResponse({ ...body, ...fields });
}

export function successAnswer(ctx: Pick<BehaviourContext, 'op' | 'now'>, fields: Record<string, unknown>): Response {
  const message = ctx.op.result.codeField === 'errCode' ? '' : '成功';
  return businessAnswer(ctx, successCode(ctx.op), message, fields);
}

/** `msgId` and `srcReserve` are echoed when sent (原样返回). */
export function echoed(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['msgId', 'srcReserve']) if (typeof body[name] === 'string') out[name] = body[name];
  return out;
}

export type MerchantCheck = { readonly ok: true; readonly merchant: SandboxMerchant } | { readonly ok: false; readonly response: Response };

/** NO_MERCHANT for an unknown mid, or a tid the merchant does not have. */
export function checkMerchant(ctx: BehaviourContext, mid: string, tid: string | undefined): MerchantCheck {
  const merchant = ctx.store.merchant(mid);
  if (!merchant) return { ok: false, response: businessAnswer(ctx, 'NO_MERCHANT', '商户不存在', { mid, ...(tid === undefined ? {} : { tid }) }) };
  if (tid !== undefined && !merchant.tids.includes(tid)) {
    return { ok: false, response: businessAnswer(ctx, 'NO_MERCHANT', '终端号不存在', { mid, tid }) };
  }
  return { ok: true, merchant };
}
