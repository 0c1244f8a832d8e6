// The API reference works with no network at all: its search finds operations, and the page
// sends no request beyond itself (Chromium here cannot resolve any host name).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDevToolsPage, type DevToolsPage } from './cdp.js';
import { CHROMIUM } from './chromium.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const skip = !existsSync(CHROMIUM) && !process.env.CI;
// Bounds for a hung browser on a loaded two-core machine, not for a slow one.
const STEP_MS = 120_000;

describe.skipIf(skip)('API reference offline (Chromium over DevTools)', () => {
  let dir = '';
  let page: DevToolsPage | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chinaums-docs-offline-'));
    const out = join(dir, 'index.html');
    const build = spawnSync(process.execPath, ['scripts/docs.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (build.status !== 0) throw new Error(`npm run docs failed (${build.status ?? build.signal}):\n${build.stderr}${build.stdout}`);
    page = await openDevToolsPage(STEP_MS);
    await page.send('Network.enable');
    await page.send('Page.enable');
    await page.send('Page.navigate', { url: pathToFileURL(out).href });
    await page.waitFor(`document.querySelector('#api-content') && document.body.innerText.includes('Ctrl+K')`, STEP_MS);
  }, 600_000);

  afterAll(() => {
    page?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('search finds an operation from its words', async () => {
    const p = page!;
    await p.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'k', code: 'KeyK', modifiers: 2, windowsVirtualKeyCode: 75 });
    await p.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'k', code: 'KeyK', modifiers: 2, windowsVirtualKeyCode: 75 });
    await p.waitFor(`document.activeElement?.getAttribute('placeholder') === 'Search docs...'`, STEP_MS);
    await p.send('Input.insertText', { text: 'refund' });
    await p.waitFor(`document.querySelector('[data-testid=search-dialog]')?.innerText.includes('/v1/netpay/refund-query')`, STEP_MS);
    const results = await p.evaluate<string>(`document.querySelector('[data-testid=search-dialog]').innerText`);
    expect(results).toContain('退款查询');
  }, 600_000);

  it('sends no request to the network (the footer logo is refused by the page policy, not fetched)', () => {
    const requests = page!.events.filter((e) => e.method === 'Network.requestWillBeSent');
    const blocked = new Set(
      page!.events
        .filter((e) => e.method === 'Network.loadingFailed' && (e.params?.['blockedReason'] === 'csp' || e.params?.['blockedReason'] === 'content-type'))
        .map((e) => e.params?.['requestId']),
    );
    const remote = requests
      .filter((e) => !blocked.has(e.params?.['requestId']))
      .map((e) => (e.params?.['request'] as { url: string }).url)
      .filter((url) => /^(https?|wss?):/.test(url));
    expect(requests.length).toBeGreaterThan(0);
    expect(remote).toEqual([]);
  });
});
