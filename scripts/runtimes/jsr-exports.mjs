// JSR publishes the sources, npm the build: both must offer the same portable subpaths. Each
// package.json subpath maps (via its default dist file and tsup.config.ts's entries) to a source
// file; jsr.json must export that file under the same subpath unless the file is Node-only
// (named for Node), which JSR users reach through `npm:chinaums` instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const NODE_NAMED = /(^|\/)node\.ts$|\.node\.ts$/;

/** @returns {string[]} one line per mismatch; empty when jsr.json exports every portable subpath. */
export function jsrExportProblems(root = ROOT) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const jsr = JSON.parse(readFileSync(join(root, 'jsr.json'), 'utf8'));
  const tsup = readFileSync(join(root, 'tsup.config.ts'), 'utf8');
  const entries = new Map([...tsup.matchAll(/^\s*'?([\w.-]+)'?:\s*'(src\/[^']+\.ts)'/gm)].map((m) => [m[1], m[2]]));
  const problems = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === './package.json') continue;
    const file = typeof target === 'string' ? target : target.default;
    const name = /^\.\/dist\/(.+)\.js$/.exec(file)?.[1];
    const source = name && entries.get(name);
    if (!source) {
      problems.push(`${subpath}: no tsup entry builds ${file}`);
      continue;
    }
    if (NODE_NAMED.test(source)) continue;
    const published = jsr.exports[subpath];
    if (published !== `./${source}`) problems.push(`${subpath}: jsr.json exports ${published ?? 'nothing'}, expected ./${source}`);
  }
  for (const subpath of Object.keys(jsr.exports)) {
    if (!(subpath in pkg.exports)) problems.push(`${subpath}: in jsr.json but not in package.json exports`);
  }
  return problems;
}
