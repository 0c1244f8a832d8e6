// The public surface, entry by entry: the exported names of every package.json subpath under each
// export condition. A restructure of src/ must keep this snapshot unchanged; a deliberate API
// change updates it (`npx vitest run test/package -u`) and shows up in review.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entries } from '../../tsup.config.js';

type Target = string | { readonly [condition: string]: Target };
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, Target> };

/** `./dist/index.node.js` → `src/index.node.ts`, through the build's own entry table. */
function sourceOf(distPath: string): string | undefined {
  const name = /^\.\/dist\/(.+)\.js$/.exec(distPath)?.[1];
  return name === undefined ? undefined : entries[name];
}

const cases: { subpath: string; condition: string; source: string }[] = [];
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string') continue; // ./package.json
  for (const [condition, path] of Object.entries(target)) {
    if (condition === 'types' || typeof path !== 'string') continue;
    const source = sourceOf(path);
    if (source === undefined) throw new Error(`${subpath} (${condition}) → ${path} has no tsup entry`);
    cases.push({ subpath, condition, source });
  }
}

describe('exported names of every package entry', () => {
  it('covers every subpath of package.json', () => {
    const subpaths = new Set(cases.map((c) => c.subpath));
    expect([...subpaths].sort()).toEqual(Object.keys(pkg.exports).filter((s) => s !== './package.json').sort());
  });

  it.each(cases)('$subpath ($condition → $source)', async ({ source }) => {
    const module = (await import(`../../${source}`)) as Record<string, unknown>;
    const names = Object.keys(module)
      .sort()
      .map((name) => `${name}: ${typeof module[name]}`);
    expect(names).toMatchSnapshot();
  });
});
