// Runs every ```ts block of README.md and README.zh-CN.md against a real sandbox on 127.0.0.1 (the
// type-check is scripts/check-readme.mjs). A block that cannot run here says so on its first line,
// `// readme: type-check only (why)`, and a marker without a reason fails, so nothing is skipped silently.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoSeed from '../../examples/sandbox-seed.json' with { type: 'json' };
import { extractTsBlocks, readmeFiles, root, subpaths } from '../../scripts/readme-blocks.mjs';
import { DEMO_NOTIFY_KEY, parseSandboxSeed } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';

const outDir = join(root, '.tmp/readme-run');
const bun = join(root, 'node_modules/.bin/bun');
const shim = join(root, 'test/docs/readme-shim.ts');
// A hang bound, not a timing assertion: a block that has not exited by then is reported as hung.
const HANG_BOUND_MS = 60_000;
const MARKER = /^\/\/\s*readme:\s*(.*)$/;
const SKIP = /^type-check only \((.+)\)$/;

interface Block {
  readonly source: string;
  readonly where: string;
  readonly marker: string | undefined;
}

const blocks: Block[] = extractTsBlocks(readmeFiles).map((block) => {
  const first = block.source.split('\n', 1)[0] ?? '';
  return { ...block, marker: MARKER.exec(first.trim())?.[1]?.trim() };
});

/** `chinaums` → the shim; `chinaums/x` → its source file, as the type-check maps them. */
function localImports(source: string): string {
  return source.replace(/(from\s+|import\s*\(\s*)'(chinaums(?:\/[\w/-]+)?)'/g, (whole, lead: string, specifier: string) => {
    if (specifier === 'chinaums') return `${lead}'${shim}'`;
    const target = subpaths[specifier];
    // Unmapped, bun would resolve the package itself (dist/), not the sources under test.
    if (target === undefined) throw new Error(`${specifier} is not in scripts/readme-blocks.mjs subpaths (${whole})`);
    return `${lead}'${join(root, target)}'`;
  });
}

function run(file: string, sandboxUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // The notification key both names the guides read; the client's credentials are the shim's business.
    const env = { ...process.env, CHINAUMS_README_SANDBOX_URL: sandboxUrl, CHINAUMS_NOTIFY_KEY: DEMO_NOTIFY_KEY, CHINAUMS_MD5_KEY: DEMO_NOTIFY_KEY };
    execFile(bun, ['run', file], { cwd: outDir, env, timeout: HANG_BOUND_MS, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const killed = error !== null && 'killed' in error && error.killed === true;
      const code = error === null ? 0 : killed ? null : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${killed ? `hung: no exit within ${HANG_BOUND_MS} ms\n` : ''}${stdout}${stderr}` });
    });
  });
}

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
});

describe('README examples', () => {
  it('are found in both READMEs', () => {
    expect(blocks.some((b) => b.where.startsWith('README.md:'))).toBe(true);
    expect(blocks.some((b) => b.where.startsWith('README.zh-CN.md:'))).toBe(true);
  });

  it('skip only with a stated reason', () => {
    const unexplained = blocks.filter((b) => b.marker !== undefined && !SKIP.test(b.marker)).map((b) => `${b.where}: // readme: ${b.marker}`);
    expect(unexplained, 'use `// readme: type-check only (why)`').toEqual([]);
  });

  const runnable = blocks.filter((b) => b.marker === undefined);
  describe.each(runnable.map((block, i) => ({ ...block, name: `block-${String(i + 1).padStart(2, '0')}.ts` })))('$where', ({ source, name }) => {
    let server: SandboxServer;
    // Each block gets a fresh sandbox with the built-in demo seed, so one block's refund is not another's state.
    beforeAll(async () => {
      server = await startSandboxServer({ seed: parseSandboxSeed(demoSeed) });
    });
    afterAll(async () => {
      await server.close();
    });

    it('runs against the sandbox and exits 0', { timeout: HANG_BOUND_MS + 10_000 }, async () => {
      const file = join(outDir, name);
      writeFileSync(file, `${localImports(source)}\nexport {};\n`);
      const { code, output } = await run(file, server.url);
      expect(code, `the block's output:\n${output}`).toBe(0);
    });
  });
});
