// Emits generated/operations.ts: the per-operation behaviour the runtime reads instead of
// hard-coding endpoints (retry safety, result envelope, wire formats, timestamp field).
import { deref } from '../lib/schema-walk.mjs';
import { collectWireFormat, hasProperty } from './wire-format.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** @param {Record<string, any>} doc @param {string} where @param {any} op */
function requireExtension(op, name, where) {
  if (op[name] === undefined) throw new Error(`${where}: missing ${name} (the runtime needs it)`);
  return op[name];
}

function jsonSchemaOf(doc, holder, where) {
  const content = deref(doc, holder ?? {}).content ?? {};
  const media = content['application/json'];
  if (!media?.schema) throw new Error(`${where}: no application/json schema`);
  return media.schema;
}

/** A browser page (H5): a GET answered with a 302, whose order travels as a JSON query parameter. */
function isBrowserRedirect(op) {
  return op.requestBody === undefined && op.responses?.['302'] !== undefined && op.responses?.['200'] === undefined;
}

/** The query parameter carrying the JSON order of a browser page (`content`). */
function jsonQueryParameter(doc, op, where) {
  const found = (op.parameters ?? []).map((p) => deref(doc, p)).filter((p) => p.in === 'query' && p.content?.['application/json']?.schema);
  if (found.length !== 1) throw new Error(`${where}: a browser page needs exactly one query parameter with application/json content`);
  return found[0];
}

/** @param {Record<string, any>} doc @param {any} op @param {string} where the schema of what the caller passes */
export function requestSchemaOf(doc, op, where) {
  if (isBrowserRedirect(op)) return jsonQueryParameter(doc, op, where).content['application/json'].schema;
  return jsonSchemaOf(doc, op.requestBody, `${where} requestBody`);
}

/** @param {Record<string, any>} doc @param {any} op @param {string} where the 200 JSON schema, or null for a browser page */
export function responseSchemaOf(doc, op, where) {
  if (isBrowserRedirect(op)) return null;
  return jsonSchemaOf(doc, op.responses?.['200'], `${where} 200 response`);
}

const FILL_KINDS = ['order-id'];

/** Request fields the SDK fills in when the caller leaves them out (`x-sdk-fill` on the property). */
function fillsOf(doc, schema, where) {
  const s = deref(doc, schema);
  const fills = [];
  for (const [field, raw] of Object.entries(s.properties ?? {})) {
    const property = deref(doc, raw);
    const kind = raw['x-sdk-fill'] ?? property['x-sdk-fill'];
    if (kind === undefined) continue;
    if (!FILL_KINDS.includes(kind)) throw new Error(`${where}: ${field}: unknown x-sdk-fill ${JSON.stringify(kind)} (known: ${FILL_KINDS.join(', ')})`);
    const prefixFrom = raw['x-sdk-fill-prefix-from'] ?? property['x-sdk-fill-prefix-from'];
    if (typeof prefixFrom !== 'string' || !Object.prototype.hasOwnProperty.call(s.properties, prefixFrom)) {
      throw new Error(`${where}: ${field}: x-sdk-fill-prefix-from must name another property of the request`);
    }
    if (!(s.required ?? []).includes(prefixFrom)) throw new Error(`${where}: ${field}: x-sdk-fill-prefix-from ${prefixFrom} must be required`);
    fills.push({ field, kind, prefixFrom, maxLength: property.maxLength ?? null });
  }
  return fills;
}

/** Every example value of an operation part's application/json media type, $refs resolved. */
export function jsonExamples(doc, holder) {
  const media = deref(doc, holder ?? {}).content?.['application/json'];
  if (!media) return [];
  const values = media.example === undefined ? [] : [media.example];
  for (const example of Object.values(media.examples ?? {})) {
    const value = deref(doc, example)?.value;
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** The request examples of an operation: its JSON body's, or a browser page's JSON query parameter's. */
export function requestExamplesOf(doc, op, where) {
  return isBrowserRedirect(op) ? jsonExamples(doc, jsonQueryParameter(doc, op, where)) : jsonExamples(doc, op.requestBody);
}

/**
 * The rule the tests and the API reference's code samples rely on, stated where a new operation
 * is first read: a client method has a request example and a success answer example.
 */
function requireExamples(doc, op, result, where) {
  if (op['x-sdk-method'] === false) return;
  if (isBrowserRedirect(op)) {
    if (requestExamplesOf(doc, op, where).length === 0) {
      throw new Error(`${where}: needs an example of its JSON query parameter: the tests and the API reference's code sample are built from it`);
    }
    return;
  }
  if (requestExamplesOf(doc, op, where).length === 0) {
    throw new Error(`${where}: needs a request example (requestBody application/json example or examples): the tests and the API reference's code sample are built from it`);
  }
  const success = jsonExamples(doc, op.responses?.['200']).some((e) => result.success.map(String).includes(String(e?.[result.codeField])));
  if (!success) {
    throw new Error(`${where}: needs a 200 example whose ${result.codeField} is a success code (${result.success.join(', ')}): the tests answer with it`);
  }
}

/** @param {Record<string, any>} doc */
export function describeOperations(doc) {
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) throw new Error(`${where}: missing operationId`);
      const result = requireExtension(op, 'x-result', where);
      for (const key of ['codeField', 'messageField']) {
        if (typeof result[key] !== 'string') throw new Error(`${where}: x-result.${key} must be a string`);
      }
      if (!Array.isArray(result.success) || result.success.length === 0) {
        throw new Error(`${where}: x-result.success must list the success codes`);
      }
      requireExamples(doc, op, result, where);
      const requestSchema = requestSchemaOf(doc, op, where);
      const responseSchema = responseSchemaOf(doc, op, where);
      const security = (op.security ?? doc.security ?? []).flatMap((req) => Object.keys(req));
      const identifiedBy = op['x-identified-by'] ?? [];
      if (!Array.isArray(identifiedBy) || identifiedBy.some((f) => typeof f !== 'string' || !hasProperty(doc, requestSchema, f))) {
        throw new Error(`${where}: x-identified-by must list request fields (the ids that name the object)`);
      }
      // A rule the client relies on, stated here: a NO_ORDER answer's hint names these ids.
      if (op['x-sdk-method'] !== false && identifiedBy.length === 0) {
        throw new Error(`${where}: needs x-identified-by: [the request fields that name the object, e.g. merOrderId, mid, tid] (the NO_ORDER hint names them)`);
      }
      operations.push({
        operationId: op.operationId,
        summary: op.summary ?? '',
        method: method.toUpperCase(),
        path,
        transport: isBrowserRedirect(op) ? 'browser-redirect' : 'json',
        retrySafe: requireExtension(op, 'x-retry-safe', where) === true,
        sdkMethod: op['x-sdk-method'] !== false,
        security,
        result: { codeField: result.codeField, messageField: result.messageField, success: result.success.map(String) },
        requestTimestampField: hasProperty(doc, requestSchema, 'requestTimestamp') ? 'requestTimestamp' : null,
        fills: fillsOf(doc, requestSchema, where),
        responseWireFormat: responseSchema === null ? { integers: [], jsonStrings: [] } : collectWireFormat(doc, responseSchema),
        identifiedBy,
      });
    }
  }
  operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
  return operations;
}

/** @param {Record<string, any>} doc */
export function describeNotification(doc) {
  const hook = doc.webhooks?.paymentNotification?.post;
  if (!hook) throw new Error('spec: webhooks.paymentNotification.post is missing');
  const content = deref(doc, hook.requestBody ?? {}).content ?? {};
  const schema = content['application/x-www-form-urlencoded']?.schema ?? content['application/json']?.schema;
  if (!schema) throw new Error('spec: the paymentNotification webhook has no form schema');
  return { schema, wireFormat: collectWireFormat(doc, schema) };
}

/** Browser pages name their content schema as a component, so its type can be named too. */
function browserPageContents(doc, operations) {
  return operations
    .filter((op) => op.transport === 'browser-redirect')
    .map((op) => {
      const where = `${op.method} ${op.path}`;
      const ref = requestSchemaOf(doc, doc.paths[op.path][op.method.toLowerCase()], where).$ref;
      const prefix = '#/components/schemas/';
      if (typeof ref !== 'string' || !ref.startsWith(prefix)) throw new Error(`${where}: the content schema must be a component ($ref)`);
      return { operationId: op.operationId, schema: ref.slice(prefix.length) };
    });
}

/** @param {Record<string, any>} doc @param {string} header */
export function renderOperations(doc, header) {
  const operations = describeOperations(doc);
  const notification = describeNotification(doc);
  // Summaries are for people (the CLI's list, docs), not for the calls: a table of their own, so a
  // bundle that makes calls does not carry them.
  const table = Object.fromEntries(operations.map(({ operationId, summary: _listed, ...rest }) => [operationId, { operationId, ...rest }]));
  const summaries = Object.fromEntries(operations.map(({ operationId, summary }) => [operationId, summary]));
  const pageContents = browserPageContents(doc, operations);
  return `${header}
import type { components } from './schema.js';

/** A path into a JSON value; \`*\` stands for every item of an array. */
export type FieldPath = readonly string[];

/** Which received fields change type on the way in (applied by the client and the notification handler). */
export interface WireFormatRules {
  /** Paths declared \`integer\` in the spec (amounts in fen, counts). */
  readonly integers: readonly FieldPath[];
  /** Paths declared \`x-json-string\`, shallowest first so nested rules apply after parsing. */
  readonly jsonStrings: readonly FieldPath[];
}

/** Where an operation's outcome lives in its response body, and which codes mean success. */
export interface OperationResultRule {
  readonly codeField: string;
  readonly messageField: string;
  readonly success: readonly string[];
}

/** A request field the client fills in when the caller leaves it out (\`x-sdk-fill\`). */
export interface RequestFill {
  readonly field: string;
  /** \`order-id\`: a fresh number like createMerOrderId's, prefixed with the first 4 characters of \`prefixFrom\`. */
  readonly kind: 'order-id';
  readonly prefixFrom: string;
  readonly maxLength: number | null;
}

export interface OperationDescriptor {
  readonly operationId: string;
  readonly method: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH';
  readonly path: string;
  /**
   * \`json\`: a call with a JSON body and answer. \`browser-redirect\`: a page the browser opens (H5),
   * answered with a 302; the client builds its signed URL and never requests it.
   */
  readonly transport: 'json' | 'browser-redirect';
  /** From \`x-retry-safe\`: the call can be repeated without a second effect. */
  readonly retrySafe: boolean;
  /** From \`x-sdk-method\`: exposed as a client method (false for the token endpoint). */
  readonly sdkMethod: boolean;
  readonly security: readonly string[];
  readonly result: OperationResultRule;
  /** The body field the client fills with Beijing time when the caller leaves it out. */
  readonly requestTimestampField: string | null;
  /** Fields the client fills in when the caller leaves them out, kept across retries. */
  readonly fills: readonly RequestFill[];
  /** From \`x-identified-by\`: the request fields that name the object (for NO_ORDER hints). */
  readonly identifiedBy: readonly string[];
  readonly responseWireFormat: WireFormatRules;
}

export const operations = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationDescriptor>;

export type OperationId = keyof typeof operations;

/** Each operation's summary from the spec (\`summary\`): what the CLI lists and the docs title. */
export const operationSummaries: { readonly [K in OperationId]: string } = ${JSON.stringify(summaries, null, 2)};

/** The order (\`content\`) each browser page (H5) takes, as the spec declares it. */
export interface BrowserPageContents {
${pageContents.map(({ operationId, schema }) => `  ${operationId}: components['schemas'][${JSON.stringify(schema)}];`).join('\n')}
}

/** Wire formats of the payment notification (webhooks.paymentNotification). */
export const paymentNotificationWireFormat: WireFormatRules = ${JSON.stringify(notification.wireFormat, null, 2)};
`;
}
