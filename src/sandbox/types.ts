// Public shapes of the sandbox: what it is configured with, what it stores, what it reports.
import type { NotificationSignType } from '../notifications/types.js';

/** An application the sandbox accepts calls from (as the platform's appId/appKey pair). */
export interface SandboxApp {
  readonly appId: string;
  readonly appKey: string;
}

/** A merchant (商户) with its terminals; business calls for other mids answer NO_MERCHANT. */
export interface SandboxMerchant {
  readonly mid: string;
  readonly tids: readonly string[];
  readonly name: string;
}

export type SandboxTradeStatus = 'NEW_ORDER' | 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_REFUND' | 'TRADE_CLOSED';

/** `payment`: an ordinary netpay order; `preauth`: a QR-bill pre-authorisation (cancellable). */
export type SandboxOrderKind = 'payment' | 'preauth';

export interface SandboxRefund {
  readonly refundOrderId: string;
  readonly refundAmount: number;
  readonly refundTime: string;
  readonly refundTargetOrderId: string;
}

export interface SandboxOrder {
  readonly merOrderId: string;
  readonly kind: SandboxOrderKind;
  readonly mid: string;
  readonly tid: string;
  readonly instMid: string;
  /** Fen (分). */
  readonly totalAmount: number;
  readonly status: SandboxTradeStatus;
  readonly orderDesc: string;
  readonly notifyUrl: string | undefined;
  readonly createTime: string;
  readonly payTime: string | undefined;
  readonly settleDate: string | undefined;
  readonly seqId: string;
  readonly targetOrderId: string;
  readonly targetSys: string;
  readonly buyerId: string;
  /** Pre-authorisations only. */
  readonly billNo: string | undefined;
  readonly billDate: string | undefined;
  readonly authIdRespCd: string | undefined;
  readonly refunds: readonly SandboxRefund[];
}

export type SandboxPayPointStatus = 'COMPLETED' | 'PAID';

/** A WeChat pay-point (支付分) order waiting for the merchant's `Order_Paid` sync. */
export interface SandboxPayPointOrder {
  readonly fenOrderId: string;
  readonly mid: string;
  readonly serviceId: string;
  readonly status: SandboxPayPointStatus;
  /** `yyyyMMddHHmmss` once synced. */
  readonly paidTime: string | undefined;
}

/** What a seed file holds (see examples/sandbox-seed.json). Every list is optional. */
export interface SandboxSeed {
  readonly apps?: readonly SandboxApp[];
  readonly merchants?: readonly SandboxMerchant[];
  readonly orders?: readonly SandboxOrderSeed[];
  readonly payPointOrders?: readonly SandboxPayPointOrderInput[];
}

/** An order in a seed file: a create input plus the state it is already in. */
export interface SandboxOrderSeed extends SandboxOrderInput {
  /** `paid` pays it (without a notification), `refunded` also refunds it in full, `closed` closes it. */
  readonly state?: 'created' | 'paid' | 'refunded' | 'closed';
}

export interface SandboxOrderInput {
  /** Default: a fresh id (`SBX…`, 6..32 characters as the platform requires). */
  readonly merOrderId?: string;
  readonly kind?: SandboxOrderKind;
  /** Default: the first merchant (the public test merchant unless configured). */
  readonly mid?: string;
  readonly tid?: string;
  /** Default `YUEDANDEFAULT` (`QRPAYDEFAULT` for pre-authorisations). */
  readonly instMid?: string;
  /** Fen; a positive integer. */
  readonly totalAmount: number;
  readonly orderDesc?: string;
  /** Where payment notifications are POSTed. */
  readonly notifyUrl?: string;
}

export interface SandboxPayInput {
  /** Default WXPay. */
  readonly targetSys?: string;
}

export interface SandboxRefundInput {
  /** Fen; default the whole remaining amount. */
  readonly refundAmount?: number;
  /** Default a fresh id; the refund query finds the refund by it (or by the order's id). */
  readonly refundOrderId?: string;
}

export interface SandboxPayPointOrderInput {
  readonly fenOrderId?: string;
  readonly mid?: string;
  readonly serviceId?: string;
}

/** One notification being (or having been) delivered. */
export interface SandboxDelivery {
  readonly notifyId: string;
  readonly merOrderId: string;
  readonly notifyUrl: string;
  readonly attempts: number;
  readonly state: 'pending' | 'acknowledged' | 'gave-up' | 'cancelled';
  /** The last answer: `HTTP 200 "SUCCESS"`, `HTTP 500 "FAILED"`, or the network error's name. */
  readonly lastOutcome: string | undefined;
  /** The form body of the last attempt (the same fields and sign every attempt). */
  readonly body: string;
}

/** How notifications are retried: the platform retries for 24 h; tests want milliseconds. */
export interface SandboxNotificationOptions {
  /** Default SHA256. */
  readonly signType?: NotificationSignType;
  /** Most deliveries per notification (default 8). */
  readonly maxAttempts?: number;
  /** Delay before the second attempt; doubles each time (default 1000 ms). */
  readonly initialDelayMs?: number;
  /** Upper bound of one delay (default 30 000 ms). */
  readonly maxDelayMs?: number;
  /** Give up after this long since the first attempt (default 5 min). */
  readonly maxDurationMs?: number;
  /** Per-attempt timeout (default 10 000 ms). */
  readonly attemptTimeoutMs?: number;
  /** How deliveries are sent; default globalThis.fetch. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * A misbehaviour for clients to cope with, applied to the next `count` business requests
 * (optionally only for one operation), before authentication, as a gateway would:
 * - `delay`: answer normally after `ms` (a slow platform; client timeouts);
 * - `http-error`: a gateway error page with `status` (default 502), not JSON;
 * - `platform-9200`: HTTP 412 `{"errCode":"9200","errInfo":"系统繁忙"}` (the test environment's sporadic failure);
 * - `drop`: the connection is dropped without an answer (`Response.error()`; see the adapters).
 */
export type SandboxFault =
  | { readonly type: 'delay'; readonly ms: number; readonly count?: number; readonly operationId?: string }
  | { readonly type: 'http-error'; readonly status?: number; readonly count?: number; readonly operationId?: string }
  | { readonly type: 'platform-9200'; readonly count?: number; readonly operationId?: string }
  | { readonly type: 'drop'; readonly count?: number; readonly operationId?: string };

export interface SandboxOptions {
  /** Apps allowed to call; default the demo app (DEMO_APP). The seed's apps are added. */
  readonly apps?: readonly SandboxApp[];
  /** Default: the public test merchant (mid 898201612345678, tid 88880001). The seed's merchants are added. */
  readonly merchants?: readonly SandboxMerchant[];
  /** Initial state; merged after `apps` and `merchants`. */
  readonly seed?: SandboxSeed;
  /** The communication key (md5Key) notifications are signed with; default DEMO_NOTIFY_KEY. */
  readonly notifyKey?: string;
  /** The clock in epoch ms; default Date.now. */
  readonly now?: () => number;
  /** How far the header Timestamp and `requestTimestamp` may be from the sandbox's clock (default 5 min). */
  readonly clockToleranceMs?: number;
  /** Access-token lifetime in seconds (default 3600). */
  readonly accessTokenTtlSeconds?: number;
  /** Valid tokens per appId; issuing one more invalidates the oldest (default 10). */
  readonly maxTokensPerApp?: number;
  readonly notifications?: SandboxNotificationOptions;
  /** Faults active from the start. */
  readonly faults?: readonly SandboxFault[];
  /** Prefix of the control routes (default `/_sandbox`). */
  readonly controlPrefix?: string;
}
