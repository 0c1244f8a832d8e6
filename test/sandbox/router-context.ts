// The platform router's context built from its parts, to route a descriptor the spec does not have yet.
import { createEffects } from '../../src/sandbox/platform/effects.js';
import { NotificationDispatcher, notificationSettings } from '../../src/sandbox/platform/notifier.js';
import type { PlatformContext } from '../../src/sandbox/platform/router.js';
import { FaultSwitches } from '../../src/sandbox/state/faults.js';
import { NonceRegistry } from '../../src/sandbox/state/nonces.js';
import { SandboxStore } from '../../src/sandbox/state/orders.js';
import { DEMO_APP, TEST_MERCHANT } from '../../src/sandbox/state/seed.js';
import { TokenRegistry } from '../../src/sandbox/state/tokens.js';

export function createRouterContextForTests(): PlatformContext {
  const now = Date.now;
  const store = new SandboxStore(now);
  store.addMerchant(TEST_MERCHANT);
  const faults = new FaultSwitches();
  const dispatcher = new NotificationDispatcher(notificationSettings(), 'router-test-notify-key', now);
  return {
    appKeys: new Map([[DEMO_APP.appId, DEMO_APP.appKey]]),
    tokens: new TokenRegistry(now, 3600, 10),
    nonces: new NonceRegistry(now, 300_000),
    now,
    clockToleranceMs: 300_000,
    store,
    effects: createEffects(store, faults, dispatcher, now),
    faults,
    controlPrefix: '/_sandbox',
    closing: new AbortController().signal,
  };
}
