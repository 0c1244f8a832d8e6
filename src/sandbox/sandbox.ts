// createSandbox: a fetch handler that behaves like the ChinaUMS platform for every operation in
// the spec, over an in-memory state that control routes (or `sandbox.state`) drive.
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { platformError } from './answers.js';
import { routeBusinessCall, type BusinessRouterContext } from './business-router.js';
import { CONTROL_ROUTES, handleControlRoute, type ControlTarget } from './control-routes.js';
import {
  DEFAULT_CLOCK_TOLERANCE_MS,
  DEFAULT_CONTROL_PREFIX,
  DEFAULT_MAX_TOKENS_PER_APP,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEMO_APP,
  DEMO_NOTIFY_KEY,
  TEST_MERCHANT,
} from './defaults.js';
import { FaultSwitches, type ArmedFault } from './faults.js';
import { SandboxInputError } from './input-error.js';
import { NonceRegistry } from './nonce-registry.js';
import { NotificationDispatcher, notificationSettings } from './notifier.js';
import { handleCashierRoute } from './platform/cashier.js';
import { routeFormCall } from './platform/form-router.js';
import { applySeedOrders, parseSandboxSeed, readMerchant } from './seed.js';
import { createEffects } from './state/effects.js';
import { SandboxStore } from './store.js';
import { TokenRegistry } from './token-registry.js';
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
  const routerContext: BusinessRouterContext = { appKeys, tokens, nonces, now, clockToleranceMs, store, effects, faults, controlPrefix, closing: closing.signal };
  const cashierContext = { store, effects, controlPrefix, notifyKey, signType: dispatcher.signType };
  const byPath = new Map<string, OperationDescriptor>(Object.values(operations as Readonly<Record<string, OperationDescriptor>>).map((op) => [op.path, op]));

  const state: SandboxState & ControlTarget = {
    info: () => ({
      sandbox: 'chinaums',
      operations: [...byPath.values()].map((op) => ({ operationId: op.operationId, method: op.method, path: op.path })),
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
    const op = byPath.get(pathname);
    if (!op) return platformError('9999', `接口不存在 (no such API): ${pathname}`, 404);
    // H5 pages are browser GETs signed with OPEN-FORM-PARAM, answered with a 302.
    return op.transport === 'browser-redirect' ? routeFormCall(request, op, routerContext) : routeBusinessCall(request, op, routerContext);
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
