// prepareBody serializes the caller's object without copying it when it can: the bytes must be
// exactly those of the straightforward copy-then-add-the-timestamp serialization.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { prepareBody } from '../../src/client/prepare-body.js';
import { beijingDateTime } from '../../src/time.js';

const NOW = Date.UTC(2024, 0, 1, 4, 0, 0);
const ctx = { now: () => NOW, requestValidators: undefined };

/** The reference: copy, add the missing timestamp last, serialize. */
function reference(field: string | null, body: Record<string, unknown>): string {
  const payload: Record<string, unknown> = { ...body };
  if (field !== null && payload[field] === undefined) payload[field] = beijingDateTime(NOW);
  return JSON.stringify(payload);
}

const withTimestamp = Object.values(operations).find((op) => op.requestTimestampField !== null)!;
const withoutTimestamp = Object.values(operations).find((op) => op.requestTimestampField === null);

describe('prepareBody', () => {
  it('gives the reference bytes on arbitrary plain objects', () => {
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('requestTimestamp', '0', '12', '__proto__', 'toString'));
    const value = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(() => 1));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.boolean(), (body, nullProto) => {
        const input = nullProto ? Object.assign(Object.create(null) as Record<string, unknown>, body) : body;
        for (const op of [withTimestamp, withoutTimestamp]) {
          if (!op) continue;
          expect(prepareBody(op, input, ctx)).toBe(reference(op.requestTimestampField, input));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the position of a timestamp field present but undefined, and honours an own toJSON', () => {
    const field = withTimestamp.requestTimestampField!;
    const body = { [field]: undefined, mid: '1' };
    expect(prepareBody(withTimestamp, body, ctx)).toBe(reference(field, body));
    const custom = { mid: '1', toJSON: () => ({ other: true }) };
    expect(prepareBody(withTimestamp, custom, ctx)).toBe(reference(field, custom));
    expect(prepareBody(withTimestamp, {}, ctx)).toBe(reference(field, {}));
  });
});
