// An independent OPEN-FORM-PARAM signer on node:crypto (protocol.md §5), to check H5 URLs and
// the sandbox's verifier against: the OPEN-BODY-SIG signature over the raw content string, every
// value encoded like java.net.URLEncoder (space → `+`), or with RFC 3986 `%20` to provoke a refusal.
import { expectedSignature } from './independent-signature.js';

export interface FormParamInput {
  readonly appId: string;
  readonly appKey: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly content: string;
}

/** java.net.URLEncoder: unreserved `a-zA-Z0-9.-*_` kept, space as `+`, the rest %XX of UTF-8. */
export function javaUrlEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function independentFormQuery(input: FormParamInput, spaces: '+' | '%20' = '+', signature?: string): string {
  const sig = signature ?? expectedSignature(input.appId, input.appKey, input.timestamp, input.nonce, input.content);
  const encode = (value: string) => (spaces === '+' ? javaUrlEncode(value) : javaUrlEncode(value).replaceAll('+', '%20'));
  const pairs: [string, string][] = [
    ['authorization', 'OPEN-FORM-PARAM'],
    ['appId', input.appId],
    ['timestamp', input.timestamp],
    ['nonce', input.nonce],
    ['content', input.content],
    ['signature', sig],
  ];
  return pairs.map(([name, value]) => `${name}=${encode(value)}`).join('&');
}

/** Checks an H5 URL the way the platform would; returns why it is wrong, or null. */
export function checkFormUrl(url: string, appId: string, appKey: string): string | null {
  const { search } = new URL(url);
  if (/%20/i.test(search)) return 'a space is encoded as %20, not +';
  const params = new URLSearchParams(search);
  if (params.get('authorization') !== 'OPEN-FORM-PARAM') return 'authorization is not OPEN-FORM-PARAM';
  if (params.get('appId') !== appId) return 'wrong appId';
  const timestamp = params.get('timestamp') ?? '';
  const nonce = params.get('nonce') ?? '';
  const content = params.get('content') ?? '';
  if (!/^\d{14}$/.test(timestamp)) return 'timestamp is not yyyyMMddHHmmss';
  if (params.get('signature') !== expectedSignature(appId, appKey, timestamp, nonce, content)) return 'bad signature';
  // The URL must be exactly what an independent encoder produces from the same values.
  return search.slice(1) === independentFormQuery({ appId, appKey, timestamp, nonce, content }) ? null : 'not encoded like java.net.URLEncoder';
}
