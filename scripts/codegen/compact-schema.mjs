// Rewrites validation schemas into equivalent ones that ajv compiles to less code. ajv emits one
// block of checks (and error objects) per property, so a notification with 33 plain string fields
// ships 33 copies of "if present and not a string, report it". Here:
// - an allOf of plain objects becomes one object, so a field two branches declare alike is
//   checked once (and reported once);
// - refs to scalar leaf schemas (`Mid` → `{type, maxLength}`) are inlined, so equal shapes look equal.
// Errors keep their keyword, params and instancePath (test/generate/compact-schema.test.ts runs
// both forms on the same data).
// Fields that share a shape are NOT grouped into one `patternProperties` entry: that saved ~0.8 KB
// gzip of the edge endpoint but ran a regular expression per key per group, and verifying a
// notification went from 1.39× to 1.62× the floor (issue 15 holds it to 1.3×; BENCHMARKS.md).

/** Keywords an object schema may have and still be merged into another (no closedness, no branching). */
const MERGEABLE = new Set(['type', 'properties', 'required']);
/** Keywords of an object or array shape: such a ref stays a ref (ajv compiles it once, see validators.mjs). */
const COMPOSITE = ['properties', 'patternProperties', 'additionalProperties', 'items', 'required'];
/** Keywords whose value is one schema / a map of schemas / a list of schemas. */
const ONE = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else']);
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
const LIST = new Set(['allOf', 'anyOf', 'oneOf']);
const json = (value) => JSON.stringify(value);
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const hasRef = (node) => json(node).includes('"$ref"');
const isSchema = (node) => node !== null && typeof node === 'object' && !Array.isArray(node);

/** The same schema with `change` applied to each direct subschema. */
function mapSubschemas(schema, change) {
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (MAP.has(key)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, change(sub)]));
    else if (ONE.has(key)) out[key] = change(value);
    else if (LIST.has(key)) out[key] = value.map(change);
    else out[key] = value;
  }
  return out;
}

/** `base` with `extra`'s keywords added, when none of them has another value in `base`; else undefined. */
function mergeKeywords(base, extra) {
  if (Object.entries(extra).some(([key, value]) => has(base, key) && json(base[key]) !== json(value))) return undefined;
  return { ...base, ...extra };
}

/** allOf of plain object schemas → one object schema (properties and required united), or undefined. */
function flattenAllOf(schema, resolve) {
  const { allOf, ...own } = schema;
  const parts = [own, ...allOf.map((branch) => (typeof branch.$ref === 'string' && Object.keys(branch).length === 1 ? resolve(branch.$ref) : branch))];
  const plain = (part) => isSchema(part) && Object.keys(part).every((key) => MERGEABLE.has(key)) && (part.type === undefined || part.type === 'object');
  if (!parts.every(plain)) return undefined;
  const properties = {};
  const required = new Set();
  for (const part of parts) {
    for (const [name, sub] of Object.entries(part.properties ?? {})) {
      if (has(properties, name) && json(properties[name]) !== json(sub)) return undefined;
      properties[name] = sub;
    }
    for (const name of part.required ?? []) required.add(name);
  }
  // `type` only when a part has one: without it, the parts admit values that are not objects too.
  const typed = parts.some((part) => part.type === 'object');
  return { ...(typed ? { type: 'object' } : {}), ...(required.size > 0 ? { required: [...required] } : {}), properties };
}

/**
 * @param {Record<string, unknown>} defs validation schemas by name, refs written `#/$defs/X`
 * @returns {Record<string, unknown>} the same names, each schema compacted
 */
export function compactDefs(defs) {
  const done = new Map();
  const active = new Set();
  const resolve = (ref) => compactDef(ref.slice('#/$defs/'.length));

  function compactDef(name) {
    if (done.has(name)) return done.get(name);
    // A ref cycle: the schema is still being compacted, so it is neither inlined nor flattened.
    if (active.has(name) || !has(defs, name)) return undefined;
    active.add(name);
    const result = compact(defs[name]);
    active.delete(name);
    done.set(name, result);
    return result;
  }

  function compact(schema) {
    if (!isSchema(schema)) return schema;
    let out = mapSubschemas(schema, compact);
    if (typeof out.$ref === 'string') {
      const target = resolve(out.$ref);
      const { $ref: _inlined, ...siblings } = out;
      // Not enums: an enum error's allowedValues points into its schema, and ajv then embeds the
      // whole schema that holds it in its output; a ref'd enum embeds only itself.
      const inlinable = isSchema(target) && !hasRef(target) && !json(target).includes('"enum"') && !COMPOSITE.some((key) => has(target, key));
      out = (inlinable && mergeKeywords(target, siblings)) || out;
    }
    if (Array.isArray(out.allOf)) out = flattenAllOf(out, resolve) ?? out;
    return out;
  }

  return Object.fromEntries(Object.keys(defs).map((name) => [name, compactDef(name)]));
}
