// Emits generated/code-samples.mjs: per operation, the SDK call that sends the spec's request
// example, for the API reference's x-codeSamples (the TypeScript tab beside the HTTP payload).
// Built from the examples, so a changed example changes the sample; `npm run check:readme`
// type-checks every sample against the sources.
import { describeOperations, requestExamplesOf } from './operations.mjs';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A TypeScript object literal for a JSON value: unquoted keys where possible, 2-space indent. */
export function literal(value, indent = '') {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${indent}  ${literal(v, `${indent}  `)}`).join(',\n')},\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v]) => `${indent}  ${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v, `${indent}  `)}`);
    return `{\n${lines.join(',\n')},\n${indent}}`;
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

const CLIENT = (extra, names = 'createChinaUmsClient') => `import { ${names} } from 'chinaums';

const ums = createChinaUmsClient({
  appId: process.env['CHINAUMS_APP_ID'] ?? '',
  appKey: process.env['CHINAUMS_APP_KEY'] ?? '',
  environment: 'test', // or 'production'${extra}
});`;

function sampleFor(doc, op) {
  if (!op.sdkMethod) {
    return `${CLIENT('\n  auth: accessTokenAuth(), // the SDK obtains, caches and refreshes the token; no method to call', 'accessTokenAuth, createChinaUmsClient')}

// Every operation method now sends Authorization: OPEN-ACCESS-TOKEN AccessToken=<token>.
`;
  }
  const spec = doc.paths[op.path][op.method.toLowerCase()];
  const example = { ...requestExamplesOf(doc, spec, `${op.method} ${op.path}`)[0] };
  if (op.requestTimestampField) delete example[op.requestTimestampField];
  if (op.transport === 'browser-redirect') {
    return `${CLIENT('')}

// A browser page: the SDK signs the order into a URL (OPEN-FORM-PARAM) and requests nothing.
const url = await ums.${op.operationId}(${literal(example)});
// Send the browser there, e.g. return Response.redirect(url, 302).
console.log(url);
`;
  }
  const success = op.result.success.map((c) => `'${c}'`).join(' or ');
  return `${CLIENT('')}

${op.requestTimestampField ? `// ${op.requestTimestampField} is filled in (Beijing time); the body is validated and signed as sent.\n` : ''}const answer = await ums.${op.operationId}(${literal(example)});
// Resolves when ${op.result.codeField} is ${success}; any other code rejects with an ApiError.
console.log(answer);
`;
}

/** @param {Record<string, any>} doc */
export function describeCodeSamples(doc) {
  return Object.fromEntries(describeOperations(doc).map((op) => [op.operationId, [{ lang: 'TypeScript', label: 'TypeScript', source: sampleFor(doc, op) }]]));
}

/** @param {Record<string, any>} doc @param {string} header */
export function renderCodeSamples(doc, header) {
  return `${header}
/** operationId → Redoc x-codeSamples entries (the SDK call for the operation's request example). */
export const codeSamples = ${JSON.stringify(describeCodeSamples(doc), null, 2)};
`;
}
