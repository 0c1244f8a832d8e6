// `npm run docs` without a browser: the page it writes is self-contained and themed, and a
// broken spec fails the build with a message that says what is wrong.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './pages.js';

const work = mkdtempSync(join(tmpdir(), 'chinaums-docs-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function docs(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['scripts/docs.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run docs', () => {
  it('writes one self-contained, themed page', () => {
    const out = join(work, 'index.html');
    const r = docs(['--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^docs: wrote .*index\.html \(\d+ KiB, self-contained\)/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>chinaums — ChinaUMS 银联商务 天满 API reference</title>');
    expect(html).toContain('--color-brand-6: #c41f3a'); // the theme
    expect(html).toMatch(/"x-logo":\{"url":"data:image\/svg\+xml;base64,/); // the logo, inlined
    expect(html).not.toMatch(/<script[^>]+\bsrc\s*=/i);
    expect(html).not.toContain('cdn.redocly.com/redoc/v');
  }, 200_000);

  it('fails clearly when the spec is missing', () => {
    const r = docs(['--spec', join(work, 'nope.yaml'), '--out', join(work, 'x.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('docs: spec not found');
  });

  it('fails clearly when a $ref cannot be resolved', () => {
    const spec = join(work, 'broken.yaml');
    writeFileSync(spec, 'openapi: 3.1.0\ninfo: {title: broken, version: "1"}\npaths:\n  /a:\n    $ref: missing.yaml\n');
    const r = docs(['--spec', spec, '--out', join(work, 'y.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/docs: cannot bundle .*broken\.yaml:\n.*missing\.yaml/);
  });
});
