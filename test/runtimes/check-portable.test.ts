// The portability guard catches a planted violation and names file:line; Node-named files pass.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = new URL('../../scripts/check-portable.mjs', import.meta.url).pathname;

async function guard(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, root], { timeout: 30_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe('scripts/check-portable.mjs', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'check-portable-'));
    await mkdir(join(root, 'src', 'cli'), { recursive: true });
    await mkdir(join(root, 'src', 'crypto'), { recursive: true });
    // Allowed: Node-named files, the CLI folder, type-only Node imports, words in comments and strings.
    await writeFile(join(root, 'src', 'crypto', 'node.ts'), "import { createHash } from 'node:crypto';\nexport const h = createHash;\n");
    await writeFile(join(root, 'src', 'cli', 'main.ts'), 'export const argv = process.argv;\n');
    await writeFile(
      join(root, 'src', 'fine.ts'),
      "import type { IncomingMessage } from 'node:http';\n// process the Buffer here\nexport const m = 'eval(require) process';\nexport const o = { process: 1 }.process;\nexport type R = IncomingMessage;\n",
    );
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('passes portable sources and Node-named files', async () => {
    const result = await guard(root);
    expect(result.output).toContain('no Node-only APIs');
    expect(result.code).toBe(0);
  });

  it('fails on each planted violation, naming file:line', async () => {
    const bad = [
      "import { readFile } from 'node:fs/promises';",
      "export const b = Buffer.from('x');",
      'export const env = process.env;',
      "export const r = require('x');",
      'export const d = __dirname;',
      "export const e = eval('1');",
      "export const f = new Function('return 1');",
      "export const g = await import('node:os');",
    ].join('\n');
    await writeFile(join(root, 'src', 'bad.ts'), bad);
    const result = await guard(root);
    await rm(join(root, 'src', 'bad.ts'));
    expect(result.code).toBe(1);
    for (const [line, what] of [[1, "import 'node:fs/promises'"], [2, 'Buffer'], [3, 'process'], [4, 'require'], [5, '__dirname'], [6, 'eval'], [7, 'new Function'], [8, "import('node:os')"]] as const) {
      expect(result.output).toMatch(new RegExp(`src/bad\\.ts:${line}:\\d+ +${what.replace(/[()'.]/g, '\\$&')}`));
    }
    expect(result.output).not.toContain('fine.ts');
    expect(result.output).not.toContain('crypto/node.ts');
    expect(result.output).not.toContain('cli/main.ts');
  });
});
