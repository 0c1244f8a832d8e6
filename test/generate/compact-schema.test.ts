// The validators compile from compacted schemas (scripts/codegen/compact-schema.mjs):
// flattened allOf, inlined leaf refs. This compiles the registry both ways with the
// generator's own ajv options and checks, on random bodies built from the spec's field names,
// examples and values, that both forms accept the same values and report the same errors
// (instancePath, keyword, params, message). Compared as sets: the compacted form reports a field
// that two allOf branches declare alike once, where the written form reported it twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleSpecSync } from '../../scripts/codegen/bundle.mjs';
import { compactDefs } from '../../scripts/codegen/compact-schema.mjs';
import { describeOperations, jsonExamples, requestExamplesOf } from '../../scripts/codegen/operations.mjs';
import { buildValidationRegistry, createAjv } from '../../scripts/codegen/validators.mjs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface AjvError {
  instancePath: string;
  keyword: string;
  params: unknown;
  message?: string;
}

const doc = bundleSpecSync();
const written = buildValidationRegistry(doc, { compact: false });
const compacted = buildValidationRegistry(doc);
const writtenAjv = createAjv(written.registry, written.extensions);
const compactedAjv = createAjv(compacted.registry, compacted.extensions);

/** Every property name and every enum value anywhere in the registry: the vocabulary of the bodies. */
function vocabulary(node: unknown, names: Set<string>, values: Set<Json>): void {
  if (Array.isArray(node)) return node.forEach((item) => vocabulary(item, names, values));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') Object.keys(value as object).forEach((name) => names.add(name));
    if (key === 'enum') (value as Json[]).forEach((item) => values.add(item));
    else vocabulary(value, names, values);
  }
}
const names = new Set<string>();
const enumValues = new Set<Json>();
vocabulary(written.registry.$defs, names, enumValues);

const examples: Json[] = [{}];
for (const op of describeOperations(doc) as Array<{ path: string; method: string }>) {
  const raw = (doc['paths'] as Record<string, Record<string, { responses?: Record<string, unknown> }>>)[op.path]![op.method.toLowerCase()]!;
  examples.push(...(requestExamplesOf(doc, raw, op.path) as Json[]), ...(jsonExamples(doc, raw.responses?.['200']) as Json[]));
}

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...enumValues, '', 'x'.repeat(300), '2024-01-02 03:04:05', '2024-01-02', '20240102030405', 'MD5', 'sha-256'),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -5, max: 100_000_000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 4 }),
  ),
}));
/** An example (or {}) with some fields removed and some set to other values, unknown fields included. */
const body = fc
  .tuple(fc.constantFrom(...examples), fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), value, { maxKeys: 6 }), fc.array(fc.constantFrom(...names), { maxLength: 4 }))
  .map(([base, changes, removed]) => {
    if (!base || typeof base !== 'object' || Array.isArray(base)) return base;
    const out: Record<string, Json> = { ...base, ...changes };
    for (const name of removed) delete out[name];
    return out;
  });

function outcome(validate: ((data: unknown) => boolean) & { errors?: AjvError[] | null }, data: Json) {
  const valid = validate(structuredClone(data));
  const errors = new Set((validate.errors ?? []).map(({ instancePath, keyword, params, message }) => JSON.stringify({ instancePath, keyword, params, message })));
  return { valid, errors: [...errors].sort() };
}

const roots = [
  `${written.registry.$id}#/$defs/paymentNotification`,
  ...Object.values(written.requests),
  ...Object.values(written.responses),
];

describe('compacted validation schemas', () => {
  it.each(roots.map((ref) => [ref.slice(ref.indexOf('#/$defs/') + 8), ref]))('%s: same verdict, same errors as the schema as written', (_name, ref) => {
    const before = writtenAjv.getSchema(ref)!;
    const after = compactedAjv.getSchema(ref)!;
    fc.assert(
      fc.property(body, (data) => {
        expect(outcome(after, data)).toEqual(outcome(before, data));
      }),
      { numRuns: 150 },
    );
  });

  it('merges an allOf of objects and inlines scalar refs; fields that share a shape stay plain properties (grouping them costs speed)', () => {
    const defs = {
      root: { allOf: [{ $ref: '#/$defs/part' }, { type: 'object', properties: { e: { $ref: '#/$defs/Id' }, f: { type: 'integer' } } }] },
      part: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' } } },
      Id: { type: 'string', maxLength: 8 },
    };
    expect(compactDefs(defs)['root']).toEqual({
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' }, e: { type: 'string', maxLength: 8 }, f: { type: 'integer' } },
    });
  });

  it('a flattened allOf checks for an object only where a branch did', () => {
    const untyped = { root: { allOf: [{ properties: { a: { type: 'string' } } }, { required: ['b'], properties: { b: { type: 'integer' } } }] } };
    expect(compactDefs(untyped)['root']).toEqual({ required: ['b'], properties: { a: { type: 'string' }, b: { type: 'integer' } } });
  });

  it('keeps an allOf whose branches disagree on a field, or that closes an object', () => {
    const disagree = { root: { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { a: { type: 'integer' } } }] } };
    expect(compactDefs(disagree)['root']).toEqual(disagree.root);
    const closed = { root: { allOf: [{ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }, { properties: { b: {} } }] } };
    expect(compactDefs(closed)['root']).toEqual(closed.root);
  });
});
