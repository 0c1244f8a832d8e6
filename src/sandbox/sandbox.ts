// createSandbox: a fetch handler that behaves like the ChinaUMS platform for every operation in
// the spec, over an in-memory state that control routes (or `sandbox.state`) drive. This file
// wires the two halves (README.md): state/ (what the sandbox remembers) and platform/ (what it
// answers), and splits requests between the platform's API and the sandbox's own routes.
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { platformError } from './platform/answers.js';
import { handleCashierRoute } from './platform/cashier.js';
import { CONTROL_ROUTES, handleControlRoute, type ControlTarget } from './platform/control-routes.js';
import { createEffects } from './platform/effects.js';
import { NotificationDispatcher, notificationSettings } from './platform/notifier.js';
import { routeApiCall, type PlatformContext } from './platform/router.js';
import { FaultSwitches, type ArmedFault } from './state/faults.js';
import { SandboxInputError } from './state/input.js';
import { NonceRegistry } from './state/nonces.js';
import { SandboxStore } from './state/orders.js';
import { applySeedOrders, DEMO_APP, DEMO_NOTIFY_KEY, parseSandboxSeed, readMerchant, TEST_MERCHANT } from './state/seed.js';
import { TokenRegistry } from './state/tokens.js';
import type {
  SandboxApp,
  SandboxDelivery,
  SandboxFault,
  SandboxOptions,
  SandboxOrder,
  SandboxOrderInput,
  SandboxPayInput,
  SandboxPayPointOrder,
  SandboxPayPointOrderInput,
  SandboxRefundInput,
  SandboxRefundOutcome,
} from './types.js';

const DEFAULT_CONTROL_PREFIX = '/_sandbox';
const DEFAULT_CLOCK_TOLERANCE_MS = 5 * 60 * 1000;
const DEFAULT_TOKEN_TTL_SECONDS = 3600;
const DEFAULT_MAX_TOKENS_PER_APP = 10;

/** Scenario steps and state, as the control routes expose them. */
export interface SandboxState {
  createOrder(input: SandboxOrderInput): SandboxOrder;
  /** An order by merOrderId, or a QR bill by its billNo. */
  order(id: string): SandboxOrder | undefined;
  orders(): SandboxOrder[];
  /**
   * Pays an order created any way (netpay orders by merOrderId, QR bills by billNo) and, when it
   * has a notifyUrl, starts delivering the signed notification (netpay or bills form).
   */
  pay(id: string, input?: SandboxPayInput): Promise<{ order: SandboxOrder; delivery: SandboxDelivery | undefined }>;
  /** Refunds as the platform does (idempotent on refundOrderId); a SUCCESS refund is notified. */
  refund(id: string, input?: SandboxRefundInput): SandboxRefundOutcome;
  close(id: string): SandboxOrder;
  createPayPointOrder(input?: SandboxPayPointOrderInput): SandboxPayPointOrder;
  payPointOrder(fenOrderId: string): SandboxPayPointOrder | undefined;
  payPointOrders(): SandboxPayPointOrder[];
  /** The notification delivery log, oldest first. */
  deliveries(): SandboxDelivery[];
  /** Back to the seed: orders, faults, tokens and nonces (the delivery log is kept). */
  reset(): void;
}

export interface SandboxFaults {
  arm(fault: SandboxFault): ArmedFault;
  list(): ArmedFault[];
  clear(): void;
}

export interface Sandbox {
  /** The platform, as a fetch handler: `(Request) => Promise<Response>`. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly state: SandboxState;
  readonly faults: SandboxFaults;
  /** The apps it accepts (the demo app unless configured). */
  readonly apps: readonly SandboxApp[];
  /** The key notifications are signed with: configure the notification handler with it. */
  readonly notifyKey: string;
  readonly controlPrefix: string;
  /** Resolves when no notification delivery is pending. */
  idle(): Promise<void>;
  /** Stops notification retries and injected delays; afterwards every request answers 503. */
  close(): Promise<void>;
}

function requireKey(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.trim() !== value) {
    throw new SandboxInputError('INVALID_INPUT', `${name} must be a non-empty string without surrounding whitespace.`);
  }
  return value;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const seed = options.seed === undefined ? {} : parseSandboxSeed(options.seed);
  const apps = [...(options.apps ?? [DEMO_APP]), ...(seed.apps ?? [])];
  if (apps.length === 0) throw new SandboxInputError('INVALID_INPUT', 'The sandbox needs at least one app ({ appId, appKey }).');
  const appKeys = new Map(apps.map((app) => [requireKey('appId', app.appId), requireKey('appKey', app.appKey)]));
  const notifyKey = requireKey('notifyKey', options.notifyKey ?? DEMO_NOTIFY_KEY);
  const clockToleranceMs = options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  const controlPrefix = (options.controlPrefix ?? DEFAULT_CONTROL_PREFIX).replace(/\/+$/, '');
  if (!controlPrefix.startsWith('/') || controlPrefix.startsWith('/v1')) {
    throw new SandboxInputError('INVALID_INPUT', 'controlPrefix must start with / and not clash with the platform paths (/v1/…).');
  }

  const store = new SandboxStore(now);
  const merchants = [...(options.merchants ?? [TEST_MERCHANT]), ...(seed.merchants ?? [])];
  merchants.forEach((merchant, i) => store.addMerchant(readMerchant(merchant, `merchants[${i}]`)));
  applySeedOrders(store, seed);

  const faults = new FaultSwitches();
  for (const fault of options.faults ?? []) faults.arm(fault);
  const tokens = new TokenRegistry(now, options.accessTokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, options.maxTokensPerApp ?? DEFAULT_MAX_TOKENS_PER_APP);
  const nonces = new NonceRegistry(now, clockToleranceMs);
  const dispatcher = new NotificationDispatcher(notificationSettings(options.notifications), notifyKey, now);
  const effects = createEffects(store, faults, dispatcher, now);
  const closing = new AbortController();
  const platform: PlatformContext = { appKeys, tokens, nonces, now, clockToleranceMs, store, effects, faults, controlPrefix, closing: closing.signal };
  const cashierContext = { store, effects, controlPrefix, notifyKey, signType: dispatcher.signType };

  const state: SandboxState & ControlTarget = {
    info: () => ({
      sandbox: 'chinaums',
      operations: Object.values(operations as Readonly<Record<string, OperationDescriptor>>).map((op) => ({ operationId: op.operationId, method: op.method, path: op.path })),
      appIds: [...appKeys.keys()],
      merchants: store.merchants(),
      notificationSignType: dispatcher.signType,
      controlRoutes: CONTROL_ROUTES.map((line) => line.replace('{prefix}', controlPrefix)),
    }),
    createOrder: (input) => store.createOrder(input),
    order: (merOrderId) => store.order(merOrderId),
    orders: () => store.orders(),
    pay: (id, input = {}) => effects.pay(id, input),
    refund: (id, input = {}) => effects.refund(id, input),
    close: (id) => store.close(id),
    createPayPointOrder: (input = {}) => store.createPayPointOrder(input),
    payPointOrder: (fenOrderId) => store.payPointOrder(fenOrderId),
    payPointOrders: () => store.payPointOrders(),
    deliveries: () => dispatcher.deliveries(),
    armFault: (fault) => faults.arm(fault),
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    reset() {
      store.clearOrders();
      applySeedOrders(store, seed);
      faults.clear();
      tokens.clear();
      nonces.clear();
    },
  };

  async function handle(request: Request): Promise<Response> {
    if (closing.signal.aborted) return platformError('9999', '系统错误: the sandbox is closed', 503);
    const { pathname } = new URL(request.url);
    if (pathname === controlPrefix || pathname.startsWith(`${controlPrefix}/`)) {
      const subpath = pathname.slice(controlPrefix.length);
      return (await handleCashierRoute(request, subpath, cashierContext)) ?? handleControlRoute(request, subpath, state);
    }
    return routeApiCall(request, pathname, platform);
  }

  return {
    async fetch(request) {
      try {
        return await handle(request);
      } catch (error) {
        // A sandbox bug must look like the platform's 9999, not crash the host server.
        const name = error instanceof Error ? error.name : 'Error';
        return platformError('9999', `系统错误 (sandbox: ${name})`, 500);
      }
    },
    state,
    faults: { arm: (fault) => faults.arm(fault), list: () => faults.list(), clear: () => faults.clear() },
    apps: Object.freeze(apps.map((app) => Object.freeze({ ...app }))),
    notifyKey,
    controlPrefix,
    idle: () => effects.idle(),
    async close() {
      closing.abort();
      await dispatcher.close();
    },
  };
}
