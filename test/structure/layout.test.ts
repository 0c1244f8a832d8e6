// The layout rules of issue 15 that a reader relies on, checked so a later change cannot quietly undo them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, relativeImports, ROOT, sourceFiles } from './import-graph.js';

describe('src/ as a whole', () => {
  it('has no import circle anywhere (type-only imports included)', () => {
    expect(importCycles(sourceFiles('src', ['.ts']))).toEqual([]);
  });

  it('has no handwritten file over 300 lines', () => {
    const long = sourceFiles('src')
      .map((file) => `${file}: ${readFileSync(join(ROOT, file), 'utf8').split('\n').length}`)
      .filter((line) => Number(line.split(': ')[1]) > 300);
    expect(long).toEqual([]);
  });

  it('keeps at most 10 files at its top (entries and what every folder shares; src/README.md says which)', () => {
    const top = sourceFiles('src', ['.ts']).filter((file) => !file.slice('src/'.length).includes('/'));
    expect(top.length).toBeLessThanOrEqual(10);
    const readme = readFileSync(join(ROOT, 'src/README.md'), 'utf8');
    expect(top.filter((file) => !readme.includes(file.slice('src/'.length)))).toEqual([]);
  });
});

describe('the generated/handwritten boundary', () => {
  it('generated/ imports nothing from src/ (the spec is the only input of generated code)', () => {
    const offending = sourceFiles('generated').flatMap((file) => relativeImports(file).filter((to) => to.startsWith('src/')).map((to) => `${file} → ${to}`));
    expect(offending).toEqual([]);
  });
});

describe('the sandbox', () => {
  it('state/ (what the simulated platform remembers) never imports platform/ (what it does)', () => {
    const offending = sourceFiles('src/sandbox/state').flatMap((file) => relativeImports(file).filter((to) => to.startsWith('src/sandbox/platform/')).map((to) => `${file} → ${to}`));
    expect(offending).toEqual([]);
  });
});
