// The values a spec documents for one field: enum, const, schema examples, and the field's
// values inside the media type's example payloads.

import { isObject } from './schema-walk.mjs';

/** @typedef {import('./schema-walk.mjs').Json} Json */

/**
 * @param {Json} schema flattened field schema
 * @param {unknown[]} payloadValues the field's values in example payloads
 * @returns {Set<string>}
 */
export function documentedValues(schema, payloadValues) {
  /** @type {Set<string>} */
  const out = new Set();
  const add = (/** @type {unknown} */ v) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.add(String(v));
  };
  const fromSchema = (/** @type {Json} */ s) => {
    for (const key of ['enum', 'examples', 'x-enum', 'x-known-values']) if (Array.isArray(s[key])) for (const v of /** @type {unknown[]} */ (s[key])) add(v);
    if (s.const !== undefined) add(s.const);
    if (s.example !== undefined) add(s.example);
    if (s.default !== undefined) add(s.default);
    // x-enum-descriptions / x-enumDescriptions map codes to meanings: the codes count as documented
    for (const key of ['x-enum-descriptions', 'x-enumDescriptions']) if (isObject(s[key])) for (const k of Object.keys(s[key])) add(k);
  };
  fromSchema(schema);
  if (isObject(schema.items)) fromSchema(schema.items);
  for (const v of payloadValues) add(v);
  return out;
}

/**
 * Steps from example payloads to a named child's values; arrays are entered element by
 * element and JSON text is decoded, so nested page fields find their examples too.
 * @param {unknown[]} nodes
 * @param {string} name
 * @returns {unknown[]}
 */
export function childValues(nodes, name) {
  /** @type {unknown[]} */
  const out = [];
  for (const node of nodes) for (const holder of expand(node)) if (isObject(holder) && name in holder) out.push(...expand(holder[name]));
  return out;
}

/**
 * @param {unknown} value
 * @returns {unknown[]}
 */
function expand(value) {
  let v = value;
  if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
    try {
      v = JSON.parse(v);
    } catch {
      return [value];
    }
  }
  return Array.isArray(v) ? v.flatMap((x) => (Array.isArray(x) ? x : [x])) : [v];
}
