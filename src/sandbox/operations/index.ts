// The behaviours the sandbox simulates, by operationId. An operation in the spec without one is
// still routed, authenticated and validated, then answered NOT_SUPPORTED (see not-supported.ts).
import { accessToken } from './access-token.js';
import { billsPreauthCancel } from './bills-preauth-cancel.js';
import type { OperationBehaviour } from './context.js';
import { netpayQuery } from './netpay-query.js';
import { netpayRefundQuery } from './netpay-refund-query.js';
import { payPointOrderSync } from './pay-point-order-sync.js';

export const behaviours: Readonly<Partial<Record<string, OperationBehaviour>>> = {
  accessToken,
  billsPreauthCancel,
  netpayQuery,
  netpayRefundQuery,
  payPointOrderSync,
};

export const notSupported: OperationBehaviour = (ctx) => {
  const { op } = ctx;
  return new Response(
    JSON.stringify({
      [op.result.codeField]: 'NOT_SUPPORTED',
      [op.result.messageField]: `沙箱暂不支持该接口 — the sandbox validates ${op.operationId} but does not simulate it yet`,
    }),
    { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
};

export type { BehaviourContext, OperationBehaviour } from './context.js';
