// The sandbox's built-in identities. Not secrets: they only open the local sandbox, and the demo,
// the CLI and the tests share them so that `chinaums sandbox` works with no configuration.
import type { SandboxApp, SandboxMerchant } from './types.js';

/** The app the sandbox accepts by default (32-character appId, like the platform's). */
export const DEMO_APP: SandboxApp = Object.freeze({
  appId: 'chinaumssandbox00000000000000001',
  appKey: 'sandbox-app-key-not-a-secret-001',
});

/** The communication key (md5Key) the sandbox signs notifications with by default. */
export const DEMO_NOTIFY_KEY = 'sandbox-notify-key-not-a-secret-0001';

/** ChinaUMS's public test merchant (protocol.md, "Hosts"). */
export const TEST_MERCHANT: SandboxMerchant & { readonly msgSrcId: string } = Object.freeze({
  mid: '898201612345678',
  tids: Object.freeze(['88880001']),
  name: '银联商务测试商户',
  // The test merchant's 来源编号, as in the vendor's signed notification sample (merOrderId 3194…).
  msgSrcId: '3194',
});

export const DEFAULT_CONTROL_PREFIX = '/_sandbox';
export const DEFAULT_CLOCK_TOLERANCE_MS = 5 * 60 * 1000;
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_MAX_TOKENS_PER_APP = 10;
