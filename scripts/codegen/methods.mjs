// Emits generated/methods.ts: the client's operation methods as an interface, one member per
// operation with the spec's summary and description as its doc comment, so editors show them on
// hover (a mapped type carries no per-key documentation).
import { describeOperations } from './operations.mjs';

/** @param {string} text a doc-comment body: no comment terminator, each line prefixed. */
function docComment(text, indent) {
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  return [`${indent}/**`, ...lines.map((line) => `${indent} *${line ? ` ${line}` : ''}`), `${indent} */`].join('\n');
}

/** @param {Record<string, any>} doc @param {string} header */
export function renderMethods(doc, header) {
  const operations = describeOperations(doc).filter((op) => op.sdkMethod);
  const members = operations.map((op) => {
    const spec = doc.paths[op.path][op.method.toLowerCase()];
    const description = typeof spec.description === 'string' ? spec.description.trim() : '';
    const facts = [
      `\`${op.method} ${op.path}\``,
      op.retrySafe ? 'retried automatically on transient failures' : 'not retried (not safe to repeat)',
      `success: \`${op.result.codeField}\` ${op.result.success.map((c) => `\`${c}\``).join(' or ')}`,
    ].join(' · ');
    const body = [op.summary, ...(description ? ['', description] : []), '', facts].join('\n');
    const id = JSON.stringify(op.operationId);
    return `${docComment(body, '  ')}\n  ${op.operationId}(body: OperationRequest<${id}>, options?: CallOptions): Promise<OperationResponse<${id}>>;`;
  });
  return `${header}
import type { CallOptions } from '../src/call.js';
import type { OperationRequest, OperationResponse } from '../src/types.js';

/** One typed method per operation of the spec, named by its operationId and documented from it. */
export interface ChinaUmsOperationMethods {
${members.join('\n\n')}
}
`;
}
