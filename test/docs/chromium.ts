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

/**
 * One page normally takes 3–8 s, but a cold Chromium on two cores that other jobs load has been
 * seen past 60 s: the bound is for a hung browser, not for a slow one.
 */
export const PAGE_TIMEOUT_MS = 180_000;

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
export function runChromium(url: string, extra: string[], timeoutMs = PAGE_TIMEOUT_MS): Promise<ChromiumResult> {
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

/** runChromium, tried once more if the browser hung or crashed (a loaded machine, not the page). */
export async function runChromiumPatiently(url: string, extra: string[]): Promise<ChromiumResult> {
  try {
    const result = await runChromium(url, extra);
    if (result.code === 0) return result;
  } catch {
    // timed out or failed to start: once more below, and that verdict stands
  }
  return runChromium(url, extra);
}
