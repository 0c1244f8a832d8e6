import type { OperationDescriptor } from '../../generated/operations.js';
import type { ReceivedValidateFunction } from '../../generated/validators/types.js';
import {
  ApiError,
  AuthenticationError,
  ClockError,
  HttpError,
  PlatformError,
  ResponseParseError,
  type ChinaUmsErrorDetails,
} from '../errors.js';
import { readReceived, type ReceivedProblem } from '../wire/received.js';

export interface RawResponse {
  readonly status: number;
  readonly text: string;
}

const PLATFORM_CODE = /^\d{4}$/;
const PLATFORM_HINTS: Record<string, string> = {
  '1000':
    '认证失败 (authentication failed): check appId and appKey (no surrounding whitespace), that the body was not changed after signing, and that the clock is right (timestamps are Beijing time).',
  '1001': '授权失败 (authorization failed): this appId is not authorized for the operation; ask ChinaUMS to enable the product for it.',
  '9001': '参数校验失败 (parameter validation failed): a required field is missing or malformed; compare the body with the spec.',
  '9200': 'a transient platform error (seen in the test environment); it usually succeeds when retried.',
  '9999': '系统错误 (platform system error); retry later or contact ChinaUMS with the response time.',
};
const CLOCK_HINT = 'Check the host clock: ChinaUMS compares timestamps with Beijing time (UTC+8).';
const BUSINESS_HINTS: Record<string, string> = {
  BAD_SIGN: 'The platform rejected the signature: check appKey and that the body was not re-serialized after signing.',
  NO_ORDER: 'No order with this merOrderId for this mid/tid: check the ids and the environment (test vs production).',
  NO_MERCHANT: 'Unknown merchant: check mid, tid and instMid for this environment.',
  DUP_ORDER: 'The order id was already used.',
  ORDER_PROCESSING: 'The order is still being processed: query it again later.',
  DENIED_IP: 'The calling IP is not on the allow-list configured with ChinaUMS.',
  INACTIVE_MERCHANT: 'The merchant is not active.',
  INVLID_MERCHANT_CONFIG: 'The merchant configuration is invalid on the platform side.',
  OPERATION_NOT_ALLOWED: 'The order is not in a state that allows this operation.',
};

/** Names the ids that identify the object for this operation (x-identified-by in the spec). */
function noOrderHint(op: OperationDescriptor): string {
  const ids = op.identifiedBy;
  if (ids.length === 0) return BUSINESS_HINTS['NO_ORDER']!;
  return `Nothing matches this ${ids.join(' + ')}: check those ids and the environment (test vs production).`;
}

function looksLikeClockProblem(code: string, message: string): boolean {
  return code === 'ABNORMAL_REQUEST_TIME' || /timestamp|时间/i.test(message);
}

/** A received value as text: a string as is, `''` for none, anything else as its JSON. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

export interface InterpretedResponse {
  readonly data: Record<string, unknown>;
  /** Values of a success answer that the spec does not document; the answer is data all the same. */
  readonly problems: readonly ReceivedProblem[];
}

/**
 * Turns one HTTP answer into the operation's typed data or the error that explains it.
 * Only the platform's own words and codes go into messages: nothing from the request.
 * A success answer is never refused for its values (see received.ts); `validate` (the operation's
 * response validator, when the client has them) adds what the pages document to the check.
 */
export function interpretResponse(
  op: OperationDescriptor,
  raw: RawResponse,
  attempts: number,
  rawBodyForErrors: string = raw.text,
  validate?: ReceivedValidateFunction,
): InterpretedResponse {
  // `rawBodyForErrors` lets the token call keep its secret out of errors while the parse reads the real body.
  const base: Omit<ChinaUmsErrorDetails, 'code'> = { status: raw.status, operation: op.operationId, attempts, rawBody: rawBodyForErrors };
  const ok = raw.status >= 200 && raw.status < 300;
  let body: unknown;
  try {
    body = raw.text === '' ? undefined : JSON.parse(raw.text);
  } catch (cause) {
    if (!ok) throw new HttpError(`${op.operationId}: HTTP ${raw.status} with a non-JSON body (a gateway or proxy answered, not ChinaUMS).`, { ...base, code: `HTTP_${raw.status}`, cause });
    throw new ResponseParseError(`${op.operationId}: HTTP ${raw.status} but the body is not JSON.`, { ...base, code: 'INVALID_JSON', cause });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (!ok) throw new HttpError(`${op.operationId}: HTTP ${raw.status} without a ChinaUMS error body.`, { ...base, code: `HTTP_${raw.status}` });
    throw new ResponseParseError(`${op.operationId}: expected a JSON object, got ${body === undefined ? 'an empty body' : typeof body}.`, { ...base, code: 'INVALID_JSON' });
  }
  const record = body as Record<string, unknown>;
  const code = textOf(record[op.result.codeField]);
  const errCode = textOf(record['errCode']);
  const errInfo = record['errInfo'];

  // The platform layer (auth, gateway validation) answers errCode + errInfo, usually with HTTP 412.
  if (typeof errInfo === 'string' && PLATFORM_CODE.test(errCode) && !op.result.success.includes(errCode)) {
    const hint = PLATFORM_HINTS[errCode] ?? 'an error from the platform layer.';
    const message = `${op.operationId}: errCode ${errCode} ${errInfo ? `"${errInfo}"` : ''} — ${hint}`;
    const details = { ...base, code: errCode };
    if (errCode === '1000' && looksLikeClockProblem(errCode, errInfo)) throw new ClockError(`${message} ${CLOCK_HINT}`, details);
    if (errCode === '1000' || errCode === '1001') throw new AuthenticationError(message, details);
    throw new PlatformError(message, details);
  }
  if (!ok) {
    const message = `${op.operationId}: HTTP ${raw.status}${code ? ` with ${op.result.codeField} ${code}` : ''}.`;
    throw new HttpError(message, { ...base, code: code || `HTTP_${raw.status}` });
  }
  if (!op.result.success.includes(code)) {
    const platformMessage = textOf(record[op.result.messageField]);
    const hint = code === 'NO_ORDER' ? noOrderHint(op) : (BUSINESS_HINTS[code] ?? '');
    const what = code ? `${op.result.codeField} ${code}` : `no ${op.result.codeField} in the response`;
    const message = `${op.operationId}: ${what}${platformMessage ? ` "${platformMessage}"` : ''}${hint ? ` — ${hint}` : ''}`;
    if (looksLikeClockProblem(code, '')) throw new ClockError(`${message} ${CLOCK_HINT}`, { ...base, code });
    throw new ApiError(message, { ...base, code: code || 'MISSING_RESULT_CODE' });
  }
  return { data: record, problems: readReceived(record, op.responseWireFormat, validate) };
}
