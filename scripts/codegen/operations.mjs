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

/**
 * The rule the tests and the API reference's code samples rely on, stated where a new operation
 * is first read: a client method has a request example and a success answer example.
 */
function requireExamples(doc, op, result, where) {
  if (op['x-sdk-method'] === false) return;
  if (jsonExamples(doc, op.requestBody).length === 0) {
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
      const requestSchema = jsonSchemaOf(doc, op.requestBody, `${where} requestBody`);
      const responseSchema = jsonSchemaOf(doc, op.responses?.['200'], `${where} 200 response`);
      const security = (op.security ?? doc.security ?? []).flatMap((req) => Object.keys(req));
      const identifiedBy = op['x-identified-by'] ?? [];
      if (!Array.isArray(identifiedBy) || identifiedBy.some((f) => typeof f !== 'string' || !hasProperty(doc, requestSchema, f))) {
        throw new Error(`${where}: x-identified-by must list request fields (the ids that name the object)`);
      }
      operations.push({
        operationId: op.operationId,
        summary: op.summary ?? '',
        method: method.toUpperCase(),
        path,
        retrySafe: requireExtension(op, 'x-retry-safe', where) === true,
        sdkMethod: op['x-sdk-method'] !== false,
        security,
        result: { codeField: result.codeField, messageField: result.messageField, success: result.success.map(String) },
        requestTimestampField: hasProperty(doc, requestSchema, 'requestTimestamp') ? 'requestTimestamp' : null,
        identifiedBy,
        responseWireFormat: collectWireFormat(doc, responseSchema),
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

/** @param {Record<string, any>} doc @param {string} header */
export function renderOperations(doc, header) {
  const operations = describeOperations(doc);
  const notification = describeNotification(doc);
  const table = Object.fromEntries(operations.map(({ operationId, ...rest }) => [operationId, { operationId, ...rest }]));
  return `${header}
import type { WireFormatRules } from '../src/wire-format.js';

/** Where an operation's outcome lives in its response body, and which codes mean success. */
export interface OperationResultRule {
  readonly codeField: string;
  readonly messageField: string;
  readonly success: readonly string[];
}

export interface OperationDescriptor {
  readonly operationId: string;
  readonly summary: string;
  readonly method: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH';
  readonly path: string;
  /** From \`x-retry-safe\`: the call can be repeated without a second effect. */
  readonly retrySafe: boolean;
  /** From \`x-sdk-method\`: exposed as a client method (false for the token endpoint). */
  readonly sdkMethod: boolean;
  readonly security: readonly string[];
  readonly result: OperationResultRule;
  /** The body field the client fills with Beijing time when the caller leaves it out. */
  readonly requestTimestampField: string | null;
  /** From \`x-identified-by\`: the request fields that name the object (for NO_ORDER hints). */
  readonly identifiedBy: readonly string[];
  readonly responseWireFormat: WireFormatRules;
}

export const operations = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationDescriptor>;

export type OperationId = keyof typeof operations;

/** Wire formats of the payment notification (webhooks.paymentNotification). */
export const paymentNotificationWireFormat: WireFormatRules = ${JSON.stringify(notification.wireFormat, null, 2)};
`;
}
