// The platform's authentication, computed from first principles (noble hashes, synchronous and
// portable) rather than with the client's signer, so a client bug cannot hide: a business call's
// OPEN-BODY-SIG recomputed over the bytes received or an OPEN-ACCESS-TOKEN it issued, an H5 page's
// OPEN-FORM-PARAM, and the token endpoint that issues tokens. Every refusal is HTTP 412 errCode 1000.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { WireRequestBody } from '../../operation-types.js';
import { parseAccessTokenHeader, parseOpenBodySigHeader } from '../../auth/authorization-header.js';
import { timingSafeEqualAscii, toBase64, toHex, utf8 } from '../../crypto/encoding.js';
import { parseBeijingTime } from '../../time.js';
import type { NonceRegistry } from '../state/nonces.js';
import type { TokenRegistry } from '../state/tokens.js';
import { jsonResponse, PLATFORM_INFO, platformError, successCode } from './answers.js';
import type { OperationBehaviour } from './operations/context.js';

export interface AuthenticationContext {
  readonly appKeys: ReadonlyMap<string, string>;
  readonly tokens: TokenRegistry;
  readonly nonces: NonceRegistry;
  readonly now: () => number;
  readonly clockToleranceMs: number;
}

export type AuthenticationOutcome = { readonly ok: true; readonly appId: string } | { readonly ok: false; readonly response: Response };

/** The header Timestamp (yyyyMMddHHmmss) and the body's requestTimestamp (yyyy-MM-dd HH:mm:ss), both Beijing time. */
export const COMPACT_TIMESTAMP = /^\d{14}$/;
export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export type ClockVerdict = 'ok' | 'malformed' | 'out-of-range';

export function checkBeijingTime(text: string, pattern: RegExp, now: number, toleranceMs: number): ClockVerdict {
  if (!pattern.test(text)) return 'malformed';
  const instant = parseBeijingTime(text);
  if (!instant) return 'malformed';
  return Math.abs(instant.getTime() - now) > toleranceMs ? 'out-of-range' : 'ok';
}

/** OPEN-BODY-SIG: base64 HMAC-SHA256(appKey, appId + timestamp + nonce + hex(sha256(body))). */
function expectedBodySignature(appId: string, appKey: string, timestamp: string, nonce: string, body: Uint8Array): string {
  const stringToSign = appId + timestamp + nonce + toHex(sha256(body));
  return toBase64(hmac(sha256, utf8(appKey), utf8(stringToSign)));
}

/** Token request: lowercase hex SHA-256(appId + timestamp + nonce + appKey), a plain hash. */
function expectedTokenSignature(appId: string, appKey: string, timestamp: string, nonce: string): string {
  return toHex(sha256(utf8(appId + timestamp + nonce + appKey)));
}

const refuse = (errInfo: string): { readonly ok: false; readonly response: Response } => ({ ok: false, response: platformError('1000', errInfo) });

/** The checks OPEN-BODY-SIG and OPEN-FORM-PARAM share: the app, the clock, the nonce's length, the signature. */
function checkSignature(ctx: AuthenticationContext, appId: string, timestamp: string, nonce: string, signature: string, signed: Uint8Array) {
  const appKey = ctx.appKeys.get(appId);
  if (appKey === undefined) return refuse('认证失败: AppId不存在');
  const clock = checkBeijingTime(timestamp, COMPACT_TIMESTAMP, ctx.now(), ctx.clockToleranceMs);
  if (clock === 'malformed') return refuse('Timestamp解析失败');
  if (clock === 'out-of-range') return refuse('Timestamp与服务器时间相差过大');
  if (nonce.length > 128) return refuse('认证失败: Nonce过长');
  if (!timingSafeEqualAscii(signature, expectedBodySignature(appId, appKey, timestamp, nonce, signed))) return refuse('认证失败');
  return undefined;
}

/** A business call's Authorization header, checked against the bytes received. */
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
  const refused = checkSignature(ctx, parts.appId, parts.timestamp, parts.nonce, parts.signature, body);
  if (refused) return refused;
  // Only a valid signature may consume a nonce, so forged requests cannot block real ones.
  if (!ctx.nonces.remember(parts.appId, parts.nonce)) return refuse('认证失败: Nonce重复使用');
  return { ok: true, appId: parts.appId };
}

const FORM_PARAMETERS = ['authorization', 'appId', 'timestamp', 'nonce', 'content', 'signature'] as const;

/**
 * An H5 page's query: the signature is the OPEN-BODY-SIG one over the raw `content` string, and a
 * `%20` (RFC 3986 spaces, not the `+` of java.net.URLEncoder) is refused with "Timestamp解析失败",
 * as reported from the live test environment. On success, the `content` the signature covers.
 */
export function authenticateFormParameters(
  search: string,
  ctx: AuthenticationContext,
): { readonly ok: true; readonly appId: string; readonly content: string } | { readonly ok: false; readonly response: Response } {
  if (/%20/i.test(search)) return refuse('Timestamp解析失败 (the sandbox, like the platform, wants spaces encoded as +, not %20)');
  const query = new URLSearchParams(search);
  const params: Partial<Record<(typeof FORM_PARAMETERS)[number], string>> = {};
  for (const name of FORM_PARAMETERS) {
    const values = query.getAll(name);
    if (values.length !== 1 || values[0] === '') return refuse(`认证失败: 缺少或重复的参数 ${name}`);
    params[name] = values[0];
  }
  const { authorization, appId = '', timestamp = '', nonce = '', content = '', signature = '' } = params;
  if (authorization !== 'OPEN-FORM-PARAM') return refuse('认证失败: authorization must be OPEN-FORM-PARAM');
  const refused = checkSignature(ctx, appId, timestamp, nonce, signature, utf8(content));
  // No nonce bookkeeping here: a browser reload repeats the exact URL, and that must keep working.
  return refused ?? { ok: true, appId, content };
}

/**
 * 获取访问令牌 /v1/token/access: checks the plain SHA-256 signature and issues a token. At most
 * N tokens are valid per app: the registry invalidates the oldest beyond that.
 */
export const issueAccessToken: OperationBehaviour = (ctx) => {
  const body = ctx.body as WireRequestBody<'accessToken'>;
  const appKey = ctx.appKeys.get(body.appId);
  if (appKey === undefined) return platformError('1000', '认证失败: AppId不存在');
  const clock = checkBeijingTime(body.timestamp, COMPACT_TIMESTAMP, ctx.now(), ctx.clockToleranceMs);
  if (clock === 'malformed') return platformError('1000', 'Timestamp解析失败');
  if (clock === 'out-of-range') return platformError('1000', 'Timestamp与服务器时间相差过大');
  const expected = expectedTokenSignature(body.appId, appKey, body.timestamp, body.nonce);
  if (!timingSafeEqualAscii(body.signature, expected)) return platformError('1000');
  const issued = ctx.tokens.issue(body.appId);
  return jsonResponse({ errCode: successCode(ctx.op), errInfo: PLATFORM_INFO['0000'], ...issued });
};
