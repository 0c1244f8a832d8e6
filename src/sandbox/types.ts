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
  /**
   * 来源编号: the 4-character prefix every merOrderId, billNo and refundOrderId the merchant sends
   * must start with. When set, orders created through the API without it answer BAD_REQUEST.
   */
  readonly msgSrcId?: string;
}

export type SandboxTradeStatus = 'NEW_ORDER' | 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_REFUND' | 'TRADE_CLOSED';

/**
 * `payment`: an ordinary netpay order; `preauth`: a QR-bill pre-authorisation (cancellable);
 * `bill`: a C扫B QR bill (`billsGetQrcode`), found by its `billNo` as well as its merOrderId.
 */
export type SandboxOrderKind = 'payment' | 'preauth' | 'bill';

/** `PROCESSING` only while the `refund-processing` fault holds it; refund queries move it on. */
export type SandboxRefundStatus = 'PROCESSING' | 'SUCCESS';

export interface SandboxRefund {
  readonly refundOrderId: string;
  readonly refundAmount: number;
  readonly refundTime: string;
  readonly refundTargetOrderId: string;
  readonly refundStatus: SandboxRefundStatus;
  readonly refundDesc: string | undefined;
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
  /** Where the cashier page sends the buyer after paying (with the signed result parameters). */
  readonly returnUrl: string | undefined;
  /** The operation that created it through the API (`netpayWxUnifiedOrder`, …); undefined for control routes and seeds. */
  readonly createdBy: string | undefined;
  /** `attachedData` (商户附加数据), echoed in answers and notifications. */
  readonly attachedData: string | undefined;
  readonly createTime: string;
  readonly payTime: string | undefined;
  readonly settleDate: string | undefined;
  readonly seqId: string;
  readonly targetOrderId: string;
  readonly targetSys: string;
  readonly buyerId: string;
  /** Pre-authorisations and QR bills. */
  readonly billNo: string | undefined;
  readonly billDate: string | undefined;
  /** QR bills: the code's id (`billsCloseQrcode` names it); the code URL carries it as `?id=`. */
  readonly qrCodeId: string | undefined;
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
  readonly returnUrl?: string;
  readonly attachedData?: string;
  /** QR bills: default a fresh bill number, and today (Beijing) as billDate. */
  readonly billNo?: string;
  readonly billDate?: string;
  readonly qrCodeId?: string;
  /** The creating operation, when the API created it. */
  readonly createdBy?: string;
  /** Orders created through the API wait for the buyer (`WAIT_BUYER_PAY`); default NEW_ORDER. */
  readonly initialStatus?: 'NEW_ORDER' | 'WAIT_BUYER_PAY';
  /** Known before payment for some channels (Alipay's tradeNO); default set when paid. */
  readonly targetOrderId?: string;
  /** The wallet that will pay it (`WXPay`, `Alipay 2.0`, `UAC`); default WXPay, or as paid. */
  readonly targetSys?: string;
}

export interface SandboxPayInput {
  /** Default the order's wallet (WXPay unless its creation said otherwise). */
  readonly targetSys?: string;
}

export interface SandboxRefundInput {
  /** Fen; default the whole remaining amount. */
  readonly refundAmount?: number;
  /**
   * Default a fresh id; the refund query finds the refund by it (or by the order's id). The
   * platform's idempotency key: the same order and refundOrderId again returns the first refund.
   */
  readonly refundOrderId?: string;
  readonly refundDesc?: string;
}

/** What a refund did: `repeated` when the refundOrderId was already used on this order (nothing refunded). */
export interface SandboxRefundOutcome {
  readonly order: SandboxOrder;
  readonly refund: SandboxRefund;
  readonly repeated: boolean;
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
 * - `drop`: the connection is dropped without an answer (`Response.error()`; see the adapters);
 * - `refund-processing`: see SandboxRefundProcessingFault.
 */
export type SandboxFault =
  | { readonly type: 'delay'; readonly ms: number; readonly count?: number; readonly operationId?: string }
  | { readonly type: 'http-error'; readonly status?: number; readonly count?: number; readonly operationId?: string }
  | { readonly type: 'platform-9200'; readonly count?: number; readonly operationId?: string }
  | { readonly type: 'drop'; readonly count?: number; readonly operationId?: string }
  | SandboxRefundProcessingFault;

/**
 * Not a gateway fault: the next `count` refunds start `PROCESSING` and turn `SUCCESS` after
 * `polls` refund queries (`netpayRefundQuery`, `billsQuery` with refundOrderId; default 1), so
 * clients can test their polling.
 */
export interface SandboxRefundProcessingFault {
  readonly type: 'refund-processing';
  readonly count?: number;
  readonly polls?: number;
}

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

/** Internal (not exported by the entry): a record the sandbox's own state updates in place. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
