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
 * ones); oneOf/anyOf alternatives contribute their properties too, since a page lists them all.
 * @param {Json} doc
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {Json}
 */
export function flatten(doc, node, depth = 0) {
  if (depth > MAX_DEPTH) throw new Error('schema nesting too deep (cycle?)');
  const schema = deref(doc, node);
  const parts = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (Array.isArray(schema[k]) ? /** @type {unknown[]} */ (schema[k]) : []));
  if (parts.length === 0) return schema;
  const { allOf: _a, oneOf: _o, anyOf: _n, ...own } = schema;
  /** @type {Json} */
  let merged = {};
  /** @type {Json} */
  let properties = {};
  for (const part of parts) {
    const flat = flatten(doc, part, depth + 1);
    if (isObject(flat.properties)) properties = { ...properties, ...flat.properties };
    merged = { ...merged, ...flat };
  }
  if (isObject(own.properties)) properties = { ...properties, ...own.properties };
  return { ...merged, ...own, ...(Object.keys(properties).length > 0 ? { properties } : {}) };
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
