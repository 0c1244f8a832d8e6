// Loads the split OpenAPI document as one object, $refs between files resolved, using the same
// bundler redocly's CLI uses.

import { existsSync } from 'node:fs';
import { bundle, createConfig } from '@redocly/openapi-core';

/** @typedef {Record<string, unknown>} Json */

/**
 * @param {string} specPath path to the root document
 * @returns {Promise<Json>}
 * @throws {Error} when the file is missing or a $ref cannot be resolved
 */
export async function bundleSpec(specPath) {
  if (!existsSync(specPath)) throw new Error(`spec not found: ${specPath}`);
  const config = await createConfig({});
  const result = await bundle({ ref: specPath, config });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.slice(0, 5).map((p) => `  ${p.message} (${p.location.map((l) => l.pointer).join(', ')})`);
    throw new Error(`cannot bundle ${specPath}:\n${lines.join('\n')}`);
  }
  const parsed = /** @type {unknown} */ (result.bundle.parsed);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${specPath} is not an OpenAPI object`);
  return /** @type {Json} */ (parsed);
}
