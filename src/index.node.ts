// The Node entry (package.json "exports" → "node" condition): the portable entry with every
// crypto default switched to node:crypto. On Node 20 each Web Crypto call is an async hop of
// ~0.1 ms, several times a whole in-process request; node:crypto hashes synchronously and gives
// identical bytes (test/bench-smoke/crypto-parity.test.ts). Names and types are exactly those of
// ./index.js (the "types" condition serves index.d.ts to both): only the defaults differ.
// The portable functions come through ./index.js, which the build keeps as an import of
// dist/index.js (scripts/bundle/merge-chunks.ts): Node loads one copy of the client, in one file.
import {
  createAccessTokenRequest as portableCreateAccessTokenRequest,
  createOpenFormParams as portableCreateOpenFormParams,
  OpenBodySigner as PortableOpenBodySigner,
} from './index.js';
import type {
  AccessTokenRequestBody,
  AccessTokenRequestInput,
  ChinaUmsClient,
  ChinaUmsClientOptions,
  OpenBodySignatureDetails,
  OpenBodySignatureInput,
  OpenFormParamsInput,
} from './index.js';
// Not a public name: the Node entry's client shares one deadline timer (client/transport/README.md).
import { createChinaUmsClientSharingTimers } from './client/create-client.js';
import { nodeCrypto } from './crypto/node.js';
import type { CryptoProvider } from './crypto/provider.js';

export * from './index.js';

/** Same as the portable createChinaUmsClient; `crypto` defaults to node:crypto, and attempt deadlines share one timer. */
export function createChinaUmsClient(options: ChinaUmsClientOptions): ChinaUmsClient {
  // Anything but an options object goes through untouched, so the portable error message stays.
  if (typeof options !== 'object' || options === null || options.crypto !== undefined) return createChinaUmsClientSharingTimers(options);
  return createChinaUmsClientSharingTimers({ ...options, crypto: nodeCrypto });
}

/** Same as the portable OpenBodySigner; `crypto` defaults to node:crypto. */
export class OpenBodySigner extends PortableOpenBodySigner {
  constructor(appId: string, appKey: string, crypto: CryptoProvider = nodeCrypto) {
    super(appId, appKey, crypto);
  }
}

export async function createOpenBodySignature(input: OpenBodySignatureInput, crypto: CryptoProvider = nodeCrypto): Promise<string> {
  return new PortableOpenBodySigner(input.appId, input.appKey, crypto).authorization(input.timestamp, input.nonce, input.body);
}

export async function explainOpenBodySignature(input: OpenBodySignatureInput, crypto: CryptoProvider = nodeCrypto): Promise<OpenBodySignatureDetails> {
  return new PortableOpenBodySigner(input.appId, input.appKey, crypto).details(input.timestamp, input.nonce, input.body);
}

export function createAccessTokenRequest(input: AccessTokenRequestInput, crypto: CryptoProvider = nodeCrypto): Promise<AccessTokenRequestBody> {
  return portableCreateAccessTokenRequest(input, crypto);
}

export function createOpenFormParams(input: OpenFormParamsInput, crypto: CryptoProvider = nodeCrypto): Promise<URLSearchParams> {
  return portableCreateOpenFormParams(input, crypto);
}
