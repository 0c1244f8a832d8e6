// A call to the platform's API, in the platform's order: the path, gateway faults, then for a
// business call the method, body, authentication, JSON and spec validation and the operation's
// behaviour (H5 pages take the form router instead).
import { operations, type OperationDescriptor } from '../../../generated/operations.js';
import { readBodyWithLimit } from '../../wire/limited-body.js';
import { sleep } from '../../signals.js';
import type { FaultSwitches } from '../state/faults.js';
import { gatewayError, platformError } from './answers.js';
import { authenticate, type AuthenticationContext } from './authenticate.js';
import { routeFormCall } from './form-router.js';
import { runBehaviour, type RunContext } from './operations/index.js';
import { checkBody, withUnknownFields } from './validate.js';

const MAX_BODY_BYTES = 1024 * 1024;

const byPath = new Map<string, OperationDescriptor>(Object.values(operations as Readonly<Record<string, OperationDescriptor>>).map((op) => [op.path, op]));

export interface PlatformContext extends AuthenticationContext, RunContext {
  readonly faults: FaultSwitches;
  /** Aborted when the sandbox closes, to end injected delays. */
  readonly closing: AbortSignal;
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** What an armed gateway fault answers instead of the platform (after its delay, if any). */
async function gatewayFault(op: OperationDescriptor, ctx: PlatformContext): Promise<Response | undefined> {
  const fault = ctx.faults.take(op.operationId);
  if (fault?.type === 'drop') return Response.error();
  if (fault?.type === 'http-error') return gatewayError(fault.status ?? 502);
  if (fault?.type === 'platform-9200') return platformError('9200');
  // Closing the sandbox cuts the delay short; the call is then answered as usual.
  if (fault?.type === 'delay') await sleep(fault.ms, ctx.closing).catch(() => undefined);
  return undefined;
}

/** A call to a platform path (`/v1/…`): 404 for a path the spec does not have. */
export async function routeApiCall(request: Request, pathname: string, ctx: PlatformContext): Promise<Response> {
  const op = byPath.get(pathname);
  if (!op) return platformError('9999', `接口不存在 (no such API): ${pathname}`, 404);
  const faulted = await gatewayFault(op, ctx);
  if (faulted) return faulted;
  // H5 pages are browser GETs signed with OPEN-FORM-PARAM, answered with a 302.
  return op.transport === 'browser-redirect' ? routeFormCall(request, op, ctx) : routeBusinessCall(request, op, ctx);
}

/** A JSON business call (gateway faults already applied). */
export async function routeBusinessCall(request: Request, op: OperationDescriptor, ctx: PlatformContext): Promise<Response> {
  if (request.method !== op.method) return platformError('9001', `参数校验失败: ${op.path} accepts ${op.method} only`, 405);
  const read = await readBodyWithLimit(request, MAX_BODY_BYTES);
  if (!read.ok) {
    return read.problem === 'too-large'
      ? platformError('9001', `参数校验失败: the body is larger than ${MAX_BODY_BYTES} bytes`, 413)
      : platformError('9001', '参数校验失败: the body could not be read', 400);
  }

  let appId: string | undefined;
  if (op.security.length > 0) {
    const auth = authenticate(request.headers.get('authorization'), read.bytes, ctx);
    if (!auth.ok) return auth.response;
    appId = auth.appId;
  }

  if (!/\bjson\b/i.test(request.headers.get('content-type') ?? '')) {
    return platformError('9001', '参数校验失败: Content-Type must be application/json');
  }
  const parsed = parseJson(read.bytes);
  if (!parsed.ok) return platformError('9001', '参数校验失败: the body is not valid UTF-8 JSON');
  const check = checkBody(op, parsed.value);
  if (check.invalid) return check.invalid;
  const answer = await runBehaviour(request, op, parsed.value as Readonly<Record<string, unknown>>, appId, ctx);
  return withUnknownFields(answer, check.unknownFields);
}
