import { toBase64, toHex, utf8 } from '../crypto/encoding.js';
import type { Digest, EncodedDigest, SigningCrypto } from '../crypto/provider.js';
import { webSigningCrypto } from '../crypto/web-signing.js';
import { formatOpenBodySigHeader } from './authorization-header.js';

export interface OpenBodySignatureInput {
  appId: string;
  appKey: string;
  /** `yyyyMMddHHmmss`, Beijing time. */
  timestamp: string;
  nonce: string;
  /** The exact body sent: a string is hashed as its UTF-8 bytes. */
  body: string | Uint8Array;
}

/** Everything the signature is made of, for debugging a 认证失败 answer. */
export interface OpenBodySignatureDetails {
  bodyDigest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

/** Signs one request: the Authorization header value, synchronously when the hashing is. */
export type SignOpenBody = (timestamp: string, nonce: string, body: string | Uint8Array) => string | Promise<string>;

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}

/**
 * The signing function behind OpenBodySigner and the client: the HMAC key is prepared once, and
 * each request hashes its body and signs `appId + timestamp + nonce + hex(sha256(body))`. With a
 * synchronous provider (node:crypto, @noble/hashes) it never waits on a promise.
 */
export function openBodySigner(appId: string, appKey: string, crypto: SigningCrypto = webSigningCrypto): SignOpenBody {
  return signWith(appId, crypto.hmacSha256(utf8(appKey)), crypto.sha256);
}

function signWith(appId: string, hmac: EncodedDigest, sha256: EncodedDigest): SignOpenBody {
  const header = (timestamp: string, nonce: string, signature: string) => formatOpenBodySigHeader({ appId, timestamp, nonce, signature });
  const { hex } = sha256;
  const { base64 } = hmac;
  const signDigest = (timestamp: string, nonce: string, bodyDigest: string) => {
    const stringToSign = appId + timestamp + nonce + bodyDigest;
    if (base64) return header(timestamp, nonce, base64(stringToSign));
    const mac = hmac(stringToSign);
    return isPromise(mac) ? mac.then((bytes) => header(timestamp, nonce, toBase64(bytes))) : header(timestamp, nonce, toBase64(mac));
  };
  return (timestamp, nonce, body) => {
    if (hex) return signDigest(timestamp, nonce, hex(body));
    const digest = sha256(body);
    return isPromise(digest) ? digest.then((bytes) => signDigest(timestamp, nonce, toHex(bytes))) : signDigest(timestamp, nonce, toHex(digest));
  };
}

/** The signature over `appId + timestamp + nonce + hex(sha256(body))`, with what it was made of (OpenBodySigner.details, H5 pages). */
export async function signatureParts(appId: string, hmac: Digest, sha256: Digest, timestamp: string, nonce: string, body: string | Uint8Array) {
  const bodyDigest = toHex(await sha256(body));
  const stringToSign = appId + timestamp + nonce + bodyDigest;
  return { bodyDigest, stringToSign, signature: toBase64(await hmac(stringToSign)) };
}

/**
 * A signer bound to one appId/appKey: the HMAC key is prepared once, and each request only
 * hashes its body and signs `appId + timestamp + nonce + hex(sha256(body))`.
 */
export class OpenBodySigner {
  readonly #appId: string;
  readonly #hmac: Digest;
  readonly #sha256: Digest;
  readonly #sign: SignOpenBody;

  constructor(appId: string, appKey: string, crypto: SigningCrypto = webSigningCrypto) {
    this.#appId = appId;
    this.#hmac = crypto.hmacSha256(utf8(appKey));
    this.#sha256 = crypto.sha256;
    this.#sign = signWith(appId, this.#hmac, this.#sha256);
  }

  async details(timestamp: string, nonce: string, body: string | Uint8Array): Promise<OpenBodySignatureDetails> {
    const parts = await signatureParts(this.#appId, this.#hmac, this.#sha256, timestamp, nonce, body);
    return { ...parts, authorization: formatOpenBodySigHeader({ appId: this.#appId, timestamp, nonce, signature: parts.signature }) };
  }

  async authorization(timestamp: string, nonce: string, body: string | Uint8Array): Promise<string> {
    return this.#sign(timestamp, nonce, body);
  }
}

/** The whole `Authorization` header value for one request (OPEN-BODY-SIG). */
export async function createOpenBodySignature(input: OpenBodySignatureInput, crypto?: SigningCrypto): Promise<string> {
  return new OpenBodySigner(input.appId, input.appKey, crypto).authorization(input.timestamp, input.nonce, input.body);
}

/** Like createOpenBodySignature, with the digest and string-to-sign for debugging. */
export async function explainOpenBodySignature(input: OpenBodySignatureInput, crypto?: SigningCrypto): Promise<OpenBodySignatureDetails> {
  return new OpenBodySigner(input.appId, input.appKey, crypto).details(input.timestamp, input.nonce, input.body);
}
