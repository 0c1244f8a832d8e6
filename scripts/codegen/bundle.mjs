// Bundles the multi-file spec into one JSON document with the redocly CLI, the same bundler the
// docs use, so every generator reads exactly what the published reference shows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const specRoot = join(repoRoot, 'spec/chinaums.openapi.yaml');

/** @returns {Record<string, any>} the bundled OpenAPI document (internal `#/components/...` refs kept). */
export function bundleSpecSync(root = specRoot) {
  const dir = mkdtempSync(join(tmpdir(), 'chinaums-bundle-'));
  const out = join(dir, 'bundled.json');
  try {
    execFileSync(join(repoRoot, 'node_modules/.bin/redocly'), ['bundle', root, '--output', out, '--ext', 'json'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60_000,
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch (error) {
    const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`redocly could not bundle ${root}:\n${stderr || error}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
