// Bundles one Node entry (CLI, demo) from source with esbuild into a temp dir: a self-contained
// file that runs as a child process, the way `npm start` and the `chinaums` bin run.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltEntry {
  readonly file: string;
  remove(): Promise<void>;
}

export async function buildEntry(entry: string, name: string): Promise<BuiltEntry> {
  const dir = await mkdtemp(join(tmpdir(), 'chinaums-entry-'));
  const file = join(dir, `${name}.mjs`);
  await build({ entryPoints: [join(ROOT, entry)], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly input?: string;
  readonly env?: Record<string, string | undefined>;
  readonly timeoutMs?: number;
}

/** Runs `node file ...args`; kills it (and fails loudly) past the timeout. */
export function runNode(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, CHINAUMS_APP_ID: undefined, CHINAUMS_APP_KEY: undefined, CHINAUMS_ENV: undefined, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [file, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not finish within ${options.timeoutMs ?? 15_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
