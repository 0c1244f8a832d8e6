// Reads schemas the way the runtime needs them: which fields are integers (amounts the platform
// may send as strings) and which are JSON-encoded strings (`x-json-string`).
import { deref } from '../lib/schema-walk.mjs';

/** Flattens allOf/anyOf/oneOf into the properties an object may have. */
function propertiesOf(doc, schema) {
  const s = deref(doc, schema);
  /** @type {Record<string, any>} */
  const props = { ...(s.properties ?? {}) };
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of s[key] ?? []) Object.assign(props, propertiesOf(doc, part));
  }
  return props;
}

function typesOf(doc, schema) {
  const s = deref(doc, schema);
  const own = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  // An `anyOf: [Amount, EmptyString]` style union is an integer field too.
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((key) => (s[key] ?? []).flatMap((part) => typesOf(doc, part)));
  return [...own, ...nested];
}

function isJsonString(doc, schema) {
  const s = deref(doc, schema);
  return s['x-json-string'] === true || (s.allOf ?? []).some((part) => isJsonString(doc, part));
}

function itemsOf(doc, schema) {
  const s = deref(doc, schema);
  if (s.items) return s.items;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of s[key] ?? []) {
      const items = itemsOf(doc, part);
      if (items) return items;
    }
  }
  return undefined;
}

/**
 * @param {Record<string, any>} doc
 * @param {any} root
 * @returns {{ integers: string[][], jsonStrings: string[][] }}
 */
export function collectWireFormat(doc, root) {
  /** @type {string[][]} */ const integers = [];
  /** @type {string[][]} */ const jsonStrings = [];

  /** @param {any} schema @param {string[]} path @param {number} depth */
  function visitValue(schema, path, depth) {
    if (depth > 16) throw new Error(`Schema nesting deeper than 16 at ${path.join('.')}`);
    if (isJsonString(doc, schema)) jsonStrings.push(path);
    if (typesOf(doc, schema).includes('integer') && path.length > 0 && path[path.length - 1] !== '*') integers.push(path);
    const items = itemsOf(doc, schema);
    if (items) visitValue(items, [...path, '*'], depth + 1);
    for (const [name, child] of Object.entries(propertiesOf(doc, schema))) visitValue(child, [...path, name], depth + 1);
  }

  visitValue(root, [], 0);
  const byDepth = (a, b) => a.length - b.length || a.join('.').localeCompare(b.join('.'));
  return { integers: integers.sort(byDepth), jsonStrings: jsonStrings.sort(byDepth) };
}

/** Whether an object schema declares a property (through allOf/anyOf/oneOf too). */
export function hasProperty(doc, schema, name) {
  return Object.prototype.hasOwnProperty.call(propertiesOf(doc, schema), name);
}
