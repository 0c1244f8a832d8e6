// The sandbox's memory: merchants, orders and pay-point orders, and the state changes the
// scenarios make (pay, refund, close). Answers to business calls are read from here.
import { beijingCompactTimestamp, beijingDate, beijingDateTime } from '../time.js';
import {
  newAuthIdRespCd,
  newBillNo,
  newBuyerId,
  newFenOrderId,
  newMerOrderId,
  newRefundOrderId,
  newSeqId,
  newServiceId,
  newTargetOrderId,
} from './ids.js';
import { SandboxInputError } from './input-error.js';
import type {
  SandboxMerchant,
  SandboxOrder,
  SandboxOrderInput,
  SandboxPayInput,
  SandboxPayPointOrder,
  SandboxPayPointOrderInput,
  SandboxRefund,
  SandboxRefundInput,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const MAX_ORDERS = 10_000;
const ORDER_ID = /^[0-9A-Za-z_-]{6,32}$/;

function snapshot(order: Mutable<SandboxOrder>): SandboxOrder {
  return Object.freeze({ ...order, refunds: Object.freeze([...order.refunds]) });
}

export class SandboxStore {
  readonly #merchants = new Map<string, SandboxMerchant>();
  readonly #orders = new Map<string, Mutable<SandboxOrder>>();
  readonly #payPoint = new Map<string, Mutable<SandboxPayPointOrder>>();

  constructor(private readonly now: () => number) {}

  addMerchant(merchant: SandboxMerchant): void {
    this.#merchants.set(merchant.mid, Object.freeze({ ...merchant, tids: Object.freeze([...merchant.tids]) }));
  }

  merchant(mid: string): SandboxMerchant | undefined {
    return this.#merchants.get(mid);
  }

  merchants(): SandboxMerchant[] {
    return [...this.#merchants.values()];
  }

  clearOrders(): void {
    this.#orders.clear();
    this.#payPoint.clear();
  }

  createOrder(input: SandboxOrderInput): SandboxOrder {
    const merchant = input.mid === undefined ? this.merchants()[0] : this.#merchants.get(input.mid);
    if (!merchant) throw new SandboxInputError('INVALID_INPUT', `No merchant ${input.mid ?? ''} in the sandbox; add it to merchants or the seed.`);
    const tid = input.tid ?? merchant.tids[0];
    if (tid === undefined || !merchant.tids.includes(tid)) {
      throw new SandboxInputError('INVALID_INPUT', `Merchant ${merchant.mid} has no terminal ${input.tid ?? ''}.`);
    }
    const merOrderId = input.merOrderId ?? newMerOrderId();
    if (!ORDER_ID.test(merOrderId)) throw new SandboxInputError('INVALID_INPUT', 'merOrderId must be 6..32 letters, digits, `_` or `-`.');
    if (this.#orders.has(merOrderId)) throw new SandboxInputError('CONFLICT', `Order ${merOrderId} already exists (DUP_ORDER).`);
    if (!Number.isSafeInteger(input.totalAmount) || input.totalAmount <= 0) {
      throw new SandboxInputError('INVALID_INPUT', 'totalAmount must be a positive integer number of fen.');
    }
    if (this.#orders.size >= MAX_ORDERS) throw new SandboxInputError('CONFLICT', `The sandbox holds at most ${MAX_ORDERS} orders; reset it.`);
    const kind = input.kind ?? 'payment';
    const now = this.now();
    const order: Mutable<SandboxOrder> = {
      merOrderId,
      kind,
      mid: merchant.mid,
      tid,
      instMid: input.instMid ?? (kind === 'preauth' ? 'QRPAYDEFAULT' : 'YUEDANDEFAULT'),
      totalAmount: input.totalAmount,
      status: 'NEW_ORDER',
      orderDesc: input.orderDesc ?? '沙箱订单',
      notifyUrl: input.notifyUrl,
      createTime: beijingDateTime(now),
      payTime: undefined,
      settleDate: undefined,
      seqId: newSeqId(),
      targetOrderId: '',
      targetSys: '',
      buyerId: '',
      billNo: kind === 'preauth' ? newBillNo(beijingCompactTimestamp(now)) : undefined,
      billDate: kind === 'preauth' ? beijingDate(now) : undefined,
      authIdRespCd: undefined,
      refunds: [],
    };
    this.#orders.set(merOrderId, order);
    return snapshot(order);
  }

  order(merOrderId: string): SandboxOrder | undefined {
    const order = this.#orders.get(merOrderId);
    return order && snapshot(order);
  }

  orders(): SandboxOrder[] {
    return [...this.#orders.values()].map(snapshot);
  }

  /** The order a refund query names: by refundOrderId (退货订单号), else by the order's own id. */
  findByRefund(merOrderId: string): { order: SandboxOrder; refund: SandboxRefund | undefined } | undefined {
    for (const order of this.#orders.values()) {
      const refund = order.refunds.find((r) => r.refundOrderId === merOrderId);
      if (refund) return { order: snapshot(order), refund };
    }
    const order = this.#orders.get(merOrderId);
    return order && { order: snapshot(order), refund: order.refunds.at(-1) };
  }

  pay(merOrderId: string, input: SandboxPayInput = {}): SandboxOrder {
    const order = this.#require(merOrderId);
    if (order.status !== 'NEW_ORDER' && order.status !== 'WAIT_BUYER_PAY') {
      throw new SandboxInputError('CONFLICT', `Order ${merOrderId} is ${order.status}; only an unpaid order can be paid.`);
    }
    const now = this.now();
    order.status = 'TRADE_SUCCESS';
    order.payTime = beijingDateTime(now);
    order.settleDate = beijingDate(now);
    order.targetSys = input.targetSys ?? 'WXPay';
    order.targetOrderId = newTargetOrderId();
    order.buyerId = newBuyerId();
    if (order.kind === 'preauth') order.authIdRespCd = newAuthIdRespCd();
    return snapshot(order);
  }

  refund(merOrderId: string, input: SandboxRefundInput = {}): { order: SandboxOrder; refund: SandboxRefund } {
    const order = this.#require(merOrderId);
    if (order.kind !== 'payment') throw new SandboxInputError('CONFLICT', `Order ${merOrderId} is a pre-authorisation: cancel it instead.`);
    if (order.status !== 'TRADE_SUCCESS' && order.status !== 'TRADE_REFUND') {
      throw new SandboxInputError('CONFLICT', `Order ${merOrderId} is ${order.status}; only a paid order can be refunded.`);
    }
    const refunded = order.refunds.reduce((sum, r) => sum + r.refundAmount, 0);
    const remaining = order.totalAmount - refunded;
    const refundAmount = input.refundAmount ?? remaining;
    if (!Number.isSafeInteger(refundAmount) || refundAmount <= 0 || refundAmount > remaining) {
      throw new SandboxInputError('CONFLICT', `refundAmount must be 1..${remaining} fen (the amount not yet refunded).`);
    }
    const refundOrderId = input.refundOrderId ?? newRefundOrderId();
    if (!ORDER_ID.test(refundOrderId)) throw new SandboxInputError('INVALID_INPUT', 'refundOrderId must be 6..32 letters, digits, `_` or `-`.');
    if (this.findByRefund(refundOrderId)) throw new SandboxInputError('CONFLICT', `refundOrderId ${refundOrderId} is already used.`);
    const refund: SandboxRefund = Object.freeze({
      refundOrderId,
      refundAmount,
      refundTime: beijingDateTime(this.now()),
      refundTargetOrderId: `50300${newTargetOrderId().slice(5)}`,
    });
    order.refunds = [...order.refunds, refund];
    order.status = 'TRADE_REFUND';
    return { order: snapshot(order), refund };
  }

  /** Closes an unpaid order, or cancels (voids) an authorised pre-authorisation. */
  close(merOrderId: string): SandboxOrder {
    const order = this.#require(merOrderId);
    const closable = order.status === 'NEW_ORDER' || order.status === 'WAIT_BUYER_PAY' || (order.kind === 'preauth' && order.status === 'TRADE_SUCCESS');
    if (!closable) throw new SandboxInputError('CONFLICT', `Order ${merOrderId} is ${order.status} and cannot be closed.`);
    order.status = 'TRADE_CLOSED';
    return snapshot(order);
  }

  createPayPointOrder(input: SandboxPayPointOrderInput): SandboxPayPointOrder {
    const mid = input.mid ?? this.merchants()[0]?.mid;
    if (mid === undefined || !this.#merchants.has(mid)) throw new SandboxInputError('INVALID_INPUT', `No merchant ${mid ?? ''} in the sandbox.`);
    const fenOrderId = input.fenOrderId ?? newFenOrderId();
    if (fenOrderId.length > 32) throw new SandboxInputError('INVALID_INPUT', 'fenOrderId must be at most 32 characters.');
    if (this.#payPoint.has(fenOrderId)) throw new SandboxInputError('CONFLICT', `Pay-point order ${fenOrderId} already exists.`);
    const order: Mutable<SandboxPayPointOrder> = { fenOrderId, mid, serviceId: input.serviceId ?? newServiceId(), status: 'COMPLETED', paidTime: undefined };
    this.#payPoint.set(fenOrderId, order);
    return Object.freeze({ ...order });
  }

  payPointOrder(fenOrderId: string): SandboxPayPointOrder | undefined {
    const order = this.#payPoint.get(fenOrderId);
    return order && Object.freeze({ ...order });
  }

  payPointOrders(): SandboxPayPointOrder[] {
    return [...this.#payPoint.values()].map((order) => Object.freeze({ ...order }));
  }

  markPayPointPaid(fenOrderId: string, paidTime: string): SandboxPayPointOrder {
    const order = this.#payPoint.get(fenOrderId);
    if (!order) throw new SandboxInputError('NOT_FOUND', `No pay-point order ${fenOrderId}.`);
    order.status = 'PAID';
    order.paidTime = paidTime;
    return Object.freeze({ ...order });
  }

  #require(merOrderId: string): Mutable<SandboxOrder> {
    const order = this.#orders.get(merOrderId);
    if (!order) throw new SandboxInputError('NOT_FOUND', `No order ${merOrderId} in the sandbox.`);
    return order;
  }
}
