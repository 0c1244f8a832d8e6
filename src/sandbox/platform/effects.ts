// State changes that reach outside the store: paying or refunding an order pushes the signed
// notification to its notifyUrl; the refund-processing fault holds new refunds PROCESSING until
// enough refund queries have seen them. Shared by `sandbox.state`, the control routes, the cashier
// pages and the API behaviours, so every path behaves the same.
import type { FaultSwitches } from '../state/faults.js';
import type { RefundPoll, SandboxStore } from '../state/orders.js';
import type { SandboxDelivery, SandboxOrder, SandboxPayInput, SandboxRefund, SandboxRefundInput, SandboxRefundOutcome } from '../types.js';
import { paymentNotificationFields, refundNotificationFields } from './notification-fields.js';
import type { NotificationDispatcher } from './notifier.js';

export interface SandboxEffects {
  /** Pays the order (by merOrderId, or a bill by billNo) and starts delivering its notification. */
  pay(id: string, input?: SandboxPayInput): Promise<{ order: SandboxOrder; delivery: SandboxDelivery | undefined }>;
  /** Refunds (idempotent on refundOrderId); a new SUCCESS refund is notified. */
  refund(id: string, input?: SandboxRefundInput): SandboxRefundOutcome;
  /** One refund query of a refund by its refundOrderId; notifies when it turns SUCCESS. */
  pollRefund(refundOrderId: string): RefundPoll | undefined;
  /** Resolves when no notification is being signed or delivered. */
  idle(): Promise<void>;
}

export function createEffects(store: SandboxStore, faults: FaultSwitches, dispatcher: NotificationDispatcher, now: () => number): SandboxEffects {
  const signing = new Set<Promise<unknown>>();

  function notifyRefund(order: SandboxOrder, refund: SandboxRefund): void {
    if (order.notifyUrl === undefined) return;
    const fields = refundNotificationFields(order, refund, store.merchant(order.mid), dispatcher.signType, now());
    // Signing is async; track it so idle() cannot resolve before the delivery is registered.
    const started = dispatcher.dispatch(order.merOrderId, order.notifyUrl, fields).finally(() => signing.delete(started));
    signing.add(started);
  }

  return {
    async pay(id, input = {}) {
      const order = store.pay(id, input);
      if (order.notifyUrl === undefined) return { order, delivery: undefined };
      const fields = paymentNotificationFields(order, store.merchant(order.mid), dispatcher.signType, now());
      return { order, delivery: await dispatcher.dispatch(order.merOrderId, order.notifyUrl, fields) };
    },
    refund(id, input = {}) {
      const repeatOf = input.refundOrderId === undefined ? undefined : store.order(id)?.refunds.find((r) => r.refundOrderId === input.refundOrderId);
      // A repeated refundOrderId refunds nothing, so it must not use up a fault meant for a new refund.
      const polls = repeatOf ? undefined : faults.peekRefundPolls();
      const outcome = store.refund(id, input, polls);
      if (polls !== undefined) faults.consumeRefundPolls();
      if (!outcome.repeated && outcome.refund.refundStatus === 'SUCCESS') notifyRefund(outcome.order, outcome.refund);
      return outcome;
    },
    pollRefund(refundOrderId) {
      const poll = store.pollRefund(refundOrderId);
      if (poll?.settledNow) notifyRefund(poll.order, poll.refund);
      return poll;
    },
    async idle() {
      for (let round = 0; round < 100 && signing.size > 0; round++) await Promise.allSettled([...signing]);
      await dispatcher.idle();
    },
  };
}
