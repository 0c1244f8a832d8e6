// Headless Chromium for the docs tests: one short-lived process per page, its own profile
// directory, a hard timeout, and the whole process group killed when done or on exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--virtual-time-budget=5000',
];

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL'); // renderer and zygote processes share the group
  } catch {
    // the group is already gone
  }
}

/** Kills every Chromium still running; safe to call more than once. */
export function killAllChromium(): void {
  for (const child of running) killGroup(child);
  running.clear();
}

process.on('exit', killAllChromium);

export interface ChromiumResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs Chromium on `url` with extra flags (`--dump-dom`, `--screenshot=...`). */
export function runChromium(url: string, extra: string[], timeoutMs = 60_000): Promise<ChromiumResult> {
  if (!existsSync(CHROMIUM)) return Promise.reject(new Error(`${CHROMIUM} not found: install the Debian package "chromium"`));
  const profile = mkdtempSync(join(tmpdir(), 'chinaums-chromium-'));
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...extra, url], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`chromium timed out after ${timeoutMs} ms on ${url}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      running.delete(child);
      killGroup(child); // leftover helpers of a finished browser
      rmSync(profile, { recursive: true, force: true });
    };
    child.on('error', (err) => { finish(); reject(err); });
    child.on('close', (code) => { finish(); resolve({ stdout, stderr, code }); });
  });
}
