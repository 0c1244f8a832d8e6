// No key ever appears in a result, a message, an exception, a response or a hook's argument.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertNotification,
  createNotificationHandler,
  encodeNotificationForm,
  signNotification,
  verifyNotification,
} from '../../src/notifications/index.js';
import { VENDOR_FIELDS, withoutField } from '../helpers/notification-fixtures.js';
import { keyArb } from '../helpers/notification-arbitraries.js';

/** Inputs that reach every failure path, signed with `key` so diagnoses run their hypotheses. */
async function inputsFor(key: string): Promise<unknown[]> {
  const fields = { ...VENDOR_FIELDS, billFunds: 'a+b 100%' };
  const sign = await signNotification(fields, { key });
  const good = { ...fields, sign };
  const body = encodeNotificationForm(good);
  return [
    body,
    encodeNotificationForm({ ...good, totalAmount: '2' }),
    encodeNotificationForm(withoutField(good, 'signType')),
    encodeNotificationForm({ ...good, sign: sign.toLowerCase().replace(/^./, '0') }),
    encodeNotificationForm({ ...good, totalAmount: '1.00', sign: await signNotification({ ...fields, totalAmount: '1.00' }, { key }) }),
    `${body}&${body}`,
    body.replace(/%/g, '%25'),
    JSON.stringify({ ...good, totalAmount: 1.5 }),
    withoutField(good, 'sign'),
    { ...good, signType: 'RSA' },
    new Uint8Array([0xff, 0xfe, 0x00]),
    `${body}&pad=${'x'.repeat(70_000)}`,
  ];
}

function expectNoKey(text: string, key: string): void {
  expect(text.includes(key)).toBe(false);
  expect(text.includes(key.trim())).toBe(false);
}

describe('keys never leak', () => {
  it('results and messages, for the right key, a wrong key and a whitespace-padded key', async () => {
    await fc.assert(
      fc.asyncProperty(keyArb, keyArb, async (key, otherKey) => {
        for (const input of await inputsFor(key)) {
          for (const options of [{ key }, { key: otherKey }, { key: ` ${key}\n` }, { keys: [otherKey, `${key} `] }]) {
            const result = await verifyNotification(input as string, options);
            expectNoKey(JSON.stringify(result), key);
            expectNoKey(JSON.stringify(result), otherKey);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('exceptions from assertNotification', async () => {
    const key = 'Zq8-secret-notification-key-9xY2';
    for (const input of await inputsFor(key)) {
      const error = await assertNotification(input as string, { key: `${key} ` }).catch((e: unknown) => e);
      if (!(error instanceof Error)) continue;
      expectNoKey(`${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error)}`, key);
    }
  });

  it('handler responses and hook arguments', async () => {
    const key = 'Zq8-secret-notification-key-9xY2';
    const seen: unknown[] = [];
    const handle = createNotificationHandler({
      key: `${key}\t`,
      onNotification: () => undefined,
      onRejected: (rejection) => seen.push(rejection),
      onError: (error, context) => seen.push(error, context),
    });
    for (const input of await inputsFor(key)) {
      const body = typeof input === 'string' ? input : input instanceof Uint8Array ? new Uint8Array(input) : JSON.stringify(input);
      const response = await handle(new Request('http://127.0.0.1/', { method: 'POST', body }));
      expectNoKey(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`, key);
    }
    expect(seen.length).toBeGreaterThan(5);
    expectNoKey(JSON.stringify(seen), key);
  });
});
