import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forValidation } from '../../scripts/codegen/validation-schema.mjs';

const defs: Record<string, unknown> = {
  Status: { type: 'string', description: '状态', examples: ['PAID'], enum: ['PAID', 'UNPAID'] },
  StatusOrEmpty: { description: 'or ""', anyOf: [{ $ref: '#/$defs/Status' }, { const: '' }] },
  Loop: { anyOf: [{ $ref: '#/$defs/Loop' }, { const: '' }] },
};
const resolve = (ref: string) => defs[ref.slice('#/$defs/'.length)];

describe('forValidation (what the validators are compiled from)', () => {
  it('drops annotations and x- keywords, but never a field that happens to be called "description"', () => {
    const schema = {
      type: 'object',
      description: 'a notification',
      'x-json-string': true,
      properties: { description: { type: 'string', examples: ['x'] }, 'x-note': { type: 'integer', format: 'int64' } },
      required: ['description'],
    };
    expect(forValidation(schema, resolve)).toEqual({
      type: 'object',
      properties: { description: { type: 'string' }, 'x-note': { type: 'integer' } },
      required: ['description'],
    });
  });

  it('folds an enum-or-"" union into one enum, through refs', () => {
    expect(forValidation(defs['StatusOrEmpty'], resolve)).toEqual({ type: 'string', enum: ['PAID', 'UNPAID', ''] });
  });

  it('leaves unions it cannot fold, and stops at a ref cycle', () => {
    const mixed = { anyOf: [{ type: 'string', maxLength: 3 }, { const: '' }] };
    expect(forValidation(mixed, resolve)).toEqual(mixed);
    expect(forValidation(defs['Loop'], resolve)).toEqual(defs['Loop']);
  });

  it('refuses keywords whose meaning exists only in JSON Schema 2020-12', () => {
    expect(() => forValidation({ type: 'object', unevaluatedProperties: false }, resolve)).toThrow(/unevaluatedProperties.*2020/);
    expect(() => forValidation({ type: 'array', prefixItems: [{ type: 'string' }] }, resolve)).toThrow(/prefixItems/);
  });

  it('accepts exactly the values the original schema accepts', () => {
    // The original, annotations and all, compiled as is (2020 semantics for these keywords are the same).
    const ajv = new Ajv({ strict: false });
    ajv.addSchema({ $id: 'https://t.invalid/s', $defs: defs });
    const original = ajv.compile({ $ref: 'https://t.invalid/s#/$defs/StatusOrEmpty' });
    const reduced = new Ajv({ strict: true }).compile(forValidation(defs['StatusOrEmpty'], resolve) as object);
    const value = fc.oneof(fc.constantFrom('PAID', 'UNPAID', '', 'paid', ' '), fc.string(), fc.integer(), fc.constant(null));
    fc.assert(fc.property(value, (v) => original(v) === reduced(v)));
  });
});
