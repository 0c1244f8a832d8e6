// Compiles the spec's schemas into standalone ajv validators at generate time, so no runtime
// ever calls eval/new Function (Workers and Vercel Edge forbid it), then bundles ajv's small
// runtime helpers in with esbuild because ajv's "esm" output still says require(...).
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { describeNotification, describeOperations, requestSchemaOf, responseSchemaOf } from './operations.mjs';
import { repoRoot } from './bundle.mjs';
import { compactDefs } from './compact-schema.mjs';
import { forValidation } from './validation-schema.mjs';
import { assertClassifiable, RECEIVED_WRAPPER } from './received-validator.mjs';

const REGISTRY_ID = 'https://chinaums.invalid/schemas';
const OAS_ONLY_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator'];

/** Rewrites `#/components/schemas/X` into the registry's `#/$defs/X` and gathers x- keywords. */
function rewrite(node, extensions) {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, extensions));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) extensions.add(key);
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith('#/components/schemas/')) throw new Error(`Validators support only component refs, got ${value}`);
      out.$ref = `#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      // Property names are data, not keywords: never mistake a field called "x-foo" for one.
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, rewrite(schema, extensions)]));
    } else {
      out[key] = rewrite(value, extensions);
    }
  }
  return out;
}

/**
 * The registry every validators module compiles from, and which roots are requests/responses.
 * @param {Record<string, any>} doc
 * @param {{ compact?: boolean }} [options] `compact: false` gives the schemas as written (for the test that compares both)
 */
export function buildValidationRegistry(doc, { compact = true } = {}) {
  const extensions = new Set();
  const defs = rewrite(doc.components?.schemas ?? {}, extensions);
  const requests = {};
  const responses = {};
  for (const { operationId, path, method } of describeOperations(doc)) {
    const op = doc.paths[path][method.toLowerCase()];
    const where = `${method} ${path}`;
    defs[`${operationId}.request`] = rewrite(requestSchemaOf(doc, op, where), extensions);
    requests[operationId] = `${REGISTRY_ID}#/$defs/${operationId}.request`;
    // A browser page (H5) has no answer body to validate.
    const response = responseSchemaOf(doc, op, where);
    if (response === null) continue;
    defs[`${operationId}.response`] = rewrite(response, extensions);
    responses[operationId] = `${REGISTRY_ID}#/$defs/${operationId}.response`;
  }
  defs['paymentNotification'] = rewrite(describeNotification(doc).schema, extensions);
  const resolve = (ref) => defs[ref.slice('#/$defs/'.length)];
  const reduced = Object.fromEntries(Object.entries(defs).map(([name, schema]) => [name, forValidation(schema, resolve)]));
  const validationDefs = compact ? compactDefs(reduced) : reduced;
  assertClassifiable(validationDefs, ['paymentNotification', ...Object.keys(responses).map((id) => `${id}.response`)]);
  return { registry: { $id: REGISTRY_ID, $defs: validationDefs }, extensions, requests, responses };
}

/** The ajv instance (options included) the generated modules are compiled with. */
export function createAjv(registry, extensions) {
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    strict: true,
    strictRequired: false,
    // A ref'd object or array compiles once, as a function its users call: inlined, a shape such
    // as OrderGoods would be compiled again into every request that has goods. (Scalar leaves are
    // inlined by compact-schema.mjs; ajv counts 2 for a `{type, enum}` ref and inlines that.)
    inlineRefs: 2,
  });
  ajv.addVocabulary([...OAS_ONLY_KEYWORDS, ...[...extensions].sort()]);
  ajv.addSchema(registry);
  return ajv;
}

// ajv's one runtime helper here, as ES code: bundling its CommonJS module would add esbuild's
// require shim and the helper's `.code` string to every edge bundle. Same count (code points: a
// surrogate pair is one, a lone surrogate one), by string iteration; test/generate checks both agree.
// Text with no high surrogate (almost every received value) has as many code points as code units,
// which one native regex scan tells faster than iterating it.
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
export const UCS2LENGTH_ESM = `
const HIGH_SURROGATE = /[\\ud800-\\udbff]/;
function ucs2length(str) {
  if (!HIGH_SURROGATE.test(str)) return str.length;
  let length = 0;
  for (const _ of str) length++;
  return length;
}
`;

// ajv puts a schemaPath in every error object; nothing reads it. Left out of the output.
const SCHEMA_PATH = /,schemaPath:"(?:[^"\\]|\\.)*"/g;

async function bundleModule(source, header) {
  const inlined = (source.includes(UCS2LENGTH) ? UCS2LENGTH_ESM + source.split(UCS2LENGTH).join('ucs2length') : source).replace(SCHEMA_PATH, '');
  if (/require\(/.test(inlined)) throw new Error('A standalone validator needs an ajv runtime helper other than ucs2length: inline it like ucs2length.');
  if (inlined.includes('schemaPath')) throw new Error('ajv wrote a schemaPath the generator could not leave out: update SCHEMA_PATH in scripts/codegen/validators.mjs.');
  const result = await build({
    stdin: { contents: inlined, resolveDir: repoRoot, sourcefile: 'validators.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return `${header}\n${result.outputFiles[0].text}`;
}

const TYPES_DTS = (header) => `${header}
/**
 * One reason a value failed its schema: ajv's error object without ajv as a dependency, and
 * without its \`schemaPath\` (left out of the generated code to keep it small).
 */
export interface ValidationError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A precompiled validator: call it, then read \`errors\` when it returns false. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

/**
 * A validator of something RECEIVED (a response, a notification): the platform's word. Unfamiliar
 * enum values, lengths, patterns and ranges never fail it; they are listed in \`problems\`. It
 * returns false (with \`errors\`) only for a value of the wrong JSON type or a missing required field.
 */
export interface ReceivedValidateFunction extends ValidateFunction {
  problems?: ValidationError[] | null;
}
`;

const TABLE_DTS = (header, name, ids, what, type) => `${header}
import type { ${type} } from './types.js';

/** ${what}, one per operationId. */
export declare const ${name}: {
${ids.map((id) => `  readonly ${id}: ${type};`).join('\n')}
};
`;

/**
 * @param {Record<string, any>} doc
 * @param {string} header first line(s) marking the file as generated
 * @returns {Promise<Record<string, string>>} file path (relative to generated/) → contents
 */
export async function renderValidators(doc, header) {
  const { registry, extensions, requests, responses } = buildValidationRegistry(doc);
  const files = {};

  const single = createAjv(registry, extensions);
  files['validators/payment-notification.js'] = await bundleModule(
    standaloneCode(single, { knownPaymentNotification: `${REGISTRY_ID}#/$defs/paymentNotification` }) +
      RECEIVED_WRAPPER +
      '\nexport const validatePaymentNotification = received(knownPaymentNotification);\n',
    header,
  );
  files['validators/payment-notification.d.ts'] = `${header}
import type { ReceivedValidateFunction } from './types.js';

/**
 * Checks a decoded payment notification (after wire formats were applied). Received, so lenient:
 * false only for a value of the wrong JSON type or a missing \`sign\`; unfamiliar values are \`problems\`.
 */
export declare const validatePaymentNotification: ReceivedValidateFunction;
`;

  for (const [file, name, refs, what, direction] of [
    ['requests', 'requestValidators', requests, 'Strict validators of request bodies as the SDK sends them', 'sent'],
    [
      'responses',
      'responseValidators',
      responses,
      'Lenient validators of response bodies (after wire formats were applied): unfamiliar values are `problems`, not failures',
      'received',
    ],
  ]) {
    const ajv = createAjv(registry, extensions);
    const ids = Object.keys(refs);
    const exportsByName = Object.fromEntries(ids.map((id) => [`${name}_${id}`, refs[id]]));
    const code = standaloneCode(ajv, exportsByName);
    const entry = (id) => (direction === 'received' ? `received(${name}_${id})` : `${name}_${id}`);
    const table = `\nexport const ${name} = { ${ids.map((id) => `${id}: ${entry(id)}`).join(', ')} };\n`;
    files[`validators/${file}.js`] = await bundleModule(code + (direction === 'received' ? RECEIVED_WRAPPER : '') + table, header);
    files[`validators/${file}.d.ts`] = TABLE_DTS(header, name, ids, what, direction === 'received' ? 'ReceivedValidateFunction' : 'ValidateFunction');
  }
  files['validators/types.d.ts'] = TYPES_DTS(header);
  return files;
}
