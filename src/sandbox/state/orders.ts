// The sandbox's memory: merchants, orders and pay-point orders, and the state changes the
// scenarios make (pay, refund, close). Answers to business calls are read from here.
import { beijingCompactTimestamp, beijingDate, beijingDateTime } from '../../time.js';
import {
  newAuthIdRespCd,
  newBillNo,
  newBuyerId,
  newFenOrderId,
  newMerOrderId,
  newQrCodeId,
  newSeqId,
  newServiceId,
  newTargetOrderId,
} from './ids.js';
import { SandboxInputError } from './input.js';
import type {
  SandboxMerchant,
  SandboxOrder,
  SandboxOrderInput,
  SandboxPayInput,
  SandboxPayPointOrder,
  SandboxPayPointOrderInput,
  SandboxRefund,
  SandboxRefundInput,
  SandboxRefundOutcome,
  Mutable,
} from '../types.js';
import { applyRefund, planRefund, settleRefund } from './refunds.js';


const MAX_ORDERS = 10_000;
const ORDER_ID = /^[0-9A-Za-z_-]{6,32}$/;
const BILL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function snapshot(order: Mutable<SandboxOrder>): SandboxOrder {
  return Object.freeze({ ...order, refunds: Object.freeze([...order.refunds]) });
}

/** The outcome of one refund query against a PROCESSING refund. */
export interface RefundPoll {
  readonly order: SandboxOrder;
  readonly refund: SandboxRefund;
  /** True when this query moved it to SUCCESS (the moment a refund notification goes out). */
  readonly settledNow: boolean;
}

export class SandboxStore {
  readonly #merchants = new Map<string, SandboxMerchant>();
  readonly #orders = new Map<string, Mutable<SandboxOrder>>();
  /** billNo → merOrderId, qrCodeId → merOrderId, refundOrderId → merOrderId. */
  readonly #bills = new Map<string, string>();
  readonly #qrCodes = new Map<string, string>();
  readonly #refundIds = new Map<string, string>();
  /** refundOrderId → refund queries left before a PROCESSING refund turns SUCCESS. */
  readonly #pendingPolls = new Map<string, number>();
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
    for (const map of [this.#orders, this.#bills, this.#qrCodes, this.#refundIds, this.#pendingPolls, this.#payPoint]) map.clear();
  }

  createOrder(input: SandboxOrderInput): SandboxOrder {
    const merchant = input.mid === undefined ? this.merchants()[0] : this.#merchants.get(input.mid);
    if (!merchant) throw new SandboxInputError('INVALID_INPUT', `No merchant ${input.mid ?? ''} in the sandbox; add it to merchants or the seed.`);
    const tid = input.tid ?? merchant.tids[0];
    if (tid === undefined || !merchant.tids.includes(tid)) {
      throw new SandboxInputError('INVALID_INPUT', `Merchant ${merchant.mid} has no terminal ${input.tid ?? ''}.`);
    }
    const kind = input.kind ?? 'payment';
    const now = this.now();
    const hasBill = kind !== 'payment';
    const billNo = hasBill ? (input.billNo ?? newBillNo(beijingCompactTimestamp(now))) : undefined;
    if (billNo !== undefined && (!/^[0-9A-Za-z_-]{6,31}$/.test(billNo) || this.#bills.has(billNo))) {
      throw new SandboxInputError(this.#bills.has(billNo) ? 'CONFLICT' : 'INVALID_INPUT', this.#bills.has(billNo) ? `Bill ${billNo} already exists (DUP_ORDER).` : 'billNo must be 6..31 letters, digits, `_` or `-`.');
    }
    const billDate = hasBill ? (input.billDate ?? beijingDate(now)) : undefined;
    if (billDate !== undefined && !BILL_DATE.test(billDate)) throw new SandboxInputError('INVALID_INPUT', 'billDate must be yyyy-MM-dd.');
    // The WeChat channel appends one character to a bill's number to make its order number (V-c2b example).
    const merOrderId = input.merOrderId ?? (kind === 'bill' && billNo !== undefined ? `${billNo}0` : newMerOrderId());
    if (!ORDER_ID.test(merOrderId)) throw new SandboxInputError('INVALID_INPUT', 'merOrderId must be 6..32 letters, digits, `_` or `-`.');
    if (this.#orders.has(merOrderId)) throw new SandboxInputError('CONFLICT', `Order ${merOrderId} already exists (DUP_ORDER).`);
    if (!Number.isSafeInteger(input.totalAmount) || input.totalAmount <= 0 || input.totalAmount > 100_000_000) {
      throw new SandboxInputError('INVALID_INPUT', 'totalAmount must be a whole number of fen, 1..100000000.');
    }
    if (this.#orders.size >= MAX_ORDERS) throw new SandboxInputError('CONFLICT', `The sandbox holds at most ${MAX_ORDERS} orders; reset it.`);
    const qrCodeId = kind === 'bill' ? (input.qrCodeId ?? newQrCodeId()) : undefined;
    if (qrCodeId !== undefined && this.#qrCodes.has(qrCodeId)) throw new SandboxInputError('CONFLICT', `QR code ${qrCodeId} already exists.`);
    const order: Mutable<SandboxOrder> = {
      merOrderId,
      kind,
      mid: merchant.mid,
      tid,
      instMid: input.instMid ?? (hasBill ? 'QRPAYDEFAULT' : 'YUEDANDEFAULT'),
      totalAmount: input.totalAmount,
      status: input.initialStatus ?? 'NEW_ORDER',
      orderDesc: input.orderDesc ?? '沙箱订单',
      notifyUrl: input.notifyUrl,
      returnUrl: input.returnUrl,
      createdBy: input.createdBy,
      attachedData: input.attachedData,
      createTime: beijingDateTime(now),
      payTime: undefined,
      settleDate: undefined,
      seqId: newSeqId(),
      targetOrderId: input.targetOrderId ?? '',
      targetSys: input.targetSys ?? '',
      buyerId: '',
      billNo,
      billDate,
      qrCodeId,
      authIdRespCd: undefined,
      refunds: [],
    };
    this.#orders.set(merOrderId, order);
    if (billNo !== undefined) this.#bills.set(billNo, merOrderId);
    if (qrCodeId !== undefined) this.#qrCodes.set(qrCodeId, merOrderId);
    return snapshot(order);
  }

  /** An order by its merOrderId, or a bill by its billNo ("billNo 也可填 merOrderId"). */
  order(id: string): SandboxOrder | undefined {
    const order = this.#find(id);
    return order && snapshot(order);
  }

  orderByQrCode(qrCodeId: string): SandboxOrder | undefined {
    const merOrderId = this.#qrCodes.get(qrCodeId);
    return merOrderId === undefined ? undefined : this.order(merOrderId);
  }

  orders(): SandboxOrder[] {
    return [...this.#orders.values()].map(snapshot);
  }

  /** The order a refund query names: by refundOrderId (退货订单号), else by the order's own id. */
  findByRefund(id: string): { order: SandboxOrder; refund: SandboxRefund | undefined } | undefined {
    const owner = this.#refundIds.get(id);
    const byRefund = owner === undefined ? undefined : this.#orders.get(owner);
    if (byRefund) return { order: snapshot(byRefund), refund: byRefund.refunds.find((r) => r.refundOrderId === id) };
    const order = this.#find(id);
    return order && { order: snapshot(order), refund: order.refunds.at(-1) };
  }

  pay(id: string, input: SandboxPayInput = {}): SandboxOrder {
    const order = this.#require(id);
    if (order.status !== 'NEW_ORDER' && order.status !== 'WAIT_BUYER_PAY') {
      throw new SandboxInputError('CONFLICT', `Order ${id} is ${order.status}; only an unpaid order can be paid.`);
    }
    const now = this.now();
    order.status = 'TRADE_SUCCESS';
    order.payTime = beijingDateTime(now);
    order.settleDate = beijingDate(now);
    order.targetSys = input.targetSys ?? (order.targetSys || 'WXPay');
    order.targetOrderId = order.targetOrderId || newTargetOrderId();
    order.buyerId = newBuyerId();
    if (order.kind === 'preauth') order.authIdRespCd = newAuthIdRespCd();
    return snapshot(order);
  }

  /**
   * Refunds part or all of a paid order; the same refundOrderId again returns the first refund
   * (`repeated`). With `processingPolls` the refund starts PROCESSING for that many queries.
   */
  refund(id: string, input: SandboxRefundInput = {}, processingPolls?: number): SandboxRefundOutcome {
    const order = this.#require(id);
    const used = (refundOrderId: string) => this.#refundIds.has(refundOrderId) && this.#refundIds.get(refundOrderId) !== order.merOrderId;
    const plan = planRefund(order, input, used, this.now(), processingPolls !== undefined);
    if (plan.existing) return { order: snapshot(order), refund: plan.existing, repeated: true };
    applyRefund(order, plan.refund);
    this.#refundIds.set(plan.refund.refundOrderId, order.merOrderId);
    if (processingPolls !== undefined) this.#pendingPolls.set(plan.refund.refundOrderId, processingPolls);
    return { order: snapshot(order), refund: plan.refund, repeated: false };
  }

  /** One refund query: a PROCESSING refund counts it down and turns SUCCESS at zero. */
  pollRefund(refundOrderId: string): RefundPoll | undefined {
    const owner = this.#refundIds.get(refundOrderId);
    const order = owner === undefined ? undefined : this.#orders.get(owner);
    const refund = order?.refunds.find((r) => r.refundOrderId === refundOrderId);
    if (!order || !refund) return undefined;
    const left = this.#pendingPolls.get(refundOrderId);
    if (left === undefined) return { order: snapshot(order), refund, settledNow: false };
    if (left > 1) {
      this.#pendingPolls.set(refundOrderId, left - 1);
      return { order: snapshot(order), refund, settledNow: false };
    }
    this.#pendingPolls.delete(refundOrderId);
    const settled = settleRefund(order, refundOrderId) ?? refund;
    return { order: snapshot(order), refund: settled, settledNow: true };
  }

  /** Closes an unpaid order, or cancels (voids) an authorised pre-authorisation. */
  close(id: string): SandboxOrder {
    const order = this.#require(id);
    const closable = order.status === 'NEW_ORDER' || order.status === 'WAIT_BUYER_PAY' || (order.kind === 'preauth' && order.status === 'TRADE_SUCCESS');
    if (!closable) throw new SandboxInputError('CONFLICT', `Order ${id} is ${order.status} and cannot be closed.`);
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

  #find(id: string): Mutable<SandboxOrder> | undefined {
    const billOwner = this.#bills.get(id);
    return this.#orders.get(id) ?? (billOwner === undefined ? undefined : this.#orders.get(billOwner));
  }

  #require(id: string): Mutable<SandboxOrder> {
    const order = this.#find(id);
    if (!order) throw new SandboxInputError('NOT_FOUND', `No order or bill ${id} in the sandbox.`);
    return order;
  }
}
