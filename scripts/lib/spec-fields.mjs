// Finds what a page documents in the bundled spec (an operation by path, or the notification
// webhook) and exposes each schema property as a field the comparison can read.

import { deref, flatten, isObject, typesOf } from './schema-walk.mjs';

/** @typedef {import('./schema-walk.mjs').Json} Json */
/**
 * @typedef {object} SpecTarget
 * @property {'operation' | 'webhook'} kind
 * @property {string} label e.g. `POST /netpay/query (netpayQuery)` or `webhook paymentNotification`
 * @property {Json | null} request schema the page's 请求参数 table maps to
 * @property {Json | null} response schema the page's 响应参数 table maps to
 * @property {unknown[]} requestExamples example payloads for the request schema
 * @property {unknown[]} responseExamples example payloads for the response schema
 */
/**
 * @typedef {object} SpecField
 * @property {string} name
 * @property {Json} schema flattened
 * @property {string[]} types
 * @property {boolean} jsonString the property is JSON text (`x-json-string: true`)
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const WEBHOOK = 'paymentNotification';

/**
 * @param {Json} doc bundled spec
 * @param {{ method: string | null, path: string | null }} page
 * @returns {SpecTarget | null}
 */
export function findTarget(doc, page) {
  if (page.path === null) return findWebhook(doc);
  const paths = isObject(doc.paths) ? doc.paths : {};
  const prefixes = serverPrefixes(doc.servers);
  for (const [key, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemPrefixes = [...prefixes, ...serverPrefixes(item.servers)];
    if (!itemPrefixes.some((p) => trimSlash(p + key) === trimSlash(page.path))) continue;
    const method = (page.method ?? 'post').toLowerCase();
    const op = deref(doc, item[method]);
    if (Object.keys(op).length === 0) continue;
    const id = typeof op.operationId === 'string' ? ` (${op.operationId})` : '';
    const request = mediaOf(doc, op.requestBody, 'application/json');
    const response = mediaOf(doc, isObject(op.responses) ? op.responses['200'] ?? op.responses['2XX'] : undefined, 'application/json');
    return { kind: 'operation', label: `${method.toUpperCase()} ${key}${id}`, request: request.schema, response: response.schema, requestExamples: request.examples, responseExamples: response.examples };
  }
  return null;
}

/**
 * A page without an endpoint is the payment notification: its 响应参数 table lists the fields
 * ChinaUMS posts to the merchant, i.e. the webhook's request body.
 * @param {Json} doc
 * @returns {SpecTarget | null}
 */
function findWebhook(doc) {
  const hooks = isObject(doc.webhooks) ? doc.webhooks : {};
  const name = WEBHOOK in hooks ? WEBHOOK : Object.keys(hooks).length === 1 ? Object.keys(hooks)[0] : undefined;
  if (name === undefined) return null;
  const item = deref(doc, hooks[name]);
  const op = deref(doc, METHODS.map((m) => item[m]).find((x) => x !== undefined));
  const body = mediaOf(doc, op.requestBody, null);
  return { kind: 'webhook', label: `webhook ${name}`, request: null, response: body.schema, requestExamples: [], responseExamples: body.examples };
}

/**
 * @param {Json} doc
 * @param {unknown} holder a requestBody or response object (or $ref to one)
 * @param {string | null} mediaType null: the first media type present
 * @returns {{ schema: Json | null, examples: unknown[] }}
 */
function mediaOf(doc, holder, mediaType) {
  const content = deref(doc, holder).content;
  if (!isObject(content)) return { schema: null, examples: [] };
  const key = mediaType !== null && mediaType in content ? mediaType : mediaType === null ? Object.keys(content)[0] : Object.keys(content).find((k) => k.includes('json'));
  const media = key === undefined ? {} : deref(doc, content[key]);
  /** @type {unknown[]} */
  const examples = [];
  if (media.example !== undefined) examples.push(media.example);
  if (isObject(media.examples)) for (const ex of Object.values(media.examples)) examples.push(deref(doc, ex).value);
  return { schema: media.schema === undefined ? null : flatten(doc, media.schema), examples };
}

/**
 * @param {unknown} servers
 * @returns {string[]} URL paths of the servers (`/v1`), plus '' for paths written in full
 */
function serverPrefixes(servers) {
  const out = [''];
  if (!Array.isArray(servers)) return out;
  for (const s of servers) {
    if (!isObject(s) || typeof s.url !== 'string') continue;
    try {
      out.push(trimSlash(new URL(s.url, 'https://placeholder.invalid').pathname));
    } catch {
      // a templated server URL we cannot parse contributes no prefix
    }
  }
  return out;
}

/**
 * @param {string} p
 * @returns {string}
 */
function trimSlash(p) {
  return p.replace(/\/+$/, '');
}

/**
 * @param {Json} doc
 * @param {Json | null} schema an object schema
 * @returns {Map<string, SpecField>} its properties, in spec order
 */
export function fieldsOf(doc, schema) {
  /** @type {Map<string, SpecField>} */
  const out = new Map();
  if (!schema || !isObject(schema.properties)) return out;
  for (const [name, raw] of Object.entries(schema.properties)) {
    const flat = flatten(doc, raw);
    out.set(name, { name, schema: flat, types: typesOf(flat), jsonString: flat['x-json-string'] === true });
  }
  return out;
}

/**
 * The object schema holding a field's sub-fields: an array's items, an object itself, or the
 * decoded form of a JSON-text string (contentSchema, x-json-schema, or properties/items kept on
 * the string schema).
 * @param {Json} doc
 * @param {SpecField} field
 * @returns {Json | null}
 */
export function childSchemaOf(doc, field) {
  /** @type {Json | null} */
  let node = field.schema;
  if (field.jsonString) {
    const decoded = node.contentSchema ?? node['x-json-schema'];
    node = decoded !== undefined ? flatten(doc, decoded) : isObject(node.properties) || node.items !== undefined ? node : null;
  }
  for (let depth = 0; node && depth < 4; depth += 1) {
    if (isObject(node.properties)) return node;
    if (node.items === undefined) return null;
    node = flatten(doc, node.items); // arrays of arrays: keep descending to the objects
  }
  return null;
}
