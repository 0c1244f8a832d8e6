// One business call, in the platform's order: gateway faults, method, body, authentication,
// JSON and spec validation, the requestTimestamp check, then the operation's behaviour.
import type { OperationDescriptor } from '../../generated/operations.js';
import { requestValidators } from '../../generated/validators/requests.js';
import type { ValidateFunction } from '../../generated/validators/types.js';
import { gatewayError, platformError } from './answers.js';
import { authenticate, type AuthenticationContext } from './authenticate.js';
import { checkBeijingTime, DATE_TIME } from './clock-check.js';
import type { FaultSwitches } from './faults.js';
import { behaviours, notSupported, type BehaviourContext } from './operations/index.js';
import { businessAnswer } from './operations/envelope.js';
import { checkRequestBody, UNKNOWN_FIELDS_HEADER } from './request-validation.js';
import { sleep } from './sleep.js';
import type { SandboxEffects } from './state/effects.js';
import type { SandboxStore } from './store.js';

const MAX_BODY_BYTES = 1024 * 1024;
const validators: Readonly<Partial<Record<string, ValidateFunction>>> = requestValidators;

export interface BusinessRouterContext extends AuthenticationContext {
  readonly store: SandboxStore;
  readonly effects: SandboxEffects;
  readonly faults: FaultSwitches;
  /** The control prefix: the sandbox's own pages (cashier, QR codes) live under it. */
  readonly controlPrefix: string;
  /** Aborted when the sandbox closes, to end injected delays. */
  readonly closing: AbortSignal;
}

async function readBody(request: Request): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return undefined;
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > MAX_BODY_BYTES ? undefined : bytes;
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** What an armed gateway fault answers instead of the platform (after its delay, if any). */
export async function gatewayFault(op: OperationDescriptor, ctx: BusinessRouterContext): Promise<Response | undefined> {
  const fault = ctx.faults.take(op.operationId);
  if (fault?.type === 'drop') return Response.error();
  if (fault?.type === 'http-error') return gatewayError(fault.status ?? 502);
  if (fault?.type === 'platform-9200') return platformError('9200');
  if (fault?.type === 'delay') await sleep(fault.ms, ctx.closing);
  return undefined;
}

/**
 * Validates the parsed body against the spec: `invalid` is the 9001 answer when it fails. Fields
 * the spec does not list are not a failure (the platform answers them too); they are named in
 * `unknownFields` for the answer's header.
 */
export function checkBody(op: OperationDescriptor, value: unknown): { readonly invalid: Response | undefined; readonly unknownFields: readonly string[] } {
  const validate = validators[op.operationId];
  if (!validate) return { invalid: undefined, unknownFields: [] };
  const check = checkRequestBody(validate, value);
  return { invalid: check.problem ? platformError('9001', check.problem) : undefined, unknownFields: check.unknownFields };
}

/** The answer with the unknown request fields named in a header (the sandbox's report of them). */
export function withUnknownFields(answer: Response, unknownFields: readonly string[]): Response {
  if (unknownFields.length === 0) return answer;
  const headers = new Headers(answer.headers);
  headers.set(UNKNOWN_FIELDS_HEADER, unknownFields.join(','));
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}

/** The requestTimestamp check, then the operation's behaviour. */
export function runBehaviour(request: Request, op: OperationDescriptor, body: Readonly<Record<string, unknown>>, appId: string | undefined, ctx: BusinessRouterContext) {
  const context: BehaviourContext = {
    op,
    body,
    appId,
    store: ctx.store,
    effects: ctx.effects,
    tokens: ctx.tokens,
    appKeys: ctx.appKeys,
    now: ctx.now,
    clockToleranceMs: ctx.clockToleranceMs,
    pagesBase: `${new URL(request.url).origin}${ctx.controlPrefix}`,
  };
  const field = op.requestTimestampField;
  const requestTime = field === null ? undefined : body[field];
  if (typeof requestTime === 'string' && checkBeijingTime(requestTime, DATE_TIME, ctx.now(), ctx.clockToleranceMs) !== 'ok') {
    // A business answer on HTTP 200, as the platform gives it (often a UTC timestamp: 8 h off).
    return businessAnswer(context, 'ABNORMAL_REQUEST_TIME', `${field}与服务器时间相差过大，请使用北京时间`);
  }
  return (behaviours[op.operationId] ?? notSupported)(context);
}

export async function routeBusinessCall(request: Request, op: OperationDescriptor, ctx: BusinessRouterContext): Promise<Response> {
  const faulted = await gatewayFault(op, ctx);
  if (faulted) return faulted;

  if (request.method !== op.method) return platformError('9001', `参数校验失败: ${op.path} accepts ${op.method} only`, 405);
  const bytes = await readBody(request);
  if (!bytes) return platformError('9001', `参数校验失败: the body is larger than ${MAX_BODY_BYTES} bytes`, 413);

  let appId: string | undefined;
  if (op.security.length > 0) {
    const auth = authenticate(request.headers.get('authorization'), bytes, ctx);
    if (!auth.ok) return auth.response;
    appId = auth.appId;
  }

  if (!/\bjson\b/i.test(request.headers.get('content-type') ?? '')) {
    return platformError('9001', '参数校验失败: Content-Type must be application/json');
  }
  const parsed = parseJson(bytes);
  if (!parsed.ok) return platformError('9001', '参数校验失败: the body is not valid UTF-8 JSON');
  const check = checkBody(op, parsed.value);
  if (check.invalid) return check.invalid;
  const answer = await runBehaviour(request, op, parsed.value as Readonly<Record<string, unknown>>, appId, ctx);
  return withUnknownFields(answer, check.unknownFields);
}
