// An independent key-append signer on node:crypto, to check the SDK against (protocol.md §4).
import { createHash } from 'node:crypto';

export interface IndependentSignOptions {
  algorithm?: 'md5' | 'sha256';
  /** Keep empty values in the string (some peers do); the vendor text leaves them out. */
  includeEmpty?: boolean;
  /** Reproduces a common bug: leave signType out of the string. */
  dropSignType?: boolean;
}

export function independentSign(fields: Record<string, string>, key: string, options: IndependentSignOptions = {}): string {
  const names = Object.keys(fields)
    .filter((name) => name !== 'sign')
    .filter((name) => options.includeEmpty || fields[name] !== '')
    .filter((name) => !(options.dropSignType && name === 'signType'))
    .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.compare(Buffer.from(a), Buffer.from(b))));
  const text = names.map((name) => `${name}=${fields[name]}`).join('&') + key;
  return createHash(options.algorithm ?? 'sha256').update(text, 'utf8').digest('hex').toUpperCase();
}
