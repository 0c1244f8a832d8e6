// The control routes (JSON, under the control prefix) that drive scenarios: create, pay, refund
// and close orders, pay-point orders, the notification log, fault switches and reset. They are
// the sandbox's own API, not the platform's, and need no authentication: bind to 127.0.0.1.
import { readBodyWithLimit } from '../../wire/limited-body.js';
import type { ArmedFault } from '../state/faults.js';
import { asRecord, optionalPositiveInteger, optionalString, SandboxInputError } from '../state/input.js';
import { readOrderInput, readPayPointOrderInput } from '../state/seed.js';
import type { SandboxDelivery, SandboxOrder, SandboxPayPointOrder, SandboxRefundOutcome } from '../types.js';
import { jsonResponse } from './answers.js';

/** The scenario operations the control routes expose (the same object as `sandbox.state`). */
export interface ControlTarget {
  info(): Record<string, unknown>;
  createOrder(input: ReturnType<typeof readOrderInput>): SandboxOrder;
  order(merOrderId: string): SandboxOrder | undefined;
  orders(): SandboxOrder[];
  pay(merOrderId: string, input?: { targetSys?: string }): Promise<{ order: SandboxOrder; delivery: SandboxDelivery | undefined }>;
  refund(merOrderId: string, input?: { refundAmount?: number; refundOrderId?: string }): SandboxRefundOutcome;
  close(merOrderId: string): SandboxOrder;
  createPayPointOrder(input: ReturnType<typeof readPayPointOrderInput>): SandboxPayPointOrder;
  payPointOrders(): SandboxPayPointOrder[];
  deliveries(): SandboxDelivery[];
  armFault(fault: unknown): ArmedFault;
  faults(): ArmedFault[];
  clearFaults(): void;
  reset(): void;
}

/** The routes, for `GET <prefix>` and the documentation. */
export const CONTROL_ROUTES = [
  'GET    {prefix}                       this list, the operations, appIds and merchants',
  'GET    {prefix}/orders                every order',
  'POST   {prefix}/orders                create {totalAmount, merOrderId?, kind?: payment|preauth|bill, mid?, tid?, instMid?, orderDesc?, notifyUrl?, returnUrl?, billNo?, billDate?, qrCodeId?}',
  'GET    {prefix}/orders/{id}           one order (id: merOrderId, or a QR bill\'s billNo)',
  'POST   {prefix}/orders/{id}/pay       pay it {targetSys?}; notifies its notifyUrl (netpay or bills form)',
  'POST   {prefix}/orders/{id}/refund    refund it {refundAmount?, refundOrderId?}; the same refundOrderId again refunds nothing',
  'POST   {prefix}/orders/{id}/close     close an unpaid order',
  'GET    {prefix}/cashier/{id}          the cashier page an H5 URL redirects to, with a Pay button',
  'GET    {prefix}/bills/qrCode.do?id=…  the page a QR bill\'s code opens, with the same Pay button',
  'GET    {prefix}/pay-point-orders      every pay-point order',
  'POST   {prefix}/pay-point-orders      create a completed pay-point order {fenOrderId?, mid?, serviceId?}',
  'GET    {prefix}/notifications         the delivery log',
  'GET    {prefix}/faults                armed faults',
  'POST   {prefix}/faults                arm {type: delay|http-error|platform-9200|drop|refund-processing, count?, operationId?, ms?, status?, polls?}',
  'DELETE {prefix}/faults                disarm all',
  'POST   {prefix}/reset                 back to the seed (orders, faults, tokens)',
] as const;

/** Pretty-printed: people read the control routes' answers in a terminal. */
const json = (body: unknown, status = 200): Response => jsonResponse(body, status, 2);

/** Scenario inputs are small; the limit keeps a runaway client from filling the sandbox's memory. */
const MAX_BODY_BYTES = 1024 * 1024;

function problem(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

async function readJson(request: Request): Promise<unknown> {
  const read = await readBodyWithLimit(request, MAX_BODY_BYTES);
  if (!read.ok) {
    throw read.problem === 'too-large'
      ? new SandboxInputError('INVALID_INPUT', `The body is larger than ${MAX_BODY_BYTES} bytes.`)
      : new SandboxInputError('INVALID_INPUT', 'The body could not be read.');
  }
  const text = new TextDecoder().decode(read.bytes);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SandboxInputError('INVALID_INPUT', 'The body is not valid JSON.');
  }
}

async function route(request: Request, segments: readonly string[], target: ControlTarget): Promise<Response> {
  const method = request.method;
  const [collection, id, action, ...rest] = segments;
  if (rest.length > 0) return problem(404, 'NOT_FOUND', 'No such control route.');

  if (collection === undefined) return method === 'GET' ? json(target.info()) : problem(405, 'METHOD_NOT_ALLOWED', 'Use GET.');

  if (collection === 'orders') {
    if (id === undefined) {
      if (method === 'GET') return json(target.orders());
      if (method === 'POST') return json(target.createOrder(readOrderInput(await readJson(request), 'order')), 201);
      return problem(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.');
    }
    const merOrderId = decodeURIComponent(id);
    if (action === undefined) {
      if (method !== 'GET') return problem(405, 'METHOD_NOT_ALLOWED', 'Use GET.');
      const order = target.order(merOrderId);
      return order ? json(order) : problem(404, 'NOT_FOUND', `No order ${merOrderId}.`);
    }
    if (method !== 'POST') return problem(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
    const body = asRecord(await readJson(request), action);
    if (action === 'pay') {
      const targetSys = optionalString(body, 'targetSys', 'pay');
      return json(await target.pay(merOrderId, targetSys === undefined ? {} : { targetSys }));
    }
    if (action === 'refund') {
      const refundAmount = optionalPositiveInteger(body, 'refundAmount', 'refund');
      const refundOrderId = optionalString(body, 'refundOrderId', 'refund');
      return json(target.refund(merOrderId, { ...(refundAmount === undefined ? {} : { refundAmount }), ...(refundOrderId === undefined ? {} : { refundOrderId }) }));
    }
    if (action === 'close') return json(target.close(merOrderId));
    return problem(404, 'NOT_FOUND', `Unknown order action ${action}: use pay, refund or close.`);
  }

  if (id !== undefined) return problem(404, 'NOT_FOUND', 'No such control route.');
  if (collection === 'pay-point-orders') {
    if (method === 'GET') return json(target.payPointOrders());
    if (method === 'POST') return json(target.createPayPointOrder(readPayPointOrderInput(await readJson(request), 'payPointOrder')), 201);
    return problem(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.');
  }
  if (collection === 'notifications') return method === 'GET' ? json(target.deliveries()) : problem(405, 'METHOD_NOT_ALLOWED', 'Use GET.');
  if (collection === 'faults') {
    if (method === 'GET') return json(target.faults());
    if (method === 'POST') return json(target.armFault(await readJson(request)), 201);
    if (method === 'DELETE') {
      target.clearFaults();
      return json([]);
    }
    return problem(405, 'METHOD_NOT_ALLOWED', 'Use GET, POST or DELETE.');
  }
  if (collection === 'reset') {
    if (method !== 'POST') return problem(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
    target.reset();
    return json({ reset: true });
  }
  return problem(404, 'NOT_FOUND', 'No such control route; GET the control prefix for the list.');
}

/** `subpath` is what follows the prefix, e.g. `/orders/SBX1/pay`. */
export async function handleControlRoute(request: Request, subpath: string, target: ControlTarget): Promise<Response> {
  const segments = subpath.split('/').filter((segment) => segment !== '');
  try {
    return await route(request, segments, target);
  } catch (error) {
    if (error instanceof SandboxInputError) return problem(error.status, error.code, error.message);
    const name = error instanceof Error ? error.name : 'Error';
    return problem(500, 'INTERNAL', `The sandbox failed (${name}).`);
  }
}
