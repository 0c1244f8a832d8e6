// nodeCrypto loads node:crypto on first use through process.getBuiltinModule (src/crypto/node.ts),
// so that importing the Node entries costs no node:crypto; where that API is missing, the first
// hash fails with a typed error that names the way out.
import { createHash } from 'node:crypto';
import { afterEach, expect, it, vi } from 'vitest';

const original = process.getBuiltinModule;
afterEach(() => {
  process.getBuiltinModule = original;
  vi.resetModules();
});

async function freshNodeCrypto() {
  vi.resetModules();
  return (await import('../../src/crypto/node.js')).nodeCrypto;
}

it('hashes with node:crypto loaded on first use', async () => {
  const calls: string[] = [];
  process.getBuiltinModule = ((id: string) => (calls.push(id), original(id))) as typeof original;
  const nodeCrypto = await freshNodeCrypto();
  expect(calls).toEqual([]);
  expect(nodeCrypto.hexDigest?.('md5', 'a=1')).toBe(createHash('md5').update('a=1').digest('hex'));
  expect(calls.sort()).toEqual(['node:buffer', 'node:crypto']);
  nodeCrypto.sha256('again');
  expect(calls).toHaveLength(2);
});

it('without process.getBuiltinModule, the first hash throws a ConfigurationError that names webCrypto', async () => {
  process.getBuiltinModule = undefined as unknown as typeof original;
  const nodeCrypto = await freshNodeCrypto();
  let thrown: unknown;
  try {
    nodeCrypto.sha256('x');
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toMatchObject({ name: 'ConfigurationError', code: 'NODE_CRYPTO_UNAVAILABLE' });
  expect((thrown as Error).message).toContain('webCrypto');
});
