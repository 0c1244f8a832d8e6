// The behaviours the sandbox simulates, by operationId, and how the router runs one: the
// requestTimestamp check first, then the behaviour. An operation in the spec without a behaviour
// is still routed, authenticated and validated, then answered NOT_SUPPORTED.
import type { OperationDescriptor } from '../../../../generated/operations.js';
import { businessAnswer, jsonResponse } from '../answers.js';
import { checkBeijingTime, DATE_TIME, issueAccessToken } from '../authenticate.js';
import { billsCloseQrcode, billsGetQrcode, billsQuery, billsRefund } from './bills.js';
import type { BehaviourContext, BehaviourEnvironment, OperationBehaviour } from './context.js';
import { creationBehaviour, CREATION_OPERATIONS, h5Pay, H5_OPERATIONS, netpayClose, netpayQuery } from './orders.js';
import { billsPreauthCancel, payPointOrderSync } from './preauth-and-pay-point.js';
import { netpayRefund, netpayRefundQuery } from './refunds.js';

export const behaviours: Readonly<Partial<Record<string, OperationBehaviour>>> = {
  accessToken: issueAccessToken,
  billsCloseQrcode,
  billsGetQrcode,
  billsPreauthCancel,
  billsQuery,
  billsRefund,
  netpayClose,
  netpayQuery,
  netpayRefund,
  netpayRefundQuery,
  payPointOrderSync,
  ...Object.fromEntries(CREATION_OPERATIONS.map((id) => [id, creationBehaviour(id)])),
  ...Object.fromEntries(H5_OPERATIONS.map((id) => [id, h5Pay])),
};

const notSupported: OperationBehaviour = ({ op }) =>
  jsonResponse({
    [op.result.codeField]: 'NOT_SUPPORTED',
    [op.result.messageField]: `沙箱暂不支持该接口 — the sandbox validates ${op.operationId} but does not simulate it yet`,
  });

export interface RunContext extends BehaviourEnvironment {
  /** The control prefix: the sandbox's own pages (cashier, QR codes) live under it. */
  readonly controlPrefix: string;
}

/** Runs the operation on an authenticated, validated body: the requestTimestamp check, then its behaviour. */
export function runBehaviour(request: Request, op: OperationDescriptor, body: Readonly<Record<string, unknown>>, appId: string | undefined, ctx: RunContext) {
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
