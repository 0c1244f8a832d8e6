// Property tests: sign → encode → verify round-trips, any single change is refused, and no input
// makes verification throw. Bounded numRuns keep the suite to a few seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNotificationForm, signNotification, verifyNotification } from '../../src/notifications/index.js';
import type { NotificationSignType } from '../../src/notifications/index.js';
import { fieldsArb, keyArb, nameArb, valueArb } from '../helpers/notification-arbitraries.js';
import { independentSign } from '../helpers/notification-independent-sign.js';

// Random fields are not PaymentNotification fields: skip the schema (validate: false), which is
// what the option is for; the signature is still fully checked.
const settings = { validate: false } as const;

async function signed(fields: Record<string, string>, key: string): Promise<Record<string, string>> {
  const signType = fields['signType'] as NotificationSignType | undefined;
  return { ...fields, sign: await signNotification(fields, signType ? { key, signType } : { key }) };
}

type Mutation =
  | { kind: 'change-value'; index: number; value: string }
  | { kind: 'remove'; index: number }
  | { kind: 'add'; name: string; value: string }
  | { kind: 'rename'; index: number; name: string }
  | { kind: 'flip-sign'; position: number }
  | { kind: 'other-key'; key: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('change-value' as const), index: fc.nat(), value: valueArb }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), name: nameArb, value: valueArb.filter((v) => v !== '') }),
  fc.record({ kind: fc.constant('rename' as const), index: fc.nat(), name: nameArb }),
  fc.record({ kind: fc.constant('flip-sign' as const), position: fc.nat() }),
  fc.record({ kind: fc.constant('other-key' as const), key: keyArb }),
);

/** Applies the mutation, or returns undefined when it would not change what was signed. */
function mutate(notification: Record<string, string>, key: string, mutation: Mutation): { fields: Record<string, string>; key: string } | undefined {
  const names = Object.keys(notification).filter((name) => name !== 'sign' && notification[name] !== '');
  const fields = { ...notification };
  switch (mutation.kind) {
    case 'change-value': {
      const name = Object.keys(notification).filter((n) => n !== 'sign')[mutation.index % (Object.keys(notification).length - 1)]!;
      if (fields[name] === mutation.value) return undefined;
      fields[name] = mutation.value;
      return { fields, key };
    }
    case 'remove': {
      if (names.length === 0) return undefined;
      delete fields[names[mutation.index % names.length]!];
      return { fields, key };
    }
    case 'add':
      if (mutation.name in fields) return undefined;
      fields[mutation.name] = mutation.value;
      return { fields, key };
    case 'rename': {
      if (names.length === 0 || mutation.name in fields) return undefined;
      const old = names[mutation.index % names.length]!;
      fields[mutation.name] = fields[old]!;
      delete fields[old];
      return { fields, key };
    }
    case 'flip-sign': {
      const sign = fields['sign']!;
      const at = mutation.position % sign.length;
      const digit = sign[at]!.toUpperCase() === '0' ? '1' : '0';
      fields['sign'] = sign.slice(0, at) + digit + sign.slice(at + 1);
      return { fields, key };
    }
    case 'other-key':
      return mutation.key === key ? undefined : { fields, key: mutation.key };
  }
}

describe('round trip', () => {
  it('signNotification → encodeNotificationForm → verifyNotification accepts and returns the fields', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, keyArb, async (fields, key) => {
        const notification = await signed(fields, key);
        const result = await verifyNotification(encodeNotificationForm(notification), { key, ...settings });
        expect(result.ok, result.ok ? '' : result.message).toBe(true);
        if (result.ok) expect({ ...result.raw }).toEqual(notification);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with an independent node:crypto implementation', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, keyArb, async (fields, key) => {
        const algorithm = fields['signType'] === 'MD5' ? 'md5' : 'sha256';
        expect((await signed(fields, key))['sign']).toBe(independentSign(fields, key, { algorithm }));
      }),
      { numRuns: 1000 },
    );
  });

  it('the record, URLSearchParams and JSON forms verify alike', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, keyArb, async (fields, key) => {
        const notification = await signed(fields, key);
        for (const input of [notification, new URLSearchParams(notification), JSON.stringify(notification)]) {
          expect((await verifyNotification(input, { key, ...settings })).ok).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('any single mutation is refused', () => {
  it('change a value, remove/add/rename a field, flip a sign digit, or use another key', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, keyArb, mutationArb, async (fields, key, mutation) => {
        const notification = await signed(fields, key);
        const mutated = mutate(notification, key, mutation);
        fc.pre(mutated !== undefined);
        const result = await verifyNotification(encodeNotificationForm(mutated!.fields), { key: mutated!.key, ...settings });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('hostile input gives a result, never an exception', () => {
  const key = 'hostile-input-test-key-0123456789';

  async function expectResult(input: unknown): Promise<void> {
    const result = await verifyNotification(input as string, { key });
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) expect(typeof result.message).toBe('string');
  }

  it('arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), expectResult), { numRuns: 1000 });
  });

  it('arbitrary strings, including form-like and JSON-like ones', async () => {
    const formLike = fc
      .array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 })), { maxLength: 8 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    const withSign = formLike.map((body) => `${body}&sign=${'A'.repeat(64)}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), formLike, withSign, fc.json()), expectResult),
      { numRuns: 1500 },
    );
  });

  it('arbitrary values and objects (prototype names included)', async () => {
    const protoKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'sign', 'signType', 'valueOf');
    const objects = fc.dictionary(fc.oneof(protoKeys, fc.string({ maxLength: 5 })), fc.anything({ maxDepth: 2 }), { maxKeys: 8 });
    await fc.assert(fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 2 }), objects), expectResult), { numRuns: 1000 });
  });

  it('huge input is refused by size, quickly', async () => {
    await expectResult('a='.concat('x'.repeat(5_000_000)));
    await expectResult(new Uint8Array(5_000_000));
  });
});
