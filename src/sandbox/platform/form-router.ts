// An H5 page request (a browser GET with OPEN-FORM-PARAM query parameters), checked as the
// platform's gateway does: the signature is the OPEN-BODY-SIG one over the raw `content` string,
// and a `%20` in the query (RFC 3986 spaces, not the `+` of java.net.URLEncoder) is refused with
// "Timestamp解析失败", as reported from the live test environment. Every refusal is 412 errCode 1000.
import type { OperationDescriptor } from '../../../generated/operations.js';
import { utf8 } from '../../crypto/encoding.js';
import { platformError } from '../answers.js';
import { checkBody, gatewayFault, runBehaviour, withUnknownFields, type BusinessRouterContext } from '../business-router.js';
import { checkBeijingTime, COMPACT_TIMESTAMP } from '../clock-check.js';
import { expectedBodySignature, signaturesMatch } from '../signatures.js';

const MAX_QUERY_CHARS = 16 * 1024;
const PARAMETERS = ['authorization', 'appId', 'timestamp', 'nonce', 'content', 'signature'] as const;

function parseContent(content: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(content);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function routeFormCall(request: Request, op: OperationDescriptor, ctx: BusinessRouterContext): Promise<Response> {
  const faulted = await gatewayFault(op, ctx);
  if (faulted) return faulted;
  if (request.method !== 'GET') return platformError('9001', `参数校验失败: ${op.path} is a page: the browser GETs it`, 405);
  const { search } = new URL(request.url);
  if (search.length > MAX_QUERY_CHARS) return platformError('9001', '参数校验失败: the query is too long', 414);
  if (/%20/i.test(search)) return platformError('1000', 'Timestamp解析失败 (the sandbox, like the platform, wants spaces encoded as +, not %20)');

  const query = new URLSearchParams(search);
  const params: Partial<Record<(typeof PARAMETERS)[number], string>> = {};
  for (const name of PARAMETERS) {
    const values = query.getAll(name);
    if (values.length !== 1 || values[0] === '') return platformError('1000', `认证失败: 缺少或重复的参数 ${name}`);
    params[name] = values[0];
  }
  const { authorization, appId = '', timestamp = '', nonce = '', content = '', signature = '' } = params;
  if (authorization !== 'OPEN-FORM-PARAM') return platformError('1000', '认证失败: authorization must be OPEN-FORM-PARAM');
  const appKey = ctx.appKeys.get(appId);
  if (appKey === undefined) return platformError('1000', '认证失败: AppId不存在');
  const clock = checkBeijingTime(timestamp, COMPACT_TIMESTAMP, ctx.now(), ctx.clockToleranceMs);
  if (clock === 'malformed') return platformError('1000', 'Timestamp解析失败');
  if (clock === 'out-of-range') return platformError('1000', 'Timestamp与服务器时间相差过大');
  if (nonce.length > 128) return platformError('1000', '认证失败: Nonce过长');
  if (!signaturesMatch(signature, expectedBodySignature(appId, appKey, timestamp, nonce, utf8(content)))) return platformError('1000', '认证失败');
  // No nonce bookkeeping here: a browser reload repeats the exact URL, and that must keep working.

  const body = parseContent(content);
  if (!body) return platformError('9001', '参数校验失败: content is not a JSON object');
  const check = checkBody(op, body);
  if (check.invalid) return check.invalid;
  return withUnknownFields(await runBehaviour(request, op, body, appId, ctx), check.unknownFields);
}
