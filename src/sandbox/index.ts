// `chinaums/sandbox`: a local stand-in for the ChinaUMS platform (like stripe-mock for Stripe),
// as a portable fetch handler. Node server: `chinaums/sandbox/node`; Deno and msw helpers here.
export { createSandbox, type Sandbox, type SandboxFaults, type SandboxState } from './sandbox.js';
export { DEMO_APP, DEMO_NOTIFY_KEY, parseSandboxSeed, TEST_MERCHANT } from './state/seed.js';
export { CONTROL_ROUTES } from './platform/control-routes.js';
export type { ArmedFault } from './state/faults.js';
export { SandboxInputError } from './state/input.js';
export { sandboxMswHandler, sandboxResolver, type MswHttpNamespace, type SandboxResolver } from './msw.js';
export { serveSandboxWithDeno, type DenoSandboxServer, type DenoServeApi } from './deno.js';
export type {
  SandboxApp,
  SandboxDelivery,
  SandboxFault,
  SandboxMerchant,
  SandboxNotificationOptions,
  SandboxOptions,
  SandboxOrder,
  SandboxOrderInput,
  SandboxOrderKind,
  SandboxOrderSeed,
  SandboxPayInput,
  SandboxPayPointOrder,
  SandboxPayPointOrderInput,
  SandboxPayPointStatus,
  SandboxRefund,
  SandboxRefundOutcome,
  SandboxRefundProcessingFault,
  SandboxRefundStatus,
  SandboxRefundInput,
  SandboxSeed,
  SandboxTradeStatus,
} from './types.js';
