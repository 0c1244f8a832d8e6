// Authenticates a business call as the platform's gateway does: OPEN-BODY-SIG recomputed over the
// bytes received, or an OPEN-ACCESS-TOKEN it issued. Every refusal is HTTP 412 errCode 1000.
import { parseAccessTokenHeader, parseOpenBodySigHeader } from '../auth/authorization-header.js';
import { platformError } from './answers.js';
import { checkBeijingTime, COMPACT_TIMESTAMP } from './clock-check.js';
import type { NonceRegistry } from './nonce-registry.js';
import { expectedBodySignature, signaturesMatch } from './signatures.js';
import type { TokenRegistry } from './token-registry.js';

export interface AuthenticationContext {
  readonly appKeys: ReadonlyMap<string, string>;
  readonly tokens: TokenRegistry;
  readonly nonces: NonceRegistry;
  readonly now: () => number;
  readonly clockToleranceMs: number;
}

export type AuthenticationOutcome = { readonly ok: true; readonly appId: string } | { readonly ok: false; readonly response: Response };

const refuse = (errInfo: string): AuthenticationOutcome => ({ ok: false, response: platformError('1000', errInfo) });

export function authenticate(authorization: string | null, body: Uint8Array, ctx: AuthenticationContext): AuthenticationOutcome {
  if (!authorization) return refuse('认证失败: 缺少Authorization请求头');
  const scheme = authorization.trim().split(/\s/, 1)[0];

  if (scheme === 'OPEN-ACCESS-TOKEN') {
    const token = parseAccessTokenHeader(authorization);
    if (!token) return refuse('认证失败: AccessToken格式错误');
    const appId = ctx.tokens.appIdFor(token);
    // Expired, never issued, or displaced by newer tokens of the same app (at most N are valid).
    if (!appId) return refuse('认证失败: AccessToken无效或已失效');
    return { ok: true, appId };
  }
  if (scheme !== 'OPEN-BODY-SIG') return refuse('认证失败: 不支持的认证方式');

  const parts = parseOpenBodySigHeader(authorization);
  if (!parts) return refuse('认证失败: Authorization格式错误');
  const appKey = ctx.appKeys.get(parts.appId);
  if (appKey === undefined) return refuse('认证失败: AppId不存在');
  const clock = checkBeijingTime(parts.timestamp, COMPACT_TIMESTAMP, ctx.now(), ctx.clockToleranceMs);
  if (clock === 'malformed') return refuse('Timestamp解析失败');
  if (clock === 'out-of-range') return refuse('Timestamp与服务器时间相差过大');
  if (parts.nonce.length > 128) return refuse('认证失败: Nonce过长');
  const expected = expectedBodySignature(parts.appId, appKey, parts.timestamp, parts.nonce, body);
  if (!signaturesMatch(parts.signature, expected)) return refuse('认证失败');
  // Only a valid signature may consume a nonce, so forged requests cannot block real ones.
  if (!ctx.nonces.remember(parts.appId, parts.nonce)) return refuse('认证失败: Nonce重复使用');
  return { ok: true, appId: parts.appId };
}
