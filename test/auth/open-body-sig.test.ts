import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOpenBodySigHeader, parseOpenBodySigHeader } from '../../src/auth/authorization-header.js';
import { createOpenBodySignature, explainOpenBodySignature } from '../../src/auth/open-body-sig.js';
import { nobleCrypto } from '../../src/crypto/noble.js';
import { nodeCrypto } from '../../src/crypto/node.js';
import type { CryptoProvider } from '../../src/crypto/provider.js';
import { webCrypto } from '../../src/crypto/web.js';
import { expectedSignature } from '../helpers/independent-signature.js';

// protocol.md §1: the vendor's printed example.
const VENDOR = {
  appId: '12345678901234567890123456789012',
  appKey: '67890123456789012345678901234567',
  timestamp: '20170101120000',
  nonce: '09876543210987654321098765432109',
  body: 'A',
};
const VENDOR_SIGNATURE = 'GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08=';

const providers: CryptoProvider[] = [webCrypto, nobleCrypto, nodeCrypto];

describe.each(providers)('OPEN-BODY-SIG with $name', (provider) => {
  it('reproduces the vendor example exactly', async () => {
    const header = await createOpenBodySignature(VENDOR, provider);
    expect(header).toBe(
      `OPEN-BODY-SIG AppId="${VENDOR.appId}", Timestamp="${VENDOR.timestamp}", Nonce="${VENDOR.nonce}", Signature="${VENDOR_SIGNATURE}"`,
    );
  });

  it('explains each step', async () => {
    const details = await explainOpenBodySignature(VENDOR, provider);
    // sha256("A")
    expect(details.bodyDigest).toBe('559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd');
    expect(details.stringToSign).toBe(`${VENDOR.appId}${VENDOR.timestamp}${VENDOR.nonce}${details.bodyDigest}`);
    expect(details.signature).toBe(VENDOR_SIGNATURE);
  });

  it('matches an independent node:crypto implementation on arbitrary bodies and keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9A-Za-z]{1,40}$/),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.stringMatching(/^\d{14}$/),
        fc.stringMatching(/^[0-9a-f]{32}$/),
        async (appId, appKey, body, timestamp, nonce) => {
          const header = await createOpenBodySignature({ appId, appKey, timestamp, nonce, body }, provider);
          const parsed = parseOpenBodySigHeader(header);
          expect(parsed?.signature).toBe(expectedSignature(appId, appKey, timestamp, nonce, body));
        },
      ),
      { numRuns: provider === webCrypto ? 200 : 500 },
    );
  });

  it('hashes bytes and the equivalent UTF-8 string identically', async () => {
    const body = '{"merName":"测试商户","totalAmount":100}';
    const fromString = await createOpenBodySignature({ ...VENDOR, body }, provider);
    const fromBytes = await createOpenBodySignature({ ...VENDOR, body: new TextEncoder().encode(body) }, provider);
    expect(fromBytes).toBe(fromString);
  });
});

describe('Authorization header parsing', () => {
  it('accepts both separators peers send', () => {
    const parts = { appId: 'a', timestamp: '20170101120000', nonce: 'n', signature: 'x/y+z=' };
    expect(parseOpenBodySigHeader(formatOpenBodySigHeader(parts))).toEqual(parts);
    expect(parseOpenBodySigHeader('OPEN-BODY-SIG AppId="a",Timestamp="20170101120000",Nonce="n",Signature="x/y+z="')).toEqual(parts);
  });

  it('rejects other schemes, missing and repeated parameters', () => {
    expect(parseOpenBodySigHeader('Bearer abc')).toBeUndefined();
    expect(parseOpenBodySigHeader('OPEN-BODY-SIG AppId="a", Timestamp="1", Nonce="n"')).toBeUndefined();
    expect(parseOpenBodySigHeader('OPEN-BODY-SIG AppId="a", AppId="b", Timestamp="1", Nonce="n", Signature="s"')).toBeUndefined();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseOpenBodySigHeader(s);
      }),
    );
  });
});
