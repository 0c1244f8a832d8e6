// Reads JSON Schemas out of a bundled OpenAPI document: follows internal $refs and flattens
// allOf/oneOf/anyOf into one view of "which properties can this object have".

/** @typedef {Record<string, unknown>} Json */

const MAX_DEPTH = 32; // a $ref cycle deeper than this is a spec bug, not a schema to walk

/**
 * @param {unknown} value
 * @returns {value is Json}
 */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {Json} doc
 * @param {string} ref `#/components/schemas/x`
 * @returns {unknown}
 */
function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref left after bundling: ${ref}`);
  /** @type {unknown} */
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  if (node === undefined) throw new Error(`unresolvable $ref: ${ref}`);
  return node;
}

/**
 * Follows $ref chains; sibling keywords next to a $ref (allowed in 3.1) win over the target's.
 * @param {Json} doc
 * @param {unknown} node
 * @returns {Json}
 */
export function deref(doc, node) {
  let current = node;
  /** @type {Json} */
  let siblings = {};
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    if (!isObject(current)) return {};
    const ref = current.$ref;
    if (typeof ref !== 'string') return { ...current, ...siblings };
    const { $ref: _ignored, ...rest } = current;
    siblings = { ...rest, ...siblings };
    current = resolvePointer(doc, ref);
  }
  throw new Error('$ref chain too deep (cycle?)');
}

/**
 * One merged schema: allOf parts are combined (properties unioned, later parts refine earlier
 * ones); oneOf/anyOf alternatives are unioned (types, enum values, examples, properties), with
 * keywords such as maxLength taken from the first alternative that is not just `const: ''`
 * (the spec's "or empty" variants).
 * @param {Json} doc
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {Json}
 */
export function flatten(doc, node, depth = 0) {
  if (depth > MAX_DEPTH) throw new Error('schema nesting too deep (cycle?)');
  const schema = deref(doc, node);
  const { allOf, oneOf, anyOf, ...own } = schema;
  const parts = Array.isArray(allOf) ? allOf.map((p) => flatten(doc, p, depth + 1)) : [];
  const alternatives = [oneOf, anyOf].flatMap((a) => (Array.isArray(a) ? a.map((p) => flatten(doc, p, depth + 1)) : []));
  if (parts.length === 0 && alternatives.length === 0) return schema;
  if (alternatives.length > 0) parts.push(unionOf(alternatives));
  return [...parts, own].reduce(refine, {});
}

/**
 * @param {Json} base
 * @param {Json} next
 * @returns {Json} base refined by next; their properties and required lists are unioned
 */
function refine(base, next) {
  const properties = { ...(isObject(base.properties) ? base.properties : {}), ...(isObject(next.properties) ? next.properties : {}) };
  const required = [...new Set([base.required, next.required].flatMap((r) => (Array.isArray(r) ? r : [])))];
  const merged = { ...base, ...next };
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.length > 0) merged.required = required;
  return merged;
}

/**
 * @param {Json[]} alternatives flattened
 * @returns {Json}
 */
function unionOf(alternatives) {
  const isEmptyOnly = (/** @type {Json} */ s) => s.const === '' || (Array.isArray(s.enum) && s.enum.every((v) => v === ''));
  const main = alternatives.filter((s) => !isEmptyOnly(s));
  const ordered = main.length > 0 ? main : alternatives;
  const merged = [...ordered].reverse().reduce(refine, {}); // first alternative wins
  /** @type {Set<string>} */
  const types = new Set();
  /** @type {unknown[]} */
  const values = [];
  /** @type {unknown[]} */
  const examples = [];
  let enumerated = false;
  for (const s of alternatives) {
    for (const t of typesOf(s)) types.add(t);
    if (s.const !== undefined) {
      types.add(typeof s.const === 'string' ? 'string' : typeof s.const === 'number' ? 'number' : 'boolean');
      values.push(s.const);
      enumerated = true;
    }
    if (Array.isArray(s.enum)) {
      values.push(...s.enum);
      enumerated = true;
    }
    if (Array.isArray(s.examples)) examples.push(...s.examples);
  }
  // A union requires only what every alternative requires (e.g. each notification kind's key fields are not required by the union).
  const requiredByAll = alternatives
    .map((s) => (Array.isArray(s.required) ? s.required : []))
    .reduce((common, list) => common.filter((name) => list.includes(name)));
  const { const: _c, required: _r, ...rest } = merged;
  if (requiredByAll.length > 0) rest.required = requiredByAll;
  return {
    ...rest,
    ...(types.size > 0 ? { type: [...types] } : {}),
    ...(enumerated ? { enum: [...new Set(values)] } : {}),
    ...(examples.length > 0 ? { examples: [...new Set(examples)] } : {}),
  };
}

/**
 * @param {Json} schema a flattened schema
 * @returns {string[]} its JSON types (`type` may be a string or a list)
 */
export function typesOf(schema) {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x) => typeof x === 'string');
  if (isObject(schema.properties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}
