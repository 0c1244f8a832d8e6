// Nonces: 32 lowercase hex characters, every random byte used once, across pool refills.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

async function freshNonceModule() {
  vi.resetModules();
  return import('../../src/auth/nonce.js');
}

describe('randomNonce', () => {
  it('gives 32 lowercase hex characters, distinct across several pool refills', async () => {
    const { randomNonce } = await freshNonceModule();
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) {
      const nonce = randomNonce();
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(1_000);
  });

  it('spends each random byte once, in order, and draws again only when the pool is used up', async () => {
    let next = 0;
    const draw = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = next++ & 0xff;
      return array;
    });
    const { randomNonce } = await freshNonceModule();
    const hexOf = (start: number) => Array.from({ length: 16 }, (_, i) => ((start + i) & 0xff).toString(16).padStart(2, '0')).join('');
    const nonces = Array.from({ length: 300 }, () => randomNonce());
    nonces.forEach((nonce, i) => expect(nonce).toBe(hexOf(i * 16)));
    // 256 nonces per 4 KiB draw: the 257th needed a second draw, and nothing more.
    expect(draw).toHaveBeenCalledTimes(2);
  });
});
