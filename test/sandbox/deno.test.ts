import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildEntry, type BuiltEntry } from '../cli/build-entry.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DENO = join(ROOT, 'node_modules', '.bin', 'deno');
let probe: BuiltEntry;

beforeAll(async () => {
  probe = await buildEntry('test/sandbox/deno-probe.ts', 'deno-probe');
});
afterAll(async () => {
  await probe?.remove();
});

it('serves the sandbox under Deno.serve on 127.0.0.1 (serveSandboxWithDeno)', async () => {
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(DENO, ['run', '--no-prompt', '--no-lock', '--allow-net=127.0.0.1', probe.file], {
      env: { ...process.env, DENO_DIR: join(ROOT, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`deno did not finish: ${stderr}`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const line = JSON.parse(result.stdout.trim()) as { url: string; status: string; totalAmount: number };
  expect(line).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), status: 'TRADE_SUCCESS', totalAmount: 7 });
});
