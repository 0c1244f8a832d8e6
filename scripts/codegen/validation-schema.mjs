// Reduces a (ref-rewritten) schema to what validation needs before ajv compiles it. ajv embeds
// any schema object an error refers to (e.g. `enum`'s allowed values) whole in its output, so
// descriptions, examples and x- keywords would ship to every edge bundle; and enum-or-"" unions
// written as anyOf would compile to three checks and three errors for one bad value.

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is one schema. */
const SCHEMA_VALUES = new Set([
  'items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Annotations: they never change whether a value is valid. (`format` int32/int64 is documentation here.) */
const ANNOTATIONS = new Set([
  'title', 'description', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment', 'externalDocs', 'xml', 'discriminator',
]);
const NO_OP_FORMATS = new Set(['int32', 'int64']);
/**
 * The validators compile with ajv's draft-07 engine: for every keyword the spec uses it means the
 * same as 2020-12 (OpenAPI 3.1's dialect) and its output is ~12% smaller (no evaluated-property
 * bookkeeping). A keyword whose meaning exists only in 2020-12 must stop the generator, loudly.
 */
const ONLY_IN_2020_12 = new Set([
  'prefixItems', 'unevaluatedItems', 'unevaluatedProperties', '$dynamicRef', '$dynamicAnchor', 'dependentSchemas', 'dependentRequired', 'minContains', 'maxContains',
]);

/** `{enum: [...]}` or `{const: v}`, optionally with one `type`: the values it admits, else undefined. */
function valueSet(schema) {
  const keys = Object.keys(schema).filter((key) => key !== 'type');
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'enum' && Array.isArray(schema.enum)) return { type: schema.type, values: schema.enum };
  if (keys[0] === 'const') return { type: schema.type, values: [schema.const] };
  return undefined;
}

function isRefOnly(schema) {
  return schema && typeof schema === 'object' && typeof schema.$ref === 'string' && Object.keys(schema).length === 1;
}

/** anyOf of value sets of one type (e.g. TradeStatus or "") → one enum: same values, one clear error. */
function collapseValueUnion(branches, resolve, seen) {
  // `seen` stops a ref cycle: a branch that leads back to itself is simply not collapsed.
  if (branches.some((branch) => isRefOnly(branch) && seen.includes(branch.$ref))) return undefined;
  const look = (branch) => (isRefOnly(branch) ? forValidation(resolve(branch.$ref), resolve, [...seen, branch.$ref]) : branch);
  const sets = branches.map((branch) => valueSet(look(branch)));
  if (sets.some((set) => set === undefined)) return undefined;
  const types = new Set(sets.map((set) => set.type).filter((type) => type !== undefined));
  if (types.size > 1) return undefined;
  const values = [...new Set(sets.flatMap((set) => set.values))];
  if (!values.every((value) => value === null || typeof value !== 'object')) return undefined;
  const [type] = types;
  // A typeless branch admits its values whatever their type: keep the union's type only if every value has it.
  if (type !== undefined && sets.some((set) => set.type === undefined) && !values.every((value) => typeof value === type)) return undefined;
  return type === undefined ? { enum: values } : { type, enum: values };
}

/**
 * @param {unknown} schema a JSON Schema whose refs are already local
 * @param {(ref: string) => unknown} resolve looks a local `$ref` up (to see through enum refs)
 * @returns {unknown} the same constraints without annotations
 */
export function forValidation(schema, resolve, seen = []) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  let out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === 'format' && NO_OP_FORMATS.has(value)) continue;
    if (ONLY_IN_2020_12.has(key) || (key === 'items' && Array.isArray(value))) {
      throw new Error(`The spec uses \`${key}\`, which the draft-07 validator engine reads differently: switch scripts/codegen/validators.mjs to ajv/dist/2020.js.`);
    }
    if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, forValidation(sub, resolve, seen)]));
    else if (SCHEMA_VALUES.has(key)) out[key] = forValidation(value, resolve, seen);
    else if (SCHEMA_LISTS.has(key)) out[key] = value.map((sub) => forValidation(sub, resolve, seen));
    else out[key] = value;
  }
  if (Array.isArray(out.anyOf)) {
    const collapsed = collapseValueUnion(out.anyOf, resolve, seen);
    if (collapsed) {
      const { anyOf: _replaced, ...rest } = out;
      const clash = Object.keys(collapsed).some((key) => key in rest && JSON.stringify(rest[key]) !== JSON.stringify(collapsed[key]));
      if (!clash) out = { ...rest, ...collapsed };
    }
  }
  return out;
}
