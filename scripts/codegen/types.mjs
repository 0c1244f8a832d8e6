// TypeScript types of the whole document (paths, webhooks, components) via openapi-typescript.
import ts from 'typescript';
import openapiTS, { astToString, STRING, tsIntersection, tsLiteral, tsUnion } from 'openapi-typescript';
import { openEnumComponents } from '../lib/direction.mjs';

const COMPONENT = '#/components/schemas/';

/** `'A' | 'B' | (string & {})`: editors still offer the known values, and any other string type-checks. */
function openEnum(values) {
  const anyOtherString = tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]);
  return tsUnion([...values.map((value) => tsLiteral(value)), anyOtherString]);
}

/** @param {Record<string, any>} doc @param {string} header */
export async function renderTypes(doc, header) {
  const open = openEnumComponents(doc);
  const ast = await openapiTS(doc, {
    // Received objects allow unknown fields in the spec; the types stay exact so typos fail.
    additionalProperties: false,
    alphabetize: false,
    exportType: false,
    immutable: false,
    // Enums of received values are documented sets, not limits (scripts/lib/direction.mjs).
    transform(schema, options) {
      const path = options.path ?? '';
      if (!path.startsWith(COMPONENT) || !open.has(path.slice(COMPONENT.length))) return undefined;
      if (!Array.isArray(schema.enum) || !schema.enum.every((value) => typeof value === 'string')) return undefined;
      return openEnum(schema.enum);
    },
  });
  return `${header}\n${astToString(ast)}`;
}
