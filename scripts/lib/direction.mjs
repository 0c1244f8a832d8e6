// Which way each schema travels, decided once by its position in the document: request bodies
// are SENT (validated strictly: closed objects, enums, lengths, patterns refuse), response bodies
// and the webhook are RECEIVED (the platform's word: those keywords only report problems).
import { isObject } from './schema-walk.mjs';

const COMPONENT = '#/components/schemas/';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Component names a schema refers to, directly or through other components. */
function reachable(doc, roots) {
  const schemas = doc.components?.schemas ?? {};
  const found = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT)) {
        const name = value.slice(COMPONENT.length);
        if (!found.has(name)) {
          found.add(name);
          visit(schemas[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  roots.forEach(visit);
  return found;
}

function mediaSchemas(holder) {
  return Object.values(holder?.content ?? {}).map((media) => media?.schema).filter(Boolean);
}

/**
 * @param {Record<string, any>} doc a bundled document (component refs only)
 * @returns {{ sent: Set<string>, received: Set<string> }} component names by direction
 */
export function schemaDirections(doc) {
  const sentRoots = [];
  const receivedRoots = [];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      sentRoots.push(...mediaSchemas(op.requestBody));
      for (const response of Object.values(op.responses ?? {})) receivedRoots.push(...mediaSchemas(response));
    }
  }
  for (const hook of Object.values(doc.webhooks ?? {})) {
    for (const method of METHODS) if (hook?.[method]) receivedRoots.push(...mediaSchemas(hook[method].requestBody));
  }
  return { sent: reachable(doc, sentRoots), received: reachable(doc, receivedRoots) };
}

/**
 * Component enums that are only received: their generated types stay open (`'A' | 'B' | (string & {})`).
 * An enum both sent and received cannot be both closed and open, so the spec must split it.
 * @param {Record<string, any>} doc
 * @returns {Set<string>}
 */
export function openEnumComponents(doc) {
  const { sent, received } = schemaDirections(doc);
  const open = new Set();
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if (!Array.isArray(schema?.enum)) continue;
    if (sent.has(name) && received.has(name)) {
      throw new Error(`spec: the enum ${name} is used in a request and in a response/notification; give each direction its own schema.`);
    }
    if (received.has(name)) open.add(name);
  }
  return open;
}
