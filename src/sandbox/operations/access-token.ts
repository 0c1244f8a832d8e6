// 获取访问令牌 /v1/token/access: checks the plain SHA-256 signature and issues a token. At most
// N tokens are valid per app: the registry invalidates the oldest beyond that.
import type { WireRequestBody } from '../../operation-types.js';
import { jsonResponse, PLATFORM_INFO, platformError } from '../answers.js';
import { checkBeijingTime, COMPACT_TIMESTAMP } from '../clock-check.js';
import { expectedTokenSignature, signaturesMatch } from '../signatures.js';
import type { OperationBehaviour } from './context.js';
import { successCode } from './envelope.js';

export const accessToken: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'accessToken'>;
  const appKey = ctx.appKeys.get(body.appId);
  if (appKey === undefined) return platformError('1000', '认证失败: AppId不存在');
  const clock = checkBeijingTime(body.timestamp, COMPACT_TIMESTAMP, ctx.now(), ctx.clockToleranceMs);
  if (clock === 'malformed') return platformError('1000', 'Timestamp解析失败');
  if (clock === 'out-of-range') return platformError('1000', 'Timestamp与服务器时间相差过大');
  const expected = expectedTokenSignature(body.appId, appKey, body.timestamp, body.nonce);
  if (!signaturesMatch(body.signature, expected)) return platformError('1000');
  const issued = ctx.tokens.issue(body.appId);
  return jsonResponse({ errCode: successCode(ctx.op), errInfo: PLATFORM_INFO['0000'], ...issued });
};
