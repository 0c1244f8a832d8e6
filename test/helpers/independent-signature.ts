// An independent implementation of OPEN-BODY-SIG on node:crypto, to check the SDK against.
import { createHash, createHmac } from 'node:crypto';

export function expectedSignature(appId: string, appKey: string, timestamp: string, nonce: string, body: string | Uint8Array): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', appKey).update(`${appId}${timestamp}${nonce}${digest}`).digest('base64');
}

/** Verifies an Authorization header the way the platform would; returns why it is wrong, or null. */
export function checkAuthorization(header: string | null, appId: string, appKey: string, body: string): string | null {
  if (!header) return 'missing Authorization';
  const m = /^OPEN-BODY-SIG AppId="([^"]+)", ?Timestamp="(\d{14})", ?Nonce="([0-9a-f]{32})", ?Signature="([^"]+)"$/.exec(header);
  if (!m) return `malformed header ${header}`;
  const [, gotAppId, timestamp, nonce, signature] = m as unknown as [string, string, string, string, string];
  if (gotAppId !== appId) return 'wrong appId';
  return expectedSignature(appId, appKey, timestamp, nonce, body) === signature ? null : 'bad signature';
}
