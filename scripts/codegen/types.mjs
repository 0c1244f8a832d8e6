// TypeScript types of the whole document (paths, webhooks, components) via openapi-typescript.
import openapiTS, { astToString } from 'openapi-typescript';

/** @param {Record<string, any>} doc @param {string} header */
export async function renderTypes(doc, header) {
  const ast = await openapiTS(doc, {
    // Received objects allow unknown fields in the spec; the types stay exact so typos fail.
    additionalProperties: false,
    alphabetize: false,
    exportType: false,
    immutable: false,
  });
  return `${header}\n${astToString(ast)}`;
}
