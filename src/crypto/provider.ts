/**
 * A hash that may be computed synchronously (node:crypto, @noble/hashes) or not (Web Crypto).
 * Text is hashed as its UTF-8 bytes; accepting it directly lets node:crypto skip a TextEncoder
 * copy on the hot paths (the string-to-sign of every request and notification).
 */
export type Digest = (data: Uint8Array | string) => Uint8Array | Promise<Uint8Array>;

/**
 * The hashing the SDK needs, behind one interface so every runtime gets the fastest correct
 * implementation it has. All providers produce identical bytes (the contract tests check it).
 */
export interface CryptoProvider {
  readonly name: string;
  readonly sha256: Digest;
  readonly md5: Digest;
  /** Prepares an HMAC-SHA256 key once (Web Crypto's importKey is the expensive part). */
  hmacSha256(key: Uint8Array): Digest;
  /**
   * Optional: the lowercase hex digest of text, for providers that make it more cheaply than
   * bytes (node:crypto allocates a Buffer per byte digest). Must equal hex of `md5`/`sha256`.
   */
  readonly hexDigest?: (algorithm: 'md5' | 'sha256', text: string) => string;
}

/** What request signing needs (no MD5): the client accepts this, so its default can omit MD5 code. */
export type SigningCrypto = Pick<CryptoProvider, 'name' | 'sha256' | 'hmacSha256'>;

/**
 * Optional shortcuts a provider's digest function may carry (the node:crypto one does), used by
 * the request signer for the encodings it needs. Carried by the function itself, so a provider
 * that replaces `sha256` or `hmacSha256` with its own function is always called.
 */
export type EncodedDigest = Digest & {
  readonly hex?: (data: Uint8Array | string) => string;
  readonly base64?: (data: Uint8Array | string) => string;
};
