// The answers the platform gives: the auth/gateway layer's errCode + errInfo (HTTP 412), what a
// gateway in front of it sends on failure, and a business answer on HTTP 200 in the envelope the
// operation declares in the spec (`x-result`): errCode/errMsg for netpay and bills, respCode/respDesc
// for pay-point. Every JSON answer of the sandbox, control routes included, is built here.
import type { OperationDescriptor } from '../../../generated/operations.js';
import { beijingDateTime } from '../../time.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Platform-layer codes and their standard texts (protocol.md §3). */
export const PLATFORM_INFO = {
  '0000': '正常',
  '1000': '认证失败',
  '1001': '授权失败',
  '9001': '参数校验失败',
  '9200': '系统繁忙',
  '9999': '系统错误',
} as const;

export type PlatformCode = keyof typeof PLATFORM_INFO;

/** `indent` pretty-prints, for the control routes that people read in a terminal. */
export function jsonResponse(body: unknown, status = 200, indent?: number): Response {
  return new Response(JSON.stringify(body, null, indent), { status, headers: JSON_HEADERS });
}

/** `{"errCode":"1000","errInfo":"认证失败"}` with HTTP 412, or a more precise errInfo. */
export function platformError(code: PlatformCode, errInfo: string = PLATFORM_INFO[code], status = 412): Response {
  return jsonResponse({ errCode: code, errInfo }, status);
}

/** What a load balancer answers when the platform behind it fails: HTML, not the platform's JSON. */
export function gatewayError(status: number): Response {
  const text = `<html><body><h1>${status}</h1>sandbox: injected gateway error</body></html>`;
  return new Response(text, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** What a business answer needs to know: the operation's envelope, and the clock for its timestamp. */
export interface AnswerContext {
  readonly op: OperationDescriptor;
  readonly now: () => number;
}

export function successCode(op: OperationDescriptor): string {
  return op.result.success[0] ?? 'SUCCESS';
}

/** A business answer on HTTP 200: outcome code and message first, then the fields. */
export function businessAnswer(ctx: AnswerContext, code: string, message: string, fields: Record<string, unknown> = {}): Response {
  const { op } = ctx;
  const body: Record<string, unknown> = { [op.result.codeField]: code, [op.result.messageField]: message };
  // The netpay/bills envelope carries the answer time; the pay-point one does not.
  if (op.result.codeField === 'errCode') body['responseTimestamp'] = beijingDateTime(ctx.now());
  return jsonResponse({ ...body, ...fields });
}

export function successAnswer(ctx: AnswerContext, fields: Record<string, unknown>): Response {
  const message = ctx.op.result.codeField === 'errCode' ? '' : '成功';
  return businessAnswer(ctx, successCode(ctx.op), message, fields);
}
