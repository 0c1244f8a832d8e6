// Headless Chromium driven over the DevTools protocol (Node's WebSocket), for checks a dumped DOM
// cannot make: typing into the page's search and watching every request the page tries to send.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from './chromium.js';

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
}

export interface DevToolsPage {
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  evaluate<T>(expression: string): Promise<T>;
  /** Every protocol event so far, in order. */
  readonly events: Message[];
  /** Resolves once `predicate` (a page expression) is truthy; rejects after `timeoutMs`. */
  waitFor(predicate: string, timeoutMs: number): Promise<void>;
  close(): void;
}

/** Starts Chromium with no name resolution at all (so nothing can reach the network) and one page. */
export async function openDevToolsPage(timeoutMs: number): Promise<DevToolsPage> {
  const profile = mkdtempSync(join(tmpdir(), 'chinaums-cdp-'));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND', '--remote-debugging-port=0'];
  const child = spawn(CHROMIUM, [...flags, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore', detached: true });
  const close = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const portFile = join(profile, 'DevToolsActivePort');
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (Date.now() > deadline) throw new Error(`chromium did not open its DevTools port within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const port = readFileSync(portFile, 'utf8').split('\n')[0];
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
    const target = targets.find((t) => t.type === 'page');
    if (!target) throw new Error('chromium has no page target');
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', reject, { once: true });
    });
    const events: Message[] = [];
    const pending = new Map<number, (m: Message) => void>();
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as Message;
      if (message.id !== undefined) pending.get(message.id)?.(message);
      else events.push(message);
    });
    let nextId = 0;
    const send = (method: string, params: Record<string, unknown> = {}) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = ++nextId;
        pending.set(id, (m) => resolve(m.result ?? {}));
        socket.send(JSON.stringify({ id, method, params }));
      });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const result = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      return (result['result'] as { value: T }).value;
    };
    const waitFor = async (predicate: string, ms: number): Promise<void> => {
      const until = Date.now() + ms;
      while (!(await evaluate<boolean>(`Boolean(${predicate})`))) {
        if (Date.now() > until) throw new Error(`page condition not met within ${ms} ms: ${predicate}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    return {
      send,
      evaluate,
      events,
      waitFor,
      close: () => {
        socket.close();
        close();
      },
    };
  } catch (error) {
    close();
    throw error;
  }
}
