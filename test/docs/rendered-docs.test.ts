// Builds the API reference and renders it in headless Chromium: the operations, the webhook,
// their examples, the servers and both security schemes must appear as rendered markup.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDevToolsPage, type DevToolsPage } from './cdp.js';
import { CHROMIUM } from './chromium.js';
import { headingTexts, renderedText } from './rendered-text.js';
import { readSpecOutline, type SpecOutline } from './spec-outline.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SPEC = join(ROOT, 'spec/chinaums.openapi.yaml');
const OUT_DIR = join(ROOT, 'build/docs');
const PAGE = join(OUT_DIR, 'index.html');
const SCREENSHOT = join(OUT_DIR, 'screenshot.png');

const haveChromium = existsSync(CHROMIUM);
// Locally a missing browser skips the suite; in CI it must fail, so the gap cannot go unnoticed.
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`rendered-docs: SKIPPED, ${CHROMIUM} is missing (apt-get install chromium); CI fails instead`);

function unique(items: string[]): string[] {
  return [...new Set(items)].filter((s) => s !== '');
}

// Bounds for a hung browser on a loaded two-core machine, not for a slow one.
const STEP_MS = 120_000;

/** The page's DOM once the markup stopped changing (two equal snapshots in a row): no fixed sleep. */
async function settledDom(page: DevToolsPage, label: string): Promise<string> {
  let previous = '';
  const until = Date.now() + STEP_MS;
  for (;;) {
    const dom = await page.evaluate<string>('document.documentElement.outerHTML');
    if (dom === previous) return dom;
    if (Date.now() > until) throw new Error(`${label} kept changing for ${STEP_MS} ms`);
    previous = dom;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Loads the page once and returns its rendered DOM. */
async function loadPage(page: DevToolsPage, url: string): Promise<string> {
  await page.send('Page.navigate', { url });
  await page.waitFor(`document.readyState === 'complete' && document.querySelector('#api-content') !== null`, STEP_MS);
  return settledDom(page, url);
}

/**
 * Shows one route of the loaded page, the way a reader's click does (the page routes on the
 * hash), and returns its DOM once the route's markup is there and settled.
 */
async function renderedRoute(page: DevToolsPage, route: string): Promise<string> {
  // The route renders after the hash change returns: wait for the markup to change first, or two
  // equal snapshots of the previous route would pass for this one on a slow machine.
  await page.evaluate(`globalThis.__domBeforeRoute = document.documentElement.outerHTML; location.hash = ${JSON.stringify(route)}`);
  await page.waitFor(`document.documentElement.outerHTML !== globalThis.__domBeforeRoute`, STEP_MS);
  return settledDom(page, route);
}

/** One Chromium page at a time: on two shared cores, parallel browsers only slow each other down. */
async function oneByOne<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

describe.skipIf(skip)('rendered API reference (Chromium)', () => {
  let outline: SpecOutline;
  let mainDom = '';
  /** Dumped DOMs of the routes that show each operation (#/netpay, #/netpay/netpayrefundquery, ...). */
  let routeDoms: string[] = [];
  let page: DevToolsPage | undefined;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install the Debian package "chromium"`);
    const build = spawnSync(process.execPath, ['scripts/docs.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    if (build.status !== 0) throw new Error(`npm run docs failed (${build.status ?? build.signal}):\n${build.stderr}${build.stdout}`);
    outline = await readSpecOutline(SPEC);
    mkdirSync(OUT_DIR, { recursive: true });
    const url = pathToFileURL(PAGE).href;
    // One browser for every route: starting Chromium per route cost minutes on a loaded machine.
    page = await openDevToolsPage(STEP_MS);
    await page.send('Page.enable');
    await page.send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false });
    mainDom = await loadPage(page, url);
    const shot = await page.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(SCREENSHOT, Buffer.from(String(shot['data']), 'base64'));
    // Each operation renders on its own route. The sidebar lists the groups (tags) first; a
    // group's route expands it and links its operations.
    const groups = unique([...mainDom.matchAll(/href="(\/[^"#]+)"/g)].map((m) => m[1] ?? '')).filter((r) => !r.startsWith('/section/'));
    if (groups.length === 0) throw new Error('the rendered sidebar has no operation groups');
    const groupDoms = await oneByOne(groups, (r) => renderedRoute(page!, r));
    // A group's route shows its first operation; the others need their own route.
    const operationLinks = groupDoms.map((dom) => unique([...dom.matchAll(/href="#(\/[^"#/]+\/[^"#/]+)"/g)].map((m) => m[1] ?? '')));
    if (operationLinks.every((links) => links.length === 0)) throw new Error('the rendered sidebar links no operations');
    const others = unique(operationLinks.flatMap((links) => links.slice(1)));
    const otherDoms = await oneByOne(others, (r) => renderedRoute(page!, r));
    routeDoms = [...groupDoms, ...otherDoms];
    // Bound for a hung browser only.
  }, 900_000);

  afterAll(() => {
    page?.close();
  });

  it('is self-contained and the embedded page has no network dependency', () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(html).not.toMatch(/<script[^>]+\bsrc\s*=/i);
    expect(html).not.toMatch(/import\s*\{[^}]*\}\s*from\s*["']https?:/);
  });

  it('shows the title, servers and the project logo', () => {
    const text = renderedText(mainDom);
    for (const server of outline.servers) expect(text).toContain(server);
    expect(mainDom).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,/);
  });

  it('shows both security schemes in the rendered Authentication section', () => {
    expect(outline.securitySchemes.length).toBeGreaterThanOrEqual(2);
    const headings = headingTexts(mainDom);
    expect(headings).toContain('Authentication');
    for (const name of outline.securitySchemes) expect(headings).toContain(name);
    // Operation pages render their security requirement as a panel of its own.
    expect(routeDoms.some((dom) => renderedText(dom).includes('View security details'))).toBe(true);
  });

  it('renders every operation with its summary and an example', () => {
    expect(outline.operations.length).toBeGreaterThan(0);
    const headings = routeDoms.flatMap(headingTexts);
    const text = routeDoms.map(renderedText).join('\n');
    for (const op of outline.operations) {
      expect(op.summary, `${op.label} has no summary`).not.toBe('');
      expect(headings.some((h) => h.startsWith(op.summary)), `${op.label}: heading "${op.summary}"`).toBe(true);
      if (op.example) expect(text, `${op.label}: example value ${op.example}`).toContain(op.example);
    }
  });

  it('renders the paymentNotification webhook with its example', () => {
    const hook = outline.webhooks.find((w) => w.label === 'webhook paymentNotification');
    expect(hook, 'spec has webhooks.paymentNotification').toBeDefined();
    const headings = routeDoms.flatMap(headingTexts);
    const text = routeDoms.map(renderedText).join('\n');
    // The heading carries a "Webhook" badge after the summary.
    expect(headings.some((h) => hook !== undefined && h.startsWith(hook.summary) && /webhook/i.test(h))).toBe(true);
    expect(text).toContain('paymentNotification');
    if (hook?.example) expect(text).toContain(hook.example);
  });

  it('saves a screenshot of the rendered page', () => {
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000); // a blank page compresses to a few KiB
  });
});
