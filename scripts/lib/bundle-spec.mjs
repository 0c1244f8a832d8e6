// Loads the split OpenAPI document as one object for the docs and the drift checker, through the
// same bundler as `npm run generate` (scripts/codegen/bundle.mjs), so every tool sees one document.

import { existsSync } from 'node:fs';
import { bundleSpecSync } from '../codegen/bundle.mjs';

/** @typedef {Record<string, unknown>} Json */

/**
 * @param {string} specPath path to the root document
 * @returns {Promise<Json>}
 * @throws {Error} when the file is missing or a $ref cannot be resolved
 */
export async function bundleSpec(specPath) {
  if (!existsSync(specPath)) throw new Error(`spec not found: ${specPath}`);
  let parsed;
  try {
    parsed = /** @type {unknown} */ (bundleSpecSync(specPath));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot bundle ${specPath}:\n${message.replace(/^redocly could not bundle [^\n]*\n/, '')}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${specPath} is not an OpenAPI object`);
  return /** @type {Json} */ (parsed);
}
