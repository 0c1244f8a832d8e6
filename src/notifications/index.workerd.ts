// The workerd entry of `chinaums/notifications` ("workerd" export condition, which wrangler and
// miniflare resolve): the portable entry with MD5 from workerd's native Web Crypto instead of
// @noble/hashes, so a Worker bundle carries no hashing code. Names and types are exactly those
// of ./index.js; only the default crypto differs.
import { workerdCrypto } from '../crypto/workerd.js';
import { createNotificationHandlerWith } from './handler.js';
import type { NotificationHandler, NotificationHandlerOptions } from './settings.js';
import { createNodeNotificationHandlerWith } from './node.js';
import type { NodeNotificationHandler } from './node.js';
import { signNotification as portableSignNotification } from './sign.js';
import type { SignNotificationOptions } from './sign.js';
import type { NotificationFields, NotificationInput, NotificationVerificationResult, NotificationVerified, VerifyNotificationOptions } from './types.js';
import { assertNotificationWith, verifyNotificationWith } from './verify.js';

export * from './index.js';

/** Adds the workerd default; anything that is not an options object passes through for the portable checks. */
function withWorkerdCrypto<T>(options: T): T {
  if (typeof options !== 'object' || options === null) return options;
  return (options as { crypto?: unknown }).crypto === undefined ? { ...options, crypto: workerdCrypto } : options;
}

export function verifyNotification(input: NotificationInput, options: VerifyNotificationOptions): Promise<NotificationVerificationResult> {
  return verifyNotificationWith(workerdCrypto, input, options);
}

export function assertNotification(input: NotificationInput, options: VerifyNotificationOptions): Promise<NotificationVerified> {
  return assertNotificationWith(workerdCrypto, input, options);
}

export function signNotification(fields: NotificationFields, options: SignNotificationOptions): Promise<string> {
  return portableSignNotification(fields, withWorkerdCrypto(options));
}

export function createNotificationHandler(options: NotificationHandlerOptions): NotificationHandler {
  return createNotificationHandlerWith(workerdCrypto, options);
}

export function createNodeNotificationHandler(options: NotificationHandlerOptions): NodeNotificationHandler {
  return createNodeNotificationHandlerWith(workerdCrypto, options);
}
