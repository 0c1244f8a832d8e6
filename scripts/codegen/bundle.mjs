// Bundles the multi-file spec into one JSON document with the redocly CLI, the same bundler the
// docs use, so every generator reads exactly what the published reference shows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const specRoot = join(repoRoot, 'spec/chinaums.openapi.yaml');

/**
 * The lines of redocly's stderr that say what is wrong, most telling first (it also prints a
 * Node-version banner and progress lines that would bury the cause).
 */
function problemsIn(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line && !/^[╔║╚]/.test(line) && !/^bundling /.test(line));
  const causes = lines.filter((line) => !/^\[\d+\]/.test(line));
  const locations = lines.filter((line) => /^\[\d+\]/.test(line));
  return [...causes, ...locations].join('\n') || stderr;
}

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
    const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`redocly could not bundle ${root}:\n${problemsIn(stderr)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
