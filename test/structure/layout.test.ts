// The layout rules of issue 15 that a reader relies on, checked so a later change cannot quietly undo them.
import { describe, expect, it } from 'vitest';
import { relativeImports, sourceFiles } from './import-graph.js';

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
