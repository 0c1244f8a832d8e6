// scripts/bundle/merge-chunks.ts on a small library built the way tsup builds ours (esbuild,
// code splitting): main entries load as few files as they can, nothing is duplicated (a class
// shared by two entries stays one class), entry files keep their exact exports.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mergeChunks } from '../../scripts/bundle/merge-chunks.js';

const SOURCES: Record<string, string> = {
  // Shared by both main entries and by the secondary one.
  'errors.ts': 'export class SharedError extends Error {}\n',
  // Loaded by the client side only, but the secondary entry needs it too.
  'nonce.ts': 'export const nonce = () => "n";\n',
  // Client-only modules.
  'call.ts': 'import { nonce } from "./nonce.js"; import { SharedError } from "./errors.js";\nexport const call = () => { if (!nonce()) throw new SharedError(); return "called"; };\n',
  'retry.ts': 'export const retry = (n: number) => n + 1;\n',
  'client.ts': 'export { call } from "./call.js"; export { retry } from "./retry.js"; export { SharedError } from "./errors.js";\n',
  'notify.ts': 'import { SharedError } from "./errors.js";\nexport const verify = () => new SharedError("bad");\nexport { SharedError };\n',
  'store.ts': 'import { nonce } from "./nonce.js"; import { SharedError } from "./errors.js";\nexport const store = () => [nonce(), SharedError.name];\n',
};
const ENTRIES = { client: 'client.ts', notify: 'notify.ts', store: 'store.ts' };

let dir: string;
const out = () => join(dir, 'dist');

/** Relative files each built file imports, transitively, from `name`. */
async function filesLoadedBy(name: string): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(join(out(), file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+)["']/g)) await visit(spec!);
  };
  await visit(`${name}.js`);
  return [...seen].sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'merge-chunks-'));
  await mkdir(join(dir, 'src'));
  for (const [file, code] of Object.entries(SOURCES)) await writeFile(join(dir, 'src', file), code);
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(dir, 'src', file)])),
    bundle: true, splitting: true, format: 'esm', outdir: out(), sourcemap: true, logLevel: 'silent',
  });
  await mergeChunks(out(), Object.keys(ENTRIES), ['client', 'notify']);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('a main entry loads its own file, the file the main entries share, and never code only another main entry needs', async () => {
  const client = await filesLoadedBy('client');
  const notify = await filesLoadedBy('notify');
  // notify: its own file and the shared one (errors). client: also the file of its own code that
  // the secondary entry imports too (nonce), which notify must not load.
  expect(notify).toHaveLength(2);
  expect(client).toHaveLength(3);
  expect(client.filter((f) => notify.includes(f))).toHaveLength(1);
  expect(client).not.toContain('notify.js');
  const notifyCode = (await Promise.all(notify.map((f) => readFile(join(out(), f), 'utf8')))).join('\n');
  expect(notifyCode).not.toContain('"n"');
});

it('keeps every export, one class for every entry, working code and source maps', async () => {
  const load = async (name: string) => (await import(pathToFileURL(join(out(), `${name}.js`)).href)) as Record<string, unknown>;
  const client = await load('client');
  const notify = await load('notify');
  const store = await load('store');
  expect(Object.keys(client).sort()).toEqual(['SharedError', 'call', 'retry']);
  expect(Object.keys(notify).sort()).toEqual(['SharedError', 'verify']);
  expect(Object.keys(store)).toEqual(['store']);
  expect(client.SharedError).toBe(notify.SharedError);
  expect((notify.verify as () => unknown)()).toBeInstanceOf(client.SharedError as typeof Error);
  expect((client.call as () => string)()).toBe('called');
  expect((store.store as () => string[])()).toEqual(['n', 'SharedError']);
  const files = await readdir(out());
  for (const file of files.filter((f) => f.endsWith('.js'))) expect(files).toContain(`${file}.map`);
  const map = JSON.parse(await readFile(join(out(), 'client.js.map'), 'utf8')) as { sources: string[] };
  expect(map.sources.some((source) => source.endsWith('src/call.ts'))).toBe(true);
});
