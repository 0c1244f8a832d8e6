// Emits generated/methods.ts: the client's operation methods as an interface, one member per
// operation with the spec's summary and description as its doc comment, so editors show them on
// hover (a mapped type carries no per-key documentation). The request, answer and options types
// are parameters: generated/ never imports from src/, and src/client/create-client.ts supplies them.
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
    const page = op.transport === 'browser-redirect';
    const facts = [
      `\`${op.method} ${op.path}\``,
      page
        ? 'a browser page: resolves to the signed URL to send the browser to (nothing is requested)'
        : op.retrySafe
          ? 'retried automatically on transient failures'
          : 'not retried (not safe to repeat)',
      ...(page ? [] : [`success: \`${op.result.codeField}\` ${op.result.success.map((c) => `\`${c}\``).join(' or ')}`]),
    ].join(' · ');
    const body = [op.summary, ...(description ? ['', description] : []), '', facts].join('\n');
    const id = JSON.stringify(op.operationId);
    const signature = page
      ? `${op.operationId}(content: Requests[${id}]): Promise<string>;`
      : `${op.operationId}(body: Requests[${id}], options?: Options): Promise<Answers[${id}]>;`;
    return `${docComment(body, '  ')}\n  ${signature}`;
  });
  const ids = operations.map((op) => JSON.stringify(op.operationId)).join(' | ');
  return `${header}
/** The operations that are client methods. */
export type MethodOperationId = ${ids};

/**
 * One typed method per operation of the spec, named by its operationId and documented from it.
 * \`Requests\` / \`Answers\` map each operation to what the caller passes and gets back.
 */
export interface ChinaUmsOperationMethodsOf<Requests extends Record<MethodOperationId, unknown>, Answers extends Record<MethodOperationId, unknown>, Options> {
${members.join('\n\n')}
}
`;
}
