// The Node entry of `chinaums/notifications` ("node" export condition): the portable entry with
// the crypto default switched to node:crypto (synchronous; Web Crypto costs an async hop per hash
// on Node 20). Names and types are exactly those of ./index.js; only the defaults differ.
import { nodeCrypto } from '../crypto/node.js';
import { createNotificationHandlerWith } from './handler.js';
import type { NotificationHandler, NotificationHandlerOptions } from './settings.js';
import { createNodeNotificationHandlerWith } from './node.js';
import type { NodeNotificationHandler } from './node.js';
import { signNotification as portableSignNotification } from './sign.js';
import type { SignNotificationOptions } from './sign.js';
import type { NotificationFields, NotificationInput, NotificationVerificationResult, NotificationVerified, VerifyNotificationOptions } from './types.js';
import { assertNotificationWith, verifyNotificationWith } from './verify.js';
import { verifyReturnUrl as portableVerifyReturnUrl } from './return-url.js';
import type { ReturnUrlVerificationResult, VerifyReturnUrlOptions } from './return-url.js';

export * from './index.js';

/** Adds the Node default; anything that is not an options object passes through for the portable checks. */
function withNodeCrypto<T>(options: T): T {
  if (typeof options !== 'object' || options === null) return options;
  return (options as { crypto?: unknown }).crypto === undefined ? { ...options, crypto: nodeCrypto } : options;
}

export function verifyNotification(input: NotificationInput, options: VerifyNotificationOptions): Promise<NotificationVerificationResult> {
  return verifyNotificationWith(nodeCrypto, input, options);
}

export function assertNotification(input: NotificationInput, options: VerifyNotificationOptions): Promise<NotificationVerified> {
  return assertNotificationWith(nodeCrypto, input, options);
}

export function signNotification(fields: NotificationFields, options: SignNotificationOptions): Promise<string> {
  return portableSignNotification(fields, withNodeCrypto(options));
}

export function createNotificationHandler(options: NotificationHandlerOptions): NotificationHandler {
  return createNotificationHandlerWith(nodeCrypto, options);
}

export function createNodeNotificationHandler(options: NotificationHandlerOptions): NodeNotificationHandler {
  return createNodeNotificationHandlerWith(nodeCrypto, options);
}

export function verifyReturnUrl(input: string | URL | URLSearchParams, options: VerifyReturnUrlOptions): Promise<ReturnUrlVerificationResult> {
  return portableVerifyReturnUrl(input, withNodeCrypto(options));
}
