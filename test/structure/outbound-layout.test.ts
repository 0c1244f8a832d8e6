// The outbound side's layout (issue 15, src/README.md): the credentials code stands alone, the
// hot-path machinery is fenced inside the client, the demo uses the package as a user would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, relativeImports, ROOT, sourceFiles } from './import-graph.js';

const imports = (dir: string) => sourceFiles(dir, ['.ts']).flatMap((file) => relativeImports(file).map((to) => ({ file, to })));
const show = ({ file, to }: { file: string; to: string }) => `${file} → ${to}`;

/** The files tsup builds as package entries or programs: the only src/ files the demo may import. */
function entryFiles(): Set<string> {
  const config = readFileSync(join(ROOT, 'tsup.config.ts'), 'utf8');
  return new Set([...config.matchAll(/'(src\/[^']+\.ts)'/g)].map((match) => match[1]!));
}

describe('the outbound layout', () => {
  it('auth/ never imports client/ (not even a type): credentials know nothing of the call', () => {
    expect(imports('src/auth').filter(({ to }) => to.startsWith('src/client/')).map(show)).toEqual([]);
  });

  it('client/transport/ is imported only from client/', () => {
    const outside = sourceFiles('src', ['.ts']).filter((file) => !file.startsWith('src/client/'));
    const offending = outside.flatMap((file) => relativeImports(file).filter((to) => to.startsWith('src/client/transport/')).map((to) => `${file} → ${to}`));
    expect(offending).toEqual([]);
  });

  it('demo/ imports only package entry files (src/index.ts and the like), never internals', () => {
    const entries = entryFiles();
    expect(entries.has('src/index.ts')).toBe(true);
    const offending = imports('src/demo').filter(({ to }) => !to.startsWith('src/demo/') && !entries.has(to));
    expect(offending.map(show)).toEqual([]);
  });

  it('client/, auth/ and the shared top-level files have no import circle (type-only imports included)', () => {
    const files = [...sourceFiles('src/client', ['.ts']), ...sourceFiles('src/auth', ['.ts']), ...sourceFiles('src', ['.ts']).filter((file) => !file.slice(4).includes('/'))];
    expect(importCycles(files)).toEqual([]);
  });

  it('no handwritten file in client/ or auth/ is over 300 lines', () => {
    const long = [...sourceFiles('src/client'), ...sourceFiles('src/auth')]
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
