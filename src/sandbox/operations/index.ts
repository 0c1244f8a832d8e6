// The behaviours the sandbox simulates, by operationId. An operation in the spec without one is
// still routed, authenticated and validated, then answered NOT_SUPPORTED.
import { accessToken } from './access-token.js';
import { billsCloseQrcode } from './bills-close-qrcode.js';
import { billsGetQrcode } from './bills-get-qrcode.js';
import { billsPreauthCancel } from './bills-preauth-cancel.js';
import { billsQuery } from './bills-query.js';
import { billsRefund } from './bills-refund.js';
import type { OperationBehaviour } from './context.js';
import { h5Pay, H5_OPERATIONS } from './h5-pay.js';
import { netpayClose } from './netpay-close.js';
import { netpayQuery } from './netpay-query.js';
import { netpayRefund } from './netpay-refund.js';
import { netpayRefundQuery } from './netpay-refund-query.js';
import { creationBehaviour, CREATION_OPERATIONS } from './order-create-answers.js';
import { payPointOrderSync } from './pay-point-order-sync.js';

export const behaviours: Readonly<Partial<Record<string, OperationBehaviour>>> = {
  accessToken,
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
