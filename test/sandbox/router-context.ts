// The business router's context built from its parts, to route a descriptor the spec does not have yet.
import { FaultSwitches } from '../../src/sandbox/faults.js';
import type { BusinessRouterContext } from '../../src/sandbox/business-router.js';
import { DEMO_APP, TEST_MERCHANT } from '../../src/sandbox/defaults.js';
import { NonceRegistry } from '../../src/sandbox/nonce-registry.js';
import { NotificationDispatcher, notificationSettings } from '../../src/sandbox/notifier.js';
import { createEffects } from '../../src/sandbox/state/effects.js';
import { SandboxStore } from '../../src/sandbox/store.js';
import { TokenRegistry } from '../../src/sandbox/token-registry.js';

export function createRouterContextForTests(): BusinessRouterContext {
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
